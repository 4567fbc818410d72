import type { Frame, Page } from 'playwright-core';

// Text contrast as WCAG 2.2 SC 1.4.3 (Contrast, Minimum, level AA) defines it: every visible
// text needs 4.5:1 against what is painted behind it, large text (≥ 18 pt, or ≥ 14 pt bold)
// 3:1. Text of an inactive control (disabled) is exempt. Measured in the page from computed
// styles: the foreground colour is blended over the background, and the background is the
// element's ancestors' background colours composited (alpha and opacity groups included) over
// the canvas. Text covered by something opaque (a dialog's backdrop) is not visible and skipped.

/** One measured text: colours as #rrggbb, `ratio` the contrast ratio (1–21). */
export interface ContrastSample {
  /** The text (first 60 characters); for form fields their value or placeholder. */
  text: string;
  /** Where it is: the nearest landmark-ish ancestors and the element, for a readable report. */
  where: string;
  fg: string;
  bg: string;
  ratio: number;
  /** 4.5 for normal text, 3 for large text, 0 for exempt (disabled control) text. */
  required: number;
  /** Something the measurement cannot judge (a background image); reported, never passed silently. */
  unsure?: string;
}

export interface ContrastScope {
  /** Measure only text inside this element (CSS selector, first match) plus open tooltips; default the whole document. */
  selector?: string;
  /** Measure only text inside the focused element (the deepest `document.activeElement`). */
  focused?: boolean;
}

/** WCAG 2.2 relative luminance of an sRGB colour given as 0–255 channels. */
export function relativeLuminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}

/** WCAG contrast ratio of two opaque sRGB colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Measures every visible text in the frame (or in `scope`). Runs in the page. */
export function measureContrast(frame: Frame, scope: ContrastScope = {}): Promise<ContrastSample[]> {
  return frame.evaluate(inPage, scope);
}

/** Samples that miss their requirement, or that the measurement could not judge. */
export function failures(samples: readonly ContrastSample[]): ContrastSample[] {
  return samples.filter((s) => s.unsure !== undefined || s.ratio < s.required);
}

/** The lowest ratio among samples that must meet a requirement (Infinity when there is none). */
export function worst(samples: readonly ContrastSample[]): ContrastSample | undefined {
  return samples.filter((s) => s.required > 0).sort((a, b) => a.ratio - b.ratio)[0];
}

