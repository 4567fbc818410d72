import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';
import { openTeamsTab } from './support/teams-host';

// Dates follow the UI language, not the browser's locale: a German UI in an English (US)
// browser shows 01.03.2019, an English UI in a German browser 1 Mar 2019; typed dates are read
// in the UI's form (no <input type="date">, which would show the browser's 03/01/2019).

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let maxId: string;
let demo: DemoPage | undefined;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  api = await demoUserClient(server.baseUrl);
  const company = await create(api, {
    kind: 'company',
    name: 'Muster GmbH',
    relationships: ['customer'],
    customerSince: '2019-03-01',
  });
  const max = await create(api, {
    kind: 'person',
    salutation: 'Herr',
    firstName: 'Max',
    lastName: 'Mustermann',
    emails: [{ address: 'max.mustermann@muster.de', primary: true }],
    companyId: company.id,
    relationships: ['customer'],
    customerSince: '2019-03-01',
  });
  maxId = max.id;
  await create(api, { kind: 'company', name: 'Datumsprobe Leads GmbH', relationships: ['lead'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  demo = undefined;
});

describe('dates in the task pane', () => {
  it('German UI in an en-US browser: 01.03.2019 on the card and in the editor; a typed 15.04.2020 is saved', async () => {
    demo = await openDemo(browser, server.baseUrl, { locale: 'en-US' });
    // The browser itself would write 3/1/2019.
    expect(await demo.page.evaluate(() => new Date(Date.UTC(2019, 2, 1, 12)).toLocaleDateString())).toBe('3/1/2019');
    await demo.page.getByLabel('Language').selectOption('de');
    const card = demo.pane.getByTestId('contact-card');
    await card.getByText('Marketing-E-Mail erlaubt?').waitFor();
    expect(await card.textContent()).toContain('Kunde seit01.03.2019');
    expect(await card.textContent()).not.toContain('3/1/2019');
    // The demo inbox's arrival times are German too.
    expect(await demo.page.getByRole('list', { name: 'Posteingang' }).textContent()).toContain('Gestern');

    await card.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = demo.pane.getByRole('form', { name: /bearbeiten/ });
    const since = editor.getByLabel('Kunde seit');
    expect(await since.inputValue()).toBe('01.03.2019');
    await since.fill('31.02.2020');
    await since.blur();
    await editor.getByText('Kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben').waitFor();
    await since.fill('15.4.2020');
    await since.blur();
    expect(await since.inputValue()).toBe('15.04.2020');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText('15.04.2020').waitFor();
    expect((await api.getContact(maxId)).customerSince).toBe('2020-04-15');
    await demo.screenshot('dates-german-ui-en-us-browser');
    await api.patchContact(maxId, (await api.getContact(maxId)).version, { customerSince: '2019-03-01' });
  });

  it('English UI in a de-DE browser: 1 Mar 2019', async () => {
    demo = await openDemo(browser, server.baseUrl, { locale: 'de-DE' });
    expect(await demo.page.evaluate(() => new Date(Date.UTC(2019, 2, 1, 12)).toLocaleDateString())).toBe('1.3.2019');
    await demo.page.getByLabel('Sprache').selectOption('en');
    const card = demo.pane.getByTestId('contact-card');
    await card.getByText('Marketing email allowed?').waitFor();
    expect(await card.textContent()).toContain('Customer since1 Mar 2019');
    expect(await demo.page.getByRole('list', { name: 'Inbox' }).textContent()).toContain('Yesterday');
    await card.getByRole('button', { name: 'Edit' }).click();
    const since = demo.pane.getByRole('form').getByLabel('Customer since');
    expect(await since.inputValue()).toBe('1 Mar 2019');
    await demo.screenshot('dates-english-ui-de-browser');
  });
});

describe('dates in the Teams tab', () => {
  it('follow the Teams language, not the browser: DD.MM.YYYY in German, "30 Nov 2026" in English', async () => {
    for (const [browserLocale, teamsLocale, created] of [
      ['en-US', 'de-DE', /Angelegt: (\d{2})\.(\d{2})\.(\d{4})/],
      ['de-DE', 'en-US', /Created: (\d{1,2}) ([A-Z][a-z]{2,3}) (\d{4})/],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: browserLocale });
      try {
        const tab = await openTeamsTab(context, server.baseUrl, { theme: 'default', locale: teamsLocale });
        const item = tab.frame().getByTestId('lead-item').filter({ hasText: 'Datumsprobe Leads GmbH' });
        await item.getByText(created).waitFor();
        const text = (await item.textContent()) ?? '';
        expect(text).toMatch(created);
        expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
      } finally {
        await context.close();
      }
    }
  });
});
