import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { ContrastSurvey, formatFailures } from './support/contrast';
import { create, demoUserClient } from './support/seed';

// "Demo zurücksetzen" on the demo page and in the Teams tab of the demo tenant: after a
// confirmation the demo's data is the fresh seed again, and the page shows it. The demo page
// keeps its language and theme across reloads.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let demo: DemoPage | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp({ SEED_DEMO: 'true' })]);
  api = await demoUserClient(server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await api.resetDemo();
});
afterEach(async (test) => {
  const page = demo;
  demo = undefined;
  await page?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await context?.close();
  context = undefined;
});

async function confirmReset(scope: Page | ReturnType<Page['frameLocator']>): Promise<void> {
  await scope.getByRole('button', { name: 'Demo zurücksetzen' }).click();
  const dialog = scope.getByRole('alertdialog', { name: 'Demo zurücksetzen?' });
  await dialog.getByText(/lässt sich nicht rückgängig machen/).waitFor();
  await dialog.getByRole('button', { name: 'Zurücksetzen' }).click();
  await scope.getByText(/Die Demo wurde zurückgesetzt: \d+ Beispielkontakte\./).waitFor();
  await dialog.waitFor({ state: 'detached' });
}

describe('demo page', () => {
  it('resets the demo after asking, and the pane shows the fresh data', async () => {
    await create(api, {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Katrin',
      lastName: 'Vogel',
      emails: [{ address: 'katrin.vogel@web.de', primary: true }],
      relationships: ['lead'],
    });
    demo = await openDemo(browser, server.baseUrl);
    await demo.selectItem(/Katrin Vogel/);
    await demo.pane.getByTestId('contact-card').getByRole('heading', { name: 'Katrin Vogel' }).waitFor();

    // Asking first: "Abbrechen" keeps everything.
    await demo.page.getByRole('button', { name: 'Demo zurücksetzen' }).click();
    await demo.page.getByRole('alertdialog').getByRole('button', { name: 'Abbrechen' }).click();
    expect((await api.listContacts({ q: 'Vogel' })).items).toHaveLength(1);

    await confirmReset(demo.page);
    await demo.screenshot('demo-page-after-reset');
    // The pane starts again and no longer knows the visitor's contact.
    await demo.pane.getByTestId('unknown-card').getByText('Noch nicht in KlarKonform').waitFor();
    expect((await api.listContacts({ q: 'Vogel' })).items).toEqual([]);
    await demo.selectItem(/Max Mustermann/);
    await demo.pane.getByTestId('contact-card').getByRole('heading', { name: 'Max Mustermann' }).waitFor();

    // The header with the button and its message meets WCAG AA in every theme.
    const survey = new ContrastSurvey(demo.page);
    const backgrounds = { light: '#ffffff', dark: '#292929', highContrast: '#000000' } as const;
    for (const theme of ['light', 'dark', 'highContrast'] as const) {
      await demo.page.getByLabel('Design').selectOption(theme);
      await demo.page.waitForFunction(
        (expected) =>
          getComputedStyle(document.querySelector('.fui-FluentProvider') ?? document.body)
            .getPropertyValue('--colorNeutralBackground1')
            .trim() === expected,
        backgrounds[theme],
      );
      await survey.all(demo.page.mainFrame(), theme, 'demo page header after a reset', 'header');
    }
    expect(survey.records.some((r) => r.text.includes('Demo zurücksetzen'))).toBe(true);
    expect(survey.failures().length, formatFailures(survey.failures())).toBe(0);
  });

  it('keeps the chosen language and theme across a reload', async () => {
    demo = await openDemo(browser, server.baseUrl);
    await demo.page.getByLabel('Sprache').selectOption('en');
    await demo.page.getByLabel('Theme').selectOption('dark');
    await demo.page.getByRole('heading', { name: 'KlarKonform in Outlook – demo' }).waitFor();
    await demo.page.reload();
    await demo.page.getByRole('heading', { name: 'KlarKonform in Outlook – demo' }).waitFor();
    expect(await demo.page.getByLabel('Language').inputValue()).toBe('en');
    expect(await demo.page.getByLabel('Theme').inputValue()).toBe('dark');
    expect(await demo.page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The pane follows: English texts on a dark background.
    await demo.pane.getByTestId('contact-card').getByRole('heading', { name: 'Max Mustermann' }).waitFor();
    await demo.pane.getByRole('button', { name: 'Edit' }).first().waitFor();
    const background = await demo.paneFrame().evaluate(() =>
      getComputedStyle(document.querySelector('.fui-FluentProvider') ?? document.body)
        .getPropertyValue('--colorNeutralBackground1')
        .trim(),
    );
    expect(background).toBe('#292929');
    await demo.page.getByRole('button', { name: 'Reset demo' }).waitFor();
  });
});

describe('Teams tab on the demo tenant', () => {
  async function openTab(roles?: string[]): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    if (roles) {
      await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify({ roles }) }));
    }
    await page.goto(`${server.baseUrl}/teams/tab.html`);
    await page.getByRole('heading', { name: 'Lead-Review' }).waitFor();
    return page;
  }

  it('resets the demo from the header, and the lead review shows the fresh leads again', async () => {
    const fischer = (await api.listContacts({ q: 'Fischer' })).items[0];
    await api.archiveContact(fischer?.id ?? '', 'Kein Bedarf mehr');
    const page = await openTab();
    const leads = page.getByRole('list', { name: 'Leads' });
    await leads.getByRole('listitem').first().waitFor();
    expect(await leads.textContent()).not.toContain('Fischer & Söhne OHG');

    await confirmReset(page);
    await leads.getByRole('listitem').filter({ hasText: 'Fischer & Söhne OHG' }).waitFor();
    expect((await api.getContact((await api.listContacts({ q: 'Fischer' })).items[0]?.id ?? '')).archived).toBeNull();
  });

  it('offers the reset only to admins', async () => {
    const page = await openTab(['CRM.Sales']);
    await page.getByRole('button', { name: 'Neuer Kontakt' }).waitFor();
    // The status request has answered: the header is complete without the reset.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Demo zurücksetzen' }).count()).toBe(0);
  });
});
