import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/src/contacts/contact.schema';
import type { ApiClient } from '../../shared/src/http/api-client';
import {
  axeViolations,
  axeViolationsBesidesFocusGuards,
  type DemoPage,
  launchChromium,
  narrowPane,
  openDemo,
  paneOverflow,
  SCREENSHOT_DIR,
} from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

// Master data in the contact editor, in the Outlook pane (demo page) and the Teams drawer,
// against the real API and engine: names, e-mail addresses, phones, address, the company link,
// the owner; the duplicate warning; messages at their fields in German and English; and the
// editor opened at a data-quality finding's field.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let muster: MusterGmbH;
let demo: DemoPage | undefined;
let context: BrowserContext | undefined;
let teamsErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startBrowserApp();
  api = await demoUserClient(server.baseUrl);
  muster = await seedMusterGmbH(api);
});
afterEach(async (test) => {
  const failed = test.task.result?.state === 'fail' ? test.task.name : undefined;
  await demo?.close(failed);
  demo = undefined;
  await context?.close();
  context = undefined;
  await server?.close();
  // TeamsJS fetches its list of Teams origins from a CDN that connect-src does not allow.
  const relevant = teamsErrors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  teamsErrors = [];
  expect(relevant).toEqual([]);
});

/** A colleague who has used KlarKonform once (a tenant user, so a possible Betreuer). */
async function colleague(userId: string, name: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, name, email: `${userId}@klarkonform-demo.de` }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const me = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(me.status).toBe(200);
}

async function openPane(): Promise<{ pane: FrameLocator; card: Locator }> {
  demo = await openDemo(browser, server.baseUrl);
  const card = demo.pane.getByTestId('contact-card');
  await card.getByRole('heading', { name: 'Max Mustermann' }).waitFor();
  return { pane: demo.pane, card };
}

async function openEditor(pane: FrameLocator, card: Locator, name = 'Max Mustermann'): Promise<Locator> {
  await card.getByRole('button', { name: 'Bearbeiten' }).click();
  const editor = pane.getByRole('form', { name: `${name} bearbeiten` });
  await editor.waitFor();
  return editor;
}

const invalid = (input: Locator) => input.getAttribute('aria-invalid');