// Serialised into the page by Playwright: it may use nothing from this module's scope.
function inPage(scope: ContrastScope): ContrastSample[] {
  type Rgba = [number, number, number, number];
  const TRANSPARENT: Rgba = [0, 0, 0, 0];
  const CANVAS: Rgba = [255, 255, 255, 1];

  const parse = (css: string): Rgba | undefined => {
    if (css === 'transparent') return TRANSPARENT;
    const rgb = /^rgba?\(([^)]*)\)$/.exec(css);
    if (rgb?.[1]) {
      const p = rgb[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    }
    const srgb = /^color\(srgb ([^)]*)\)$/.exec(css);
    if (srgb?.[1]) {
      const p = srgb[1]
        .split(/[\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [(p[0] ?? 0) * 255, (p[1] ?? 0) * 255, (p[2] ?? 0) * 255, p[3] ?? 1];
    }
    return undefined;
  };
  // Porter-Duff "source over" on straight (not premultiplied) colours.
  const over = (s: Rgba, d: Rgba): Rgba => {
    const a = s[3] + d[3] * (1 - s[3]);
    if (a === 0) return TRANSPARENT;
    const mix = (i: 0 | 1 | 2) => (s[i] * s[3] + d[i] * d[3] * (1 - s[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const fade = (c: Rgba, opacity: number): Rgba => [c[0], c[1], c[2], c[3] * opacity];
  const luminance = (c: Rgba) => {
    const ch = (v: number) => {
      const x = v / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [x, y] = [luminance(a), luminance(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const hex = (c: Rgba) => `#${[c[0], c[1], c[2]].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

  interface Layer {
    bg: Rgba;
    opacity: number;
    image: string;
  }
  const chainOf = (el: Element): Layer[] => {
    const chain: Layer[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      chain.unshift({
        bg: parse(style.backgroundColor) ?? TRANSPARENT,
        opacity: Number(style.opacity),
        image: style.backgroundImage,
      });
    }
    return chain;
  };
  // Paints the chain from the root down to the text's element; an element with opacity < 1 is
  // a group painted on transparent and then blended onto what is below it.
  const paint = (chain: Layer[], i: number, under: Rgba, fg: Rgba, ignoreOpacity = false): { bg: Rgba; fg: Rgba } => {
    const layer = chain[i];
    if (!layer) return { bg: under, fg: over(fg, under) };
    if (layer.opacity < 1 && !ignoreOpacity) {
      const inner = paint(chain, i, TRANSPARENT, fg, true);
      return { bg: over(fade(inner.bg, layer.opacity), under), fg: over(fade(inner.fg, layer.opacity), under) };
    }
    return paint(chain, i + 1, over(layer.bg, under), fg);
  };

  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
      const testId = e.getAttribute('data-testid');
      const role = e.getAttribute('role');
      const label = e.getAttribute('aria-label');
      const tag = e.tagName.toLowerCase();
      if (e === el || testId || role || label || ['button', 'a', 'li', 'h1', 'h2', 'h3', 'label'].includes(tag)) {
        parts.unshift(
          `${tag}${testId ? `[data-testid=${testId}]` : ''}${role ? `[role=${role}]` : ''}${label ? `[aria-label="${label.slice(0, 30)}"]` : ''}`,
        );
      }
    }
    return parts.join(' > ');
  };

  const hiddenByClip = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || /inset\(50%/.test(style.clipPath)) return true;
      if (style.overflow !== 'visible') {
        const box = e.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return true;
      }
    }
    return false;
  };

  // The text is covered when something opaque that is not its element or an ancestor is painted
  // above it at its centre (a modal's backdrop, a drawer over a list).
  const covered = (el: Element, rect: DOMRect): boolean => {
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
    for (const hit of document.elementsFromPoint(x, y)) {
      if (hit === el || hit.contains(el) || el.contains(hit)) return false;
      const style = getComputedStyle(hit);
      if ((parse(style.backgroundColor)?.[3] ?? 0) > 0 || style.backgroundImage !== 'none') return true;
    }
    return false;
  };

  const inView = (el: Element): DOMRect | undefined => {
    let rect = el.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      rect = el.getBoundingClientRect();
    }
    return rect.width > 0 && rect.height > 0 ? rect : undefined;
  };

  const samples: ContrastSample[] = [];
  const measure = (el: Element, text: string, fgCss: string, rect: DOMRect) => {
    const style = getComputedStyle(el);
    const fg = parse(fgCss);
    const chain = chainOf(el);
    const size = Number.parseFloat(style.fontSize);
    const weight = Number(style.fontWeight);
    // 18 pt = 24 px; 14 pt = 18.67 px bold (WCAG's "large scale").
    const large = size >= 24 || (size >= 18.66 && weight >= 700);
    const exempt = el.closest(':disabled, [aria-disabled="true"]') !== null;
    const sample: ContrastSample = {
      text: text.trim().replace(/\s+/g, ' ').slice(0, 60),
      where: describe(el),
      fg: fgCss,
      bg: '',
      ratio: 0,
      required: exempt ? 0 : large ? 3 : 4.5,
    };
    if (!fg) sample.unsure = `unparsed colour ${fgCss}`;
    if (fg && fg[3] === 0) return; // transparent text is not shown
    const images = chain.filter((layer) => layer.image !== 'none');
    if (images.some((layer) => /url\(/.test(layer.image))) sample.unsure = 'background image';
    // A gradient: judge the text against each of its colour stops and keep the worst.
    const candidates: Layer[][] = [chain];
    for (const layer of images) {
      for (const stop of layer.image.match(/rgba?\([^)]*\)/g) ?? []) {
        const colour = parse(stop);
        if (colour) candidates.push(chain.map((l) => (l === layer ? { ...l, bg: over(colour, l.bg) } : l)));
      }
    }
    let best: { bg: Rgba; fg: Rgba; ratio: number } | undefined;
    for (const candidate of candidates) {
      const painted = paint(candidate, 0, CANVAS, fg ?? [0, 0, 0, 1]);
      const r = ratio(painted.fg, painted.bg);
      if (!best || r < best.ratio) best = { ...painted, ratio: r };
    }
    if (!best || covered(el, rect)) return;
    sample.fg = hex(best.fg);
    sample.bg = hex(best.bg);
    sample.ratio = Math.round(best.ratio * 100) / 100;
    samples.push(sample);
  };

  const deepActive = (): Element | null => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const roots: Element[] = [];
  if (scope.focused) {
    const active = deepActive();
    if (active && active !== document.body) roots.push(active);
  } else if (scope.selector) {
    const root = document.querySelector(scope.selector);
    if (root) roots.push(root);
    for (const tip of document.querySelectorAll('[role=tooltip]')) roots.push(tip);
  } else {
    roots.push(document.documentElement);
  }

  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent?.trim() || !el) continue;
      if (el.closest('script, style, noscript, template, option, select, textarea, title')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (hiddenByClip(el) || !inView(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
      if (!rect) continue;
      measure(el, node.textContent, getComputedStyle(el).color, rect);
    }
    // Form fields: the value, or the placeholder while empty; a select shows its chosen option.
    const fields = [
      ...(root.matches('input, textarea, select') ? [root] : []),
      ...root.querySelectorAll('input, textarea, select'),
    ];
    for (const field of fields) {
      if (
        !(
          field instanceof HTMLInputElement ||
          field instanceof HTMLTextAreaElement ||
          field instanceof HTMLSelectElement
        )
      )
        continue;
      if (
        field instanceof HTMLInputElement &&
        /^(checkbox|radio|hidden|range|color|file|submit|button|image)$/.test(field.type)
      )
        continue;
      if (!field.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || hiddenByClip(field)) continue;
      const rect = inView(field);
      if (!rect) continue;
      if (field instanceof HTMLSelectElement) {
        const chosen = field.selectedOptions[0]?.textContent ?? '';
        if (chosen.trim()) measure(field, chosen, getComputedStyle(field).color, rect);
      } else if (field.value) {
        measure(field, field.value, getComputedStyle(field).color, rect);
      } else if (field.placeholder) {
        measure(field, `(placeholder) ${field.placeholder}`, getComputedStyle(field, '::placeholder').color, rect);
      }
    }
  }
  return samples;
}

/** A sample with where and when it was taken. */
export interface ContrastRecord extends ContrastSample {
  theme: string;
  view: string;
  /** `static`, `hover` or `focus`. */
  state: string;
}

const INTERACTIVE = [
  'button',
  'a[href]',
  'summary',
  '[role=button]',
  '[role=link]',
  '[role=tab]',
  '[role=option]',
  '[role=menuitem]',
  '[role=radio]',
  '[role=checkbox]',
  '[role=switch]',
  '.fui-Checkbox',
  '.fui-Radio',
  '.fui-Switch',
].join(', ');

const PROBE = 'data-contrast-probe';

/** Waits until no CSS transition (a hover or theme colour fading in) is running in `frame`. */
export async function settled(frame: Frame): Promise<void> {
  await frame.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
}
const FOCUS_SEEN = 'data-contrast-focus-seen';

/**
 * Collects contrast samples of a front end across views, themes and interaction states:
 * everything visible as it is, each control while the mouse is over it, and each control the
 * keyboard reaches with Tab (Fluent shows its focus styles only for keyboard focus).
 */
export class ContrastSurvey {
  readonly records: ContrastRecord[] = [];

  constructor(private readonly page: Page) {}

  /** Every visible text of `frame` as it is now. */
  async visible(frame: Frame, theme: string, view: string): Promise<void> {
    this.add(await measureContrast(frame), theme, view, 'static');
  }

  /** Hovers every control inside `scope` (CSS selector) and measures the text inside it. */
  async hovered(frame: Frame, theme: string, view: string, scope = 'body'): Promise<void> {
    const controls = frame.locator(scope).first().locator(INTERACTIVE);
    const count = await controls.count();
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      if (!(await control.isVisible())) continue;
      await control.evaluate((el, probe) => el.setAttribute(probe, ''), PROBE);
      try {
        await control.hover({ force: true, timeout: 2000 });
        await settled(frame);
        this.add(await measureContrast(frame, { selector: `[${PROBE}]` }), theme, view, 'hover');
      } finally {
        await control.evaluate((el, probe) => el.removeAttribute(probe), PROBE).catch(() => undefined);
      }
    }
    await this.page.mouse.move(0, 0);
  }

  /**
   * Presses Tab through `frame` from the first control inside `scope` until focus leaves the
   * scope or comes back round (at most `limit` steps), measuring the focused control each time.
   */
  async focused(frame: Frame, theme: string, view: string, scope = 'body', limit = 40): Promise<void> {
    const start = frame.locator(scope).first().locator(INTERACTIVE).first();
    if (!(await start.isVisible().catch(() => false))) return;
    await start.focus();
    // Shift+Tab and Tab again: focus arrives from the keyboard, so focus-visible styles apply.
    await this.page.keyboard.press('Shift+Tab');
    for (let step = 0; step < limit; step++) {
      await this.page.keyboard.press('Tab');
      const where = await frame.evaluate(
        ({ scope, seen }) => {
          const active = document.activeElement;
          const root = document.querySelector(scope);
          if (!active || active === document.body || !root?.contains(active)) return 'outside';
          if (active.hasAttribute(seen)) return 'again';
          active.setAttribute(seen, '');
          return 'inside';
        },
        { scope, seen: FOCUS_SEEN },
      );
      if (where === 'outside' && step > 0) break;
      if (where === 'again') break;
      if (where === 'inside') await settled(frame);
      if (where === 'inside') this.add(await measureContrast(frame, { focused: true }), theme, view, 'focus');
    }
    await frame.evaluate((seen) => {
      for (const el of document.querySelectorAll(`[${seen}]`)) el.removeAttribute(seen);
    }, FOCUS_SEEN);
  }

  /** All three: as it is, hovered, keyboard-focused. */
  async all(frame: Frame, theme: string, view: string, scope = 'body'): Promise<void> {
    await this.visible(frame, theme, view);
    await this.hovered(frame, theme, view, scope);
    await this.focused(frame, theme, view, scope);
  }

  failures(): ContrastRecord[] {
    return failures(this.records) as ContrastRecord[];
  }

  /** The worst sample per theme, for the report. */
  worstByTheme(): Record<string, ContrastRecord | undefined> {
    const themes = [...new Set(this.records.map((r) => r.theme))];
    return Object.fromEntries(
      themes.map((t) => [t, worst(this.records.filter((r) => r.theme === t)) as ContrastRecord]),
    );
  }

  private add(samples: ContrastSample[], theme: string, view: string, state: string): void {
    for (const sample of samples) this.records.push({ ...sample, theme, view, state });
  }
}

/** One line per failing sample, for an assertion message a person can act on. */
export function formatFailures(records: readonly ContrastRecord[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of records) {
    const line = `${r.theme} · ${r.view} · ${r.state}: ${r.ratio}:1 < ${r.required}:1 ${r.fg} on ${r.bg} "${r.text}" at ${r.where}${r.unsure ? ` (${r.unsure})` : ''}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines.join('\n');
}
