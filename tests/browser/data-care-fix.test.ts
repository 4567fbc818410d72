import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { de } from '@klarkonform/shared';
import type { Contact } from '../../shared/src/contacts/contact.schema';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';

// Data care that leads to the fix, in the Teams tab against the real API: "Beheben" on a finding
// opens the place that fixes it, a fixed contact leaves the worklist without a reload, the
// drawer shows the saved state, and a slower earlier answer never overwrites a newer one.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  api = await demoUserClient(server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // TeamsJS fetches its list of Teams origins from a CDN that connect-src does not allow; API
  // answers (and requests the tab aborts because a newer one took over) are logged by the browser.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** The data-care section of the tab, with a marker that a page reload would lose. */
async function openDataCare(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  await page.getByRole('tab', { name: 'Datenpflege' }).click();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  return page;
}

const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `teams-${name}.png`), animations: 'disabled' });
}

/** The worklist row of the contact `name`. */
const row = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Kontakte mit Hinweisen' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

/** The "Beheben" of the finding worded `text` in `scope` (a worklist row or the drawer's card). */
const fixButton = (scope: Locator, text: string) =>
  scope.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Beheben' });

const drawerOf = (page: Page) => page.getByRole('dialog', { name: 'Kontaktkarte' });

/** Holds back the answer of every matching request by `ms`; each answer is as it was when asked. */
function delayAnswers(page: Page, pattern: RegExp, ms: number, when: () => boolean = () => true) {
  return page.route(pattern, async (route: Route) => {
    if (!when()) return route.continue();
    // The page may close while an answer is held; its fetch then fails, which is fine.
    const response = await route.fetch().catch(() => undefined);
    if (!response) return;
    await new Promise((resolve) => setTimeout(resolve, ms));
    // The tab may have aborted it meanwhile (a newer request took over).
    await route.fulfill({ response }).catch(() => undefined);
  });
}

async function companyWithPerson(
  companyName: string,
  person: { firstName: string; lastName: string; roles: Array<'decisionMaker' | 'billingContact'>; email?: string },
): Promise<{ company: Contact; person: Contact }> {
  const domain = `${companyName.split(' ')[0]?.toLowerCase()}.de`;
  const company = await create(api, {
    kind: 'company',
    name: companyName,
    emails: [{ address: `info@${domain}`, primary: true }],
    address: { street: 'Hauptstraße 1', postcode: '80331', city: 'München', country: 'DE' },
    relationships: ['customer'],
  });
  const { email, ...name } = person;
  const staff = await create(api, {
    kind: 'person',
    salutation: 'none',
    ...name,
    ...(email === undefined ? {} : { emails: [{ address: email, primary: true }] }),
    companyId: company.id,
    relationships: ['customer'],
  });
  return { company, person: staff };
}