describe('master data in the Outlook pane', () => {
  it('edits the name, a second e-mail, a mobile number, the company and the owner, and the card shows them', async () => {
    const beispiel = await create(api, {
      kind: 'company',
      name: 'Beispiel Logistik AG',
      emails: [{ address: 'info@beispiel-logistik.de', primary: true }],
      relationships: ['customer'],
    });
    await colleague('user-bea', 'Bea Berater');
    const { pane, card } = await openPane();
    const editor = await openEditor(pane, card);

    await editor.getByLabel('Vorname').fill('Maximilian');
    await editor.getByRole('button', { name: 'E-Mail-Adresse hinzufügen' }).click();
    // The new row has the cursor, ready to type.
    const second = editor.getByRole('textbox', { name: 'E-Mail 2', exact: true });
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await second.fill('max.mustermann@privat-mail.de');
    await editor.getByRole('radio', { name: 'Primär: E-Mail 2' }).check();
    await editor.getByLabel('Mobiltelefon').fill('0171 2345678');

    const company = editor.getByRole('combobox', { name: 'Firma' });
    expect(await company.inputValue()).toBe('Muster GmbH');
    await company.fill('Beispiel');
    // Picked with the keyboard: the first match (Home), Enter. Below it: "Neue Firma „Beispiel“ anlegen".
    await pane.getByRole('option', { name: /Beispiel Logistik AG/ }).waitFor();
    await pane.getByRole('option', { name: 'Neue Firma „Beispiel“ anlegen' }).waitFor();
    await company.press('Home');
    await company.press('Enter');
    expect(await company.inputValue()).toBe('Beispiel Logistik AG');
    await editor.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Bea Berater' });

    await narrowPane(demo!, 320);
    expect(await paneOverflow(demo!)).toBeLessThanOrEqual(0);
    await editor.getByRole('heading', { name: 'Erreichbarkeit' }).scrollIntoViewIfNeeded();
    await demo?.page.locator('iframe[title]').screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-outlook-320.png') });
    expect(await axeViolations(demo!.paneFrame())).toEqual([]);

    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByRole('heading', { name: 'Maximilian Mustermann' }).waitFor();
    await card.getByRole('button', { name: /Beispiel Logistik AG/ }).waitFor();
    const emails = card.getByTestId('contact-emails');
    await emails.getByText('max.mustermann@privat-mail.de').waitFor();
    expect(await emails.textContent()).toBe('max.mustermann@muster.demax.mustermann@privat-mail.de (primär)');
    await card.getByRole('link', { name: '0171 2345678' }).waitFor();
    await card.getByTestId('contact-owner').getByText('Bea Berater').waitFor();
    await demo?.page
      .locator('iframe[title]')
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'card-after-master-data-outlook.png') });

    const saved = await api.getContact(muster.max.id);
    expect(saved).toMatchObject({
      kind: 'person',
      firstName: 'Maximilian',
      lastName: 'Mustermann',
      companyId: beispiel.id,
      mobilePhone: '0171 2345678',
      ownerId: 'user-bea',
      emails: [
        { address: 'max.mustermann@muster.de', primary: false },
        { address: 'max.mustermann@privat-mail.de', primary: true },
      ],
    });
    expect(saved.version).toBe(muster.max.version + 1);
  });

  it('creates a new company by name and links the person to it', async () => {
    const { pane, card } = await openPane();
    const editor = await openEditor(pane, card);
    const company = editor.getByRole('combobox', { name: 'Firma' });
    await company.fill('Mustermann Holding GmbH');
    await pane.getByRole('option', { name: 'Neue Firma „Mustermann Holding GmbH“ anlegen' }).click();
    await editor
      .getByText('Die Firma „Mustermann Holding GmbH“ wird beim Speichern angelegt und zugeordnet.')
      .waitFor();
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByRole('button', { name: /Mustermann Holding GmbH/ }).waitFor();
    const saved = await api.getContact(muster.max.id);
    const holding = await api.getContact(saved.kind === 'person' ? (saved.companyId ?? '') : '');
    expect(holding).toMatchObject({ kind: 'company', name: 'Mustermann Holding GmbH' });
    const found = await api.listContacts({ kind: 'company', q: 'Mustermann Holding' });
    expect(found.items.map((item) => item.displayName)).toEqual(['Mustermann Holding GmbH']);

    // Unlinking clears the company.
    const again = await openEditor(pane, card);
    await again.getByRole('button', { name: 'Zuordnung lösen: Mustermann Holding GmbH' }).click();
    expect(await again.getByRole('combobox', { name: 'Firma' }).inputValue()).toBe('');
    await again.getByRole('button', { name: 'Speichern' }).click();
    await card.getByRole('button', { name: 'Bearbeiten' }).waitFor();
    await expect
      .poll(async () => ((await api.getContact(muster.max.id)) as { companyId?: string }).companyId)
      .toBe(undefined);
  });

  it('warns about a duplicate when the name becomes an existing person’s, and saves only when asked', async () => {
    await create(api, {
      kind: 'person',
      firstName: 'Jana',
      lastName: 'Meyer',
      emails: [{ address: 'jana.meyer@muster.de', primary: true }],
      companyId: muster.company.id,
      relationships: ['customer'],
    });
    const { pane, card } = await openPane();
    const editor = await openEditor(pane, card);
    await editor.getByLabel('Vorname').fill('Jana');
    await editor.getByLabel(/^Nachname/).fill('Meier');
    await editor.getByRole('button', { name: 'Speichern' }).click();

    const warning = pane.getByTestId('duplicate-warning');
    await warning.getByText('Jana Meyer').waitFor();
    await warning
      .getByText('Mit Ihren Änderungen ähnelt der Kontakt diesen Einträgen. Bitte prüfen Sie vor dem Speichern.')
      .waitFor();
    await warning.getByText(/Ähnlich klingender Name/).waitFor();
    await demo?.screenshot('editor-duplicate-warning');
    expect(await axeViolations(demo!.paneFrame())).toEqual([]);
    // Nothing saved yet; "Weiter bearbeiten" keeps the form as typed.
    expect((await api.getContact(muster.max.id)).version).toBe(muster.max.version);
    await editor.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await editor.getByLabel(/^Nachname/).inputValue()).toBe('Meier');

    await editor.getByRole('button', { name: 'Speichern' }).click();
    await editor.getByRole('button', { name: 'Trotzdem speichern' }).click();
    await card.getByRole('heading', { name: 'Jana Meier' }).waitFor();
    expect(await api.getContact(muster.max.id)).toMatchObject({ firstName: 'Jana', lastName: 'Meier' });
  });

  it('shows the budget rule and the API’s refusal at their fields, in German and in English', async () => {
    const company = (name: string) => create(api, { kind: 'company', name, relationships: ['customer'] });
    const pairs = {
      de: { old: await company('Altbau Verwaltung GmbH'), keeper: await company('Neubau Verwaltung GmbH') },
      en: { old: await company('Altstadt Immobilien GmbH'), keeper: await company('Neustadt Immobilien GmbH') },
    };
    const { pane, card } = await openPane();

    const check = async (language: 'de' | 'en') => {
      const de = language === 'de';
      const { old, keeper } = pairs[language];
      const editor = pane.getByRole('form', { name: de ? 'Max Mustermann bearbeiten' : 'Edit Max Mustermann' });
      await card.getByRole('button', { name: de ? 'Bearbeiten' : 'Edit' }).click();
      await editor.waitFor();
      const max = editor.getByLabel(de ? 'Budget bis (€)' : 'Budget to (€)');
      await editor.getByLabel(de ? 'Budget von (€)' : 'Budget from (€)').fill('50.000');
      await max.fill('5.000');
      await editor.getByRole('button', { name: de ? 'Speichern' : 'Save' }).click();
      await editor
        .getByText(
          de ? 'Das Mindestbudget ist größer als das Höchstbudget.' : 'The minimum budget is greater than the maximum.',
        )
        .waitFor();
      expect(await invalid(max)).toBe('true');
      // The cursor is at the field to correct.
      expect(await max.evaluate((el) => el === document.activeElement)).toBe(true);
      expect((await api.getContact(muster.max.id)).version).toBe(muster.max.version);
      await demo?.screenshot(`editor-budget-error-${language}`);
      await max.fill('');

      // A company that a colleague merges away meanwhile: the API refuses the link, at "Firma".
      const picker = editor.getByRole('combobox', { name: de ? 'Firma' : 'Company' });
      await picker.fill(old.displayName.slice(0, 6));
      await pane.getByRole('option', { name: new RegExp(old.displayName) }).click();
      await api.merge(keeper.id, old.id);
      await editor.getByRole('button', { name: de ? 'Speichern' : 'Save' }).click();
      const refusal = de
        ? `Dieser Kontakt wurde mit einem anderen zusammengeführt (${keeper.id}); bitte dort bearbeiten.`
        : `This contact was merged into another one (${keeper.id}); please edit that one.`;
      await editor.getByText(refusal).first().waitFor();
      expect(await invalid(picker)).toBe('true');
      expect(await editor.getByTestId('form-invalid').textContent()).toContain(
        de ? 'Bitte prüfen Sie die markierten Felder.' : 'Please check the marked fields.',
      );
      expect((await api.getContact(muster.max.id)).version).toBe(muster.max.version);
      await demo?.screenshot(`editor-server-error-${language}`);
      await editor.getByRole('button', { name: de ? 'Abbrechen' : 'Cancel' }).click();
    };

    await check('de');
    await demo?.page.getByLabel('Sprache').selectOption('en');
    await card.getByText('Marketing email allowed?').waitFor();
    await check('en');
  });

  it('opens at the field of a finding ("Beheben"), focused and marked, and the fix clears the finding', async () => {
    await api.patchContact(muster.max.id, muster.max.version, { businessPhones: ['12'] });
    const { pane, card } = await openPane();
    const finding = card.getByRole('button', {
      name: 'Beheben: Telefonnummer ist nicht wählbar (kein gültiges Format).',
    });
    await finding.click();
    const editor = pane.getByRole('form', { name: 'Max Mustermann bearbeiten' });
    const phone = editor.getByRole('textbox', { name: 'Telefon geschäftlich', exact: true });
    await expect.poll(() => phone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await phone.getAttribute('data-field')).toBe('businessPhones.0');
    await editor.getByText('Diese Angabe bitte prüfen.').waitFor();
    await editor.getByText('Nicht wählbar – bitte mit Vorwahl, z. B. 030 1234567.').waitFor();
    await demo?.screenshot('editor-focus-field-business-phone');

    await phone.fill('030 1234567');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByRole('link', { name: '030 1234567' }).waitFor();
    await expect.poll(() => card.getByText('Telefonnummer ist nicht wählbar (kein gültiges Format).').count()).toBe(0);
  });
});

