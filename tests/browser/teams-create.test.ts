import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { DEMO_USER } from '../../api/src/features/demo/demo-tenant';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { ContrastSurvey, formatFailures } from './support/contrast';
import { demoUserClient } from './support/seed';
import { openTeamsTab, type TeamsTab, type TeamsThemeName } from './support/teams-host';

/** The hits spelled like the search text (a search also lists sound-alikes, marked `phonetic`). */
const spelledAs = <T extends { match?: string }>(items: T[]): T[] => items.filter((item) => item.match !== 'phonetic');

// "Neuer Kontakt" in the Teams tab, on the seeded demo tenant (reset before each test): a person
// without an e-mail address at an existing company, warned about the phonetic duplicate
// (Meier/Meyer), and a company of its own; each opens in the contact drawer once created.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

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
afterEach(async () => {
  await context?.close();
  context = undefined;
  // TeamsJS's list of Teams origins (res.cdn.office.net) is outside the CSP; API answers the
  // tab handles (a 404 of a duplicate check aborted while typing) are logged by the browser too.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

async function openTab(theme: TeamsThemeName = 'default'): Promise<TeamsTab> {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    reducedMotion: 'reduce',
  });
  const tab = await openTeamsTab(context, server.baseUrl, { theme, locale: 'de-DE' });
  tab.page.on('pageerror', (err) => errors.push(err.message));
  tab.page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await tab.frame().getByRole('heading', { name: 'Lead-Review' }).waitFor();
  return tab;
}

async function openDialog(frame: Frame) {
  await frame.getByRole('banner').getByRole('button', { name: 'Neuer Kontakt' }).click();
  const dialog = frame.getByRole('dialog', { name: 'Neuer Kontakt' });
  await dialog.getByRole('form', { name: 'Neuer Kontakt' }).waitFor();
  return dialog;
}

const BACKGROUND = { default: '#ffffff', dark: '#292929', contrast: '#000000' } as const;
const THEME_NAMES = { default: 'light', dark: 'dark', contrast: 'highContrast' } as const;

async function eachTheme(tab: TeamsTab, survey: ContrastSurvey, view: string, scope: string): Promise<void> {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await tab.setTheme(theme);
    await tab
      .frame()
      .waitForFunction(
        (expected) =>
          Array.from(document.querySelectorAll('.fui-FluentProvider')).every(
            (el) => getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() === expected,
          ),
        BACKGROUND[theme],
      );
    await survey.all(tab.frame(), THEME_NAMES[theme], view, scope);
  }
  await tab.setTheme('default');
}

