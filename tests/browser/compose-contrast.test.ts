import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { ContrastSurvey, formatFailures } from './support/contrast';
import { create, demoUserClient } from './support/seed';

// WCAG 2.2 SC 1.4.3 for the compose pane (issue 14) in light, dark and high contrast: the
// recipients' consent badges (allowed, none, opt-out, unknown), the template section with its
// outcome and the marketing warning, the log switch — as in contrast.test.ts for the read pane.

const BACKGROUND = { light: '#ffffff', dark: '#292929', highContrast: '#000000' } as const;
type Theme = keyof typeof BACKGROUND;
const THEMES = Object.keys(BACKGROUND) as Theme[];

async function waitForTheme(frame: Frame, theme: Theme): Promise<void> {
  await frame.waitForFunction(
    (expected) =>
      Array.from(document.querySelectorAll('.fui-FluentProvider')).every(
        (el) => getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() === expected,
      ) && document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    BACKGROUND[theme],
  );
}

let browser: Browser;
let server: BrowserApp;
beforeAll(async () => {
  browser = await launchChromium();
  server = await startBrowserApp({ SEED_DEMO: 'true' });
  const api = await demoUserClient(server.baseUrl);
  await create(
    api,
    {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Olaf',
      lastName: 'Ohne',
      emails: [{ address: 'olaf.ohne@beispiel-ag.de', primary: true }],
      relationships: ['customer'],
    },
    [{ channel: 'email', type: 'optOut', source: 'Anruf' }],
  );
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('contrast in the compose pane', () => {
  it('meets WCAG AA in light, dark and high contrast', async () => {
    const demo = await openDemo(browser, server.baseUrl, { reducedMotion: 'reduce' });
    const survey = new ContrastSurvey(demo.page);
    try {
      await demo.page.getByRole('button', { name: 'Neue E-Mail' }).click();
      const add = async (field: 'to' | 'cc', text: string) => {
        const section = demo.page.getByTestId(`compose-${field}`);
        await section.getByRole('textbox').fill(text);
        await section.getByRole('button', { name: 'Hinzufügen' }).click();
      };
      await add('cc', 'lisa.mueller@muster.de');
      await add('cc', 'olaf.ohne@beispiel-ag.de');
      await add('to', 'wer@unbekannt-firma.de');
      const pane = demo.pane;
      await expect.poll(() => pane.getByTestId('consent-badge').count()).toBe(4);
      await pane.getByLabel('Vorlage', { exact: true }).selectOption({ label: 'Einladung Hausmesse (Marketing)' });
      await pane.getByRole('button', { name: 'Einfügen' }).click();
      await pane.getByTestId('marketing-held').waitFor();
      for (const theme of THEMES) {
        await demo.page.getByLabel(/^(Design|Theme)$/).selectOption(theme);
        await waitForTheme(demo.paneFrame(), theme);
        await survey.all(demo.paneFrame(), theme, 'compose pane: badges, inserted template, marketing warning');
      }
      await demo.screenshot('contrast-compose-high-contrast');
    } finally {
      await demo.close();
    }
    // Every theme was sampled (badges, texts, buttons): a survey of nothing would pass too.
    expect(new Set(survey.records.map((r) => r.theme)).size).toBe(3);
    expect(survey.records.length).toBeGreaterThan(60);
    const failures = survey.failures();
    expect(failures.length, `texts below WCAG AA contrast:\n${formatFailures(failures)}`).toBe(0);
  }, 300_000);
});