describe('master data in the Teams drawer', () => {
  async function openDrawer(name: string): Promise<{ page: Page; drawer: Locator }> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    page.on('pageerror', (err) => teamsErrors.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error') teamsErrors.push(`${message.text()} ${message.location().url}`);
    });
    await page.goto(`${server.baseUrl}/teams/tab.html`);
    await page.getByRole('list', { name: 'Leads' }).getByRole('button', { name }).click();
    const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
    await drawer.getByTestId('contact-card').waitFor();
    return { page, drawer };
  }

  it('edits a company’s address and phone, and the card shows them', async () => {
    const lead: Contact = await create(api, {
      kind: 'company',
      name: 'Hafenkontor Nord GmbH',
      relationships: ['lead'],
      lead: { status: 'new', source: 'tradeFair' },
    });
    const { page, drawer } = await openDrawer('Hafenkontor Nord GmbH');
    await drawer.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = drawer.getByRole('form', { name: 'Hafenkontor Nord GmbH bearbeiten' });
    await editor.getByLabel('Straße').fill('Am Sandtorkai 12');
    await editor.getByLabel('PLZ').fill('20457');
    await editor.getByLabel('Ort').fill('Hamburg');
    await editor.getByRole('textbox', { name: 'Telefon geschäftlich', exact: true }).fill('040 3012345');
    await editor.getByRole('button', { name: 'Zweite geschäftliche Nummer' }).click();
    await editor.getByRole('textbox', { name: 'Telefon geschäftlich 2' }).fill('040 3012346');
    await editor.getByRole('heading', { name: 'Adresse' }).scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-teams-drawer.png'), animations: 'disabled' });
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    await editor.getByRole('button', { name: 'Speichern' }).click();
    await drawer.getByText('Änderungen gespeichert.').waitFor();
    const card = drawer.getByTestId('contact-card');
    expect(await card.getByTestId('contact-address').textContent()).toBe('Am Sandtorkai 12, 20457 Hamburg');
    await card.getByRole('link', { name: '040 3012345' }).waitFor();
    await card.getByRole('link', { name: '040 3012346' }).waitFor();
    await card.getByTestId('contact-owner').getByText('Sabine Vertrieb').waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'card-after-master-data-teams.png'),
      animations: 'disabled',
    });

    expect(await api.getContact(lead.id)).toMatchObject({
      address: { street: 'Am Sandtorkai 12', postcode: '20457', city: 'Hamburg', country: 'DE' },
      businessPhones: ['040 3012345', '040 3012346'],
      version: lead.version + 1,
    });
  });
});