describe('Teams tab: "Neuer Kontakt"', () => {
  it('creates a person without e-mail at an existing company, after warning about Meyer, and opens it', async () => {
    const tab = await openTab();
    const frame = tab.frame();
    const dialog = await openDialog(frame);
    expect(await dialog.getByRole('radio', { name: 'Person', exact: true }).isChecked()).toBe(true);
    await dialog.getByLabel('Anrede').selectOption('Frau');
    await dialog.getByLabel('Vorname').fill('Jana');
    await dialog.getByLabel(/^Nachname/).fill('Meier');
    await dialog.getByLabel('Telefon geschäftlich').fill('+49 30 1234560-40');
    // Without an e-mail address the form says what that means, and still lets her be created.
    await dialog.getByText(/Ohne E-Mail-Adresse wird der Kontakt nicht mit Outlook synchronisiert/).waitFor();

    await dialog.getByRole('radio', { name: 'Vorhandene Firma suchen' }).check();
    await dialog.getByText('Bitte eine Firma aus der Suche auswählen.').waitFor();
    await dialog.getByRole('combobox', { name: /Firma suchen/ }).fill('Muster');
    await frame.getByRole('option', { name: /Muster GmbH/ }).click();
    expect(await dialog.getByRole('radio', { name: 'Vorhandene Firma: Muster GmbH' }).isChecked()).toBe(true);
    // A person at a customer starts as a customer contact.
    expect(await dialog.getByRole('checkbox', { name: 'Kunde' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Lead' }).isChecked()).toBe(false);
    await dialog.getByRole('checkbox', { name: 'Rechnungskontakt' }).check();

    const warning = dialog.getByTestId('duplicate-warning');
    await warning.getByText('Jana Meyer').waitFor();
    expect(await warning.textContent()).toMatch(/ähnlich klingender Name/i);
    expect(await dialog.getByRole('button', { name: 'Trotzdem anlegen' }).isEnabled()).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await warning.scrollIntoViewIfNeeded();
    await tab.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-create-dialog.png'), animations: 'disabled' });
    expect(await axeViolationsBesidesFocusGuards(frame)).toEqual([]);

    const survey = new ContrastSurvey(tab.page);
    await eachTheme(tab, survey, 'create dialog with duplicate warning', '[role=dialog]');
    expect(new Set(survey.records.map((r) => r.theme))).toEqual(new Set(['light', 'dark', 'highContrast']));
    expect(survey.records.filter((r) => r.text.includes('Jana Meyer')).length).toBeGreaterThanOrEqual(3);
    expect(survey.failures().length, `texts below WCAG AA contrast:\n${formatFailures(survey.failures())}`).toBe(0);

    await dialog.getByRole('button', { name: 'Trotzdem anlegen' }).click();
    const drawer = frame.getByRole('dialog', { name: 'Kontaktkarte' });
    const card = drawer.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jana Meier' }).waitFor();
    expect(await frame.getByRole('dialog', { name: 'Neuer Kontakt' }).count()).toBe(0);
    const text = await card.textContent();
    expect(text).toContain('Muster GmbH');
    expect(text).toContain('+49 30 1234560-40');
    expect(text).toContain('Keine E-Mail-Adresse – wird nicht synchronisiert');
    await tab.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'teams-created-in-drawer.png'),
      animations: 'disabled',
    });

    const found = spelledAs((await api.listContacts({ q: 'Meier' })).items);
    expect(found.map((item) => [item.displayName, item.companyName, item.email])).toEqual([
      ['Jana Meier', 'Muster GmbH', undefined],
    ]);
    const created = await api.getContact(found[0]?.id ?? '');
    const muster = (await api.listContacts({ q: 'Muster GmbH', kind: 'company' })).items[0];
    const company = await api.getContact(muster?.id ?? '');
    expect(created).toMatchObject({
      kind: 'person',
      salutation: 'Frau',
      emails: [],
      businessPhones: ['+49 30 1234560-40'],
      relationships: ['customer'],
      roles: ['billingContact'],
      customerSince: company.customerSince,
      // The API makes the creating user the Betreuer.
      ownerId: DEMO_USER.id,
    });
  });

  it('creates a company without e-mail, once even on a double click, and opens it', async () => {
    const tab = await openTab();
    const frame = tab.frame();
    const dialog = await openDialog(frame);
    await dialog.getByRole('radio', { name: /^Firma/ }).check();
    expect(await dialog.getByLabel(/^Nachname/).count()).toBe(0);
    await dialog.getByLabel(/^Firmenname/).fill('Sonnenhof Solartechnik GmbH');
    await dialog.getByLabel('Telefon der Firma').fill('0351 4455660');
    await dialog.getByLabel('Website').fill('sonnenhof-solartechnik.de');
    await dialog.getByRole('checkbox', { name: 'Lead' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Partner' }).check();
    await dialog.getByRole('button', { name: 'Firma anlegen' }).dblclick();

    const card = frame.getByRole('dialog', { name: 'Kontaktkarte' }).getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Sonnenhof Solartechnik GmbH' }).waitFor();
    expect(await card.textContent()).toContain('0351 4455660');
    const found = (await api.listContacts({ q: 'Sonnenhof' })).items;
    expect(found.map((item) => [item.kind, item.displayName, item.relationships])).toEqual([
      ['company', 'Sonnenhof Solartechnik GmbH', ['partner']],
    ]);
    expect(await api.getContact(found[0]?.id ?? '')).toMatchObject({
      emails: [],
      website: 'sonnenhof-solartechnik.de',
    });
  });

  it('creates a new company from the search text, and opens an existing contact from the warning', async () => {
    const tab = await openTab();
    const frame = tab.frame();
    const dialog = await openDialog(frame);
    await dialog.getByLabel(/^Nachname/).fill('Vogel');
    await dialog.getByRole('radio', { name: 'Vorhandene Firma suchen' }).check();
    await dialog.getByRole('combobox', { name: /Firma suchen/ }).fill('Sportverein Lindenau');
    await dialog.getByText('Keine Firma zu „Sportverein Lindenau“ gefunden.').waitFor();
    await frame.getByRole('option', { name: 'Neue Firma „Sportverein Lindenau“ anlegen' }).click();
    expect(await dialog.getByRole('radio', { name: 'Neue Firma anlegen' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel(/^Name der neuen Firma/).inputValue()).toBe('Sportverein Lindenau');

    // An invalid address is named before anything is sent.
    await dialog.getByLabel('E-Mail').fill('katrin.vogel@web');
    await dialog.getByLabel('Vorname').focus();
    await dialog.getByText(/keine gültige E-Mail-Adresse/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Kontakt anlegen' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    expect((await api.listContacts({ q: 'Vogel' })).items).toEqual([]);

    // "Meier" at Muster GmbH: open the existing Jana Meyer instead.
    const again = await openDialog(frame);
    expect(await again.getByLabel(/^Nachname/).inputValue()).toBe('');
    await again.getByLabel('Vorname').fill('Jana');
    await again.getByLabel(/^Nachname/).fill('Meier');
    await again.getByRole('radio', { name: 'Vorhandene Firma suchen' }).check();
    await again.getByRole('combobox', { name: /Firma suchen/ }).fill('muster.de');
    await frame.getByRole('option', { name: /Muster GmbH/ }).click();
    await again
      .getByTestId('duplicate-warning')
      .getByRole('button', { name: /Vorhandenen öffnen: Jana Meyer/ })
      .click();
    const card = frame.getByRole('dialog', { name: 'Kontaktkarte' }).getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jana Meyer' }).waitFor();
    expect(spelledAs((await api.listContacts({ q: 'Meier' })).items)).toEqual([]);
  });
});
