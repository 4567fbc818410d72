import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../api/src/index';

// Debian's Chromium driven by playwright-core: never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface DemoPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The task pane inside the demo page. */
  readonly pane: FrameLocator;
  paneFrame(): Frame;
  /** Chooses a mail or meeting in the demo inbox (like clicking it in Outlook). */
  selectItem(name: RegExp | string): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** Closes the page; `failedTest` saves a screenshot to diagnose a failure first. */
  close(failedTest?: string): Promise<void>;
}

/** Options of the browser context: `locale` is the browser's language (navigator.language, Intl). */
export interface DemoOptions {
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
}

export async function openDemo(browser: Browser, baseUrl: string, options: DemoOptions = {}): Promise<DemoPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: options.locale ?? 'de-DE',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${baseUrl}/addin/demo.html`);
  const pane = page.frameLocator('iframe[title]');
  const screenshot = async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  };
  return {
    context,
    page,
    pane,
    paneFrame() {
      const frame = page.frames().find((f) => f.url().includes('/addin/demo-pane.html'));
      if (!frame) throw new Error('task pane frame not found');
      return frame;
    },
    async selectItem(name) {
      await page.getByRole('navigation').getByRole('button', { name }).click();
    },
    screenshot,
    async close(failedTest) {
      if (failedTest) await screenshot(`failed-${failedTest.replace(/\W+/g, '-')}`).catch(() => undefined);
      await context.close();
      // CSP violations, missing assets and uncaught errors show up here; the pages must run
      // clean. API answers such as 412 are logged by the browser too, and handled by the pane.
      const relevant = errors.filter((text) => !/Failed to load resource.*\/api\/v1\//.test(text));
      if (relevant.length > 0) throw new Error(`browser errors:\n${relevant.join('\n')}`);
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

// axe-core in the pane's frame; evaluated through the DevTools protocol, which the page's
// CSP (script-src 'self') does not apply to.
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * axe, less one known false positive: Tabster's focus guards (`<i data-tabster-dummy tabindex=0
 * aria-hidden>`, which only pass focus on) that Fluent leaves in the page once a dialog has been
 * open; axe's aria-hidden-focus flags them, and Accessibility Insights suppresses them the same
 * way (microsoft/accessibility-insights-web#7605).
 */
export async function axeViolationsBesidesFocusGuards(frame: Frame): Promise<AxeViolation[]> {
  const problems: AxeViolation[] = [];
  for (const violation of await axeViolations(frame)) {
    const nodes: AxeViolation['nodes'] = [];
    for (const node of violation.nodes) {
      const guard =
        violation.id === 'aria-hidden-focus' &&
        (await frame.evaluate(
          (selector) =>
            Array.from(document.querySelectorAll(selector)).every((el) => el.hasAttribute('data-tabster-dummy')),
          node.target.join(' '),
        ));
      if (!guard) nodes.push(node);
    }
    if (nodes.length > 0) problems.push({ ...violation, nodes });
  }
  return problems;
}

/** Makes the demo's task pane `width` px wide (Outlook's narrowest pane is 320 px). */
export async function narrowPane(demo: DemoPage, width: number): Promise<void> {
  await demo.page.locator('iframe[title]').evaluate((frame, w) => {
    (frame as HTMLIFrameElement).style.width = `${w}px`;
  }, width);
}

/** How far the pane's content sticks out sideways (≤ 0: it fits without a horizontal scrollbar). */
export async function paneOverflow(demo: DemoPage): Promise<number> {
  return demo.paneFrame().evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