describe('Teams tab: data care leads to the fix', () => {
  it('fixes "Keine Rolle" through "Beheben"; the save ends with its answer and the row leaves the list', async () => {
    const { person } = await companyWithPerson('Rollenwerk GmbH', {
      firstName: 'Rita',
      lastName: 'Rolle',
      roles: [],
      email: 'rita.rolle@rollenwerk.de',
    });
    const page = await openDataCare();
    const item = row(page, 'Rita Rolle');
    await fixButton(item, de.quality.person.noRole).waitFor();
    await screenshot(page, 'data-care-fix-worklist');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    await fixButton(item, de.quality.person.noRole).click();
    const drawer = drawerOf(page);
    const editor = drawer.getByRole('form', { name: 'Rita Rolle bearbeiten' });
    await editor.getByRole('checkbox', { name: 'Entscheider' }).check();
    await screenshot(page, 'data-care-fix-editor-roles');

    // Everything that follows the save (the card, the row's findings) answers only after 4 s.
    await delayAnswers(page, /\/api\/v1\/(cards\?|contacts\/[0-9a-f]{24}\/(quality|card)$)/, 4_000);
    const saved = Date.now();
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await drawer.getByText('Änderungen gespeichert.').waitFor();
    const card = drawer.getByTestId('contact-card');
    await card.getByRole('list', { name: 'Beziehung, Rollen' }).getByText('Entscheider').waitFor();
    // The save's status ended when the PATCH answered, and the card shows the saved contact,
    // before the reload after it (held back 4 s) is in.
    expect(Date.now() - saved).toBeLessThan(3_000);
    expect(await drawer.getByText('Wird gespeichert …').count()).toBe(0);
    // Old findings are not shown as if they still held while the new ones load.
    expect(await card.getByText(de.quality.person.noRole).count()).toBe(0);
    await drawer.getByText('Hinweise werden aktualisiert …').waitFor();

    await page.getByText('Behoben: Rita Rolle hat keine Hinweise mehr.').waitFor();
    expect(await item.count()).toBe(0);
    await drawer.getByText('Hinweise werden aktualisiert …').waitFor({ state: 'detached' });
    expect(await card.getByText(de.quality.person.noRole).count()).toBe(0);
    expect(await card.getByText(de.quality.company.noDecisionMaker).count()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
    const stored = await api.getContact(person.id);
    expect(stored.kind === 'person' ? stored.roles : []).toEqual(['decisionMaker']);
  });

  it('fixes "Keine E-Mail-Adresse": the editor opens at the field, the address is typed and saved', async () => {
    await companyWithPerson('Postlos Werkzeugbau GmbH', {
      firstName: 'Emil',
      lastName: 'Ohnepost',
      roles: ['decisionMaker', 'billingContact'],
    });
    const page = await openDataCare();
    const item = row(page, 'Emil Ohnepost');
    await fixButton(item, de.quality.contact.noEmail).click();
    const editor = drawerOf(page).getByRole('form', { name: 'Emil Ohnepost bearbeiten' });
    await editor.waitFor();
    // The editor focuses the field of the finding: typing goes straight into it.
    await expect
      .poll(() => editor.evaluate((form) => form.contains(document.activeElement) && document.activeElement?.tagName))
      .toBe('INPUT');
    await screenshot(page, 'data-care-fix-editor-email');
    await page.keyboard.type('emil.ohnepost@postlos.de');
    await editor.getByRole('button', { name: 'Speichern' }).click();

    await page.getByText('Behoben: Emil Ohnepost hat keine Hinweise mehr.').waitFor();
    expect(await item.count()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
    const [found] = (await api.listContacts({ q: 'Ohnepost' })).items;
    expect(found?.email).toBe('emil.ohnepost@postlos.de');
  });

  it('fixes "Keine Ansprechpartner" by creating a person at the company; the company leaves the list', async () => {
    const company = await create(api, {
      kind: 'company',
      name: 'Leerstand Handel GmbH',
      emails: [{ address: 'info@leerstand-handel.de', primary: true }],
      address: { street: 'Lindenweg 4', postcode: '04109', city: 'Leipzig', country: 'DE' },
      relationships: ['customer'],
    });
    const page = await openDataCare();
    const item = row(page, 'Leerstand Handel GmbH');
    await fixButton(item, de.quality.company.noPeople).click();

    const dialog = page.getByRole('dialog', { name: 'Ansprechpartner für Leerstand Handel GmbH anlegen' });
    await dialog.getByLabel('Vorname').fill('Lars');
    await dialog.getByLabel(/^Nachname/).fill('Lindner');
    // The person starts with the company's relationship (Kunde), fixed to the company.
    expect(await dialog.getByRole('checkbox', { name: 'Kunde' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Entscheider' }).check();
    await dialog.getByRole('checkbox', { name: 'Rechnungskontakt' }).check();
    await screenshot(page, 'data-care-fix-new-person');
    await dialog
      .getByRole('button', { name: /anlegen$/ })
      .last()
      .click();

    await page.getByText('Behoben: Leerstand Handel GmbH hat keine Hinweise mehr.').waitFor();
    expect(await item.count()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
    const people = await api.companyPeople(company.id);
    expect(people.map((p) => [p.displayName, p.roles])).toEqual([
      ['Lars Lindner', ['decisionMaker', 'billingContact']],
    ]);
  });

  it('opens the consent form on the channel of "Einwilligung ohne Nachweis" and records the proof', async () => {
    const { person } = await companyWithPerson('Nachweis Druckerei GmbH', {
      firstName: 'Nora',
      lastName: 'Nachweis',
      roles: ['decisionMaker', 'billingContact'],
      email: 'nora.nachweis@nachweis.de',
    });
    await api.addConsentEvent(person.id, { channel: 'phone', type: 'optIn', source: 'Telefonat' });
    const page = await openDataCare();
    const item = row(page, 'Nora Nachweis');
    await fixButton(item, de.quality.contact.consentWithoutProof).click();

    const form = drawerOf(page).getByRole('form', { name: 'Einwilligung erfassen' });
    expect(await form.getByRole('combobox', { name: 'Kanal' }).inputValue()).toBe('phone');
    await screenshot(page, 'data-care-fix-consent');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
    await form.getByLabel('Quelle').fill('Telefonat mit Frau Nachweis');
    await form.getByLabel('Nachweis').fill('Gesprächsnotiz 2026-114, Ablage Vertrieb');
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();

    await page.getByText('Behoben: Nora Nachweis hat keine Hinweise mehr.').waitFor();
    expect(await item.count()).toBe(0);
    const events = (await api.getContact(person.id)).consent.channels.phone;
    expect(events.at(-1)).toMatchObject({ type: 'optIn', proof: 'Gesprächsnotiz 2026-114, Ablage Vertrieb' });
  });

  it('leads "Kein Entscheider" to the company\'s people and a person\'s roles; both rows leave', async () => {
    await companyWithPerson('Chefsuche Anlagenbau GmbH', {
      firstName: 'Zora',
      lastName: 'Zellner',
      roles: [],
      email: 'zora.zellner@chefsuche.de',
    });
    const page = await openDataCare();
    const companyRow = row(page, 'Chefsuche Anlagenbau GmbH');
    await fixButton(companyRow, de.quality.company.noDecisionMaker).click();

    const people = drawerOf(page).getByTestId('people-fix');
    await people.getByRole('heading', { name: 'Wer entscheidet bei Chefsuche Anlagenbau GmbH?' }).waitFor();
    await screenshot(page, 'data-care-fix-people');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
    await people
      .getByRole('listitem')
      .filter({ hasText: 'Zora Zellner' })
      .getByRole('button', { name: 'Rollen bearbeiten' })
      .click();
    const editor = drawerOf(page).getByRole('form', { name: 'Zora Zellner bearbeiten' });
    await editor.getByRole('checkbox', { name: 'Entscheider' }).check();
    await editor.getByRole('checkbox', { name: 'Rechnungskontakt' }).check();
    await editor.getByRole('button', { name: 'Speichern' }).click();

    await expect.poll(() => companyRow.count()).toBe(0);
    await expect.poll(() => row(page, 'Zora Zellner').count()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
  });

  it('moves a stale lead on with the lead actions: "Zum Kunden machen" fixes it', async () => {
    const { person } = await companyWithPerson('Altlast Handel GmbH', {
      firstName: 'Otto',
      lastName: 'Offen',
      roles: ['decisionMaker'],
      email: 'otto.offen@altlast.de',
    });
    const lead = await api.patchContact(person.id, person.version, {
      relationships: ['lead'],
      lead: { status: 'qualifying', source: 'tradeFair' },
    });
    // Open for 120 days (more than the 90 a lead may stay open): back-dated as the demo seed does.
    await server.app.mongo.db?.collection('contacts').updateOne({ _id: new Types.ObjectId(lead.id) }, {
      $set: { createdAt: new Date(Date.now() - 120 * 86_400_000).toISOString() },
      $inc: { version: 1 },
    } as never);

    const page = await openDataCare();
    const item = row(page, 'Otto Offen');
    await fixButton(item, de.quality.lead.stale).click();
    const panel = drawerOf(page).getByTestId('lead-fix');
    await panel.getByText('Otto Offen: Seit über 90 Tagen offen.', { exact: false }).waitFor();
    await screenshot(page, 'data-care-fix-lead');
    const violations = await axeViolationsBesidesFocusGuards(page.mainFrame());
    expect(violations, JSON.stringify(violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))).toEqual([]);
    await panel.getByRole('button', { name: 'Zum Kunden machen' }).click();
    await page
      .getByRole('dialog', { name: 'Otto Offen zum Kunden machen?' })
      .getByRole('button', { name: 'Zum Kunden machen' })
      .click();
    await panel.getByText('Otto Offen ist jetzt Kunde', { exact: false }).waitFor();
    await page.getByText('Behoben: Otto Offen hat keine Hinweise mehr.').waitFor();
    expect(await item.count()).toBe(0);
    await drawerOf(page)
      .getByTestId('contact-card')
      .getByRole('list', { name: 'Beziehung, Rollen' })
      .getByText('Kunde')
      .waitFor();
    expect((await api.getContact(lead.id)).lead?.status).toBe('won');
  });

  it('keeps the newest answer when an earlier, slower one arrives after it', async () => {
    const { person } = await companyWithPerson('Reihenfolge Logistik GmbH', {
      firstName: 'Lena',
      lastName: 'Langsam',
      roles: [],
      email: 'lena.langsam@reihenfolge.de',
    });
    await api.patchContact(person.id, person.version, { relationships: ['customer', 'lead'], lead: { status: 'new' } });

    const page = await openDataCare();
    const item = row(page, 'Lena Langsam');
    await fixButton(item, de.quality.lead.noSource).waitFor();
    await fixButton(item, de.quality.person.noRole).click();
    const drawer = drawerOf(page);
    let editor = drawer.getByRole('form', { name: 'Lena Langsam bearbeiten' });
    await editor.getByRole('checkbox', { name: 'Entscheider' }).check();

    // The answers after the first save (card and row: role set, source still missing) come late.
    let first = true;
    await delayAnswers(page, /\/api\/v1\/(cards\?|contacts\/[0-9a-f]{24}\/(quality|card)$)/, 3_000, () => first);
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await drawer.getByText('Änderungen gespeichert.').waitFor();

    // The second save (the source) is answered at once, before the first save's answers.
    first = false;
    await drawer.getByRole('button', { name: 'Bearbeiten' }).click();
    editor = drawer.getByRole('form', { name: 'Lena Langsam bearbeiten' });
    await editor.getByRole('combobox', { name: 'Lead-Quelle' }).selectOption('tradeFair');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Behoben: Lena Langsam hat keine Hinweise mehr.').waitFor();

    // Past the first answers' delay: neither the row nor the old finding comes back.
    await page.waitForTimeout(3_500);
    expect(await item.count()).toBe(0);
    const card = drawer.getByTestId('contact-card');
    expect(await card.getByText(de.quality.lead.noSource).count()).toBe(0);
    await card.getByText('Messe').first().waitFor();
    expect(await drawer.getByText('Hinweise werden aktualisiert …').count()).toBe(0);
  });
});
