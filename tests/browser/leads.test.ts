import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactCreate } from '../../shared/src/contacts/contact-input.schema';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolations, launchChromium, openDemo, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';

// The lead state machine as users drive it: the buttons of the Teams lead review and the
// status field of the contact editor run the same actions (confirm before "Zum Kunden machen",
// a reason for lost and archived, "Rückgängig" after), and the card shows the lead data — in
// the Teams drawer and in the Outlook task pane. Real API, real engine, Debian's Chromium.

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
  // TeamsJS asks res.cdn.office.net for its origin list (blocked by the CSP, it falls back);
  // API answers such as a 409 are logged by the browser too, and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

async function openTab(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

const germanToday = () =>
  new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date());

// `behind`: the list behind the open contact drawer, which hides it from assistive technology.
const leadList = (page: Page, behind = false) => page.getByRole('list', { name: 'Leads', includeHidden: behind });
/** The row of the lead named `name` (by its name link: a person's row names their company too). */
const leadItem = (page: Page, name: string, behind = false) =>
  leadList(page, behind)
    .getByRole('listitem', { includeHidden: behind })
    .filter({ has: page.getByRole('button', { name, exact: true, includeHidden: behind }) });
/** Text as a reader sees it: Intl puts a no-break space before "€". */
const shown = async (locator: Locator) => (await locator.textContent())?.replace(/\u00a0/g, ' ');

const companyLead = (name: string, lead: NonNullable<ContactCreate['lead']> = { source: 'tradeFair' }) =>
  create(api, { kind: 'company', name, relationships: ['lead'], lead });

describe('Teams lead review: the buttons', () => {
  it('asks before converting a company with its people, converts, and undoes it', async () => {
    const firm = await companyLead('Sonnenhof Hotel GmbH', {
      source: 'tradeFair',
      sourceDetail: 'ITB 2026',
      status: 'offer',
    });
    const paula = await create(api, {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Paula',
      lastName: 'Sonnenhof',
      companyId: firm.id,
      relationships: ['lead'],
    });
    const page = await openTab();
    await leadItem(page, 'Paula Sonnenhof').waitFor();
    await leadItem(page, 'Sonnenhof Hotel GmbH').getByRole('button', { name: 'Zum Kunden machen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Sonnenhof Hotel GmbH zum Kunden machen?' });
    await dialog.waitFor();
    const today = germanToday();
    expect(await dialog.textContent()).toContain(
      `Die Beziehung wechselt von Lead zu Kunde, „Kunde seit“ wird auf heute (${today}) gesetzt`,
    );
    const people = dialog.getByRole('checkbox', {
      name: 'Auch die Personen dieser Firma, die Leads sind, zu Kunden machen',
    });
    expect(await people.isChecked()).toBe(true);
    await screenshot(page, 'lead-win-confirm');
    expect(await axeViolations(page.mainFrame())).toEqual([]);

    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api.getContact(firm.id)).version).toBe(firm.version);

    await leadItem(page, 'Sonnenhof Hotel GmbH').getByRole('button', { name: 'Zum Kunden machen' }).click();
    await dialog.getByRole('button', { name: 'Zum Kunden machen' }).click();
    await page
      .getByText(`Sonnenhof Hotel GmbH ist jetzt Kunde (Kunde seit ${today}), ebenso 1 Person(en) der Firma.`)
      .waitFor();
    await expect.poll(() => leadItem(page, 'Sonnenhof Hotel GmbH').count()).toBe(0);
    expect(await leadItem(page, 'Paula Sonnenhof').count()).toBe(0);
    expect(await api.getContact(paula.id)).toMatchObject({ relationships: ['customer'], lead: { status: 'won' } });

    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.getByText('Rückgängig gemacht: Sonnenhof Hotel GmbH ist wieder „Angebot“.').waitFor();
    await leadItem(page, 'Sonnenhof Hotel GmbH').waitFor();
    await leadItem(page, 'Paula Sonnenhof').waitFor();
    const restored = await api.getContact(firm.id);
    expect(restored).toMatchObject({ relationships: ['lead'], lead: { status: 'offer', sourceDetail: 'ITB 2026' } });
    expect(restored.customerSince).toBeUndefined();
    expect((await api.getContact(paula.id)).relationships).toEqual(['lead']);
    expect((await api.contactHistory(firm.id)).map((entry) => entry.action).slice(0, 2)).toEqual(['leadUndo', 'lead']);
  });

  it('archives and loses leads with a reason; both leave "Aktuell" for good', async () => {
    const stale = await companyLead('Staubfrei Reinigung KG');
    const lost = await companyLead('Preiswert Druck GmbH', { source: 'website', status: 'qualifying' });
    const page = await openTab();
    const staleRow = leadItem(page, 'Staubfrei Reinigung KG');
    expect(await staleRow.textContent()).toContain('Aktuell');

    await staleRow.getByRole('button', { name: 'Archivieren …' }).click();
    const archive = page.getByRole('dialog', { name: 'Staubfrei Reinigung KG archivieren' });
    await archive.getByRole('button', { name: 'Kein Bedarf' }).click();
    await archive.getByRole('button', { name: 'Archivieren', exact: true }).click();
    await page.getByText('Staubfrei Reinigung KG wurde archiviert.').waitFor();
    await expect.poll(() => staleRow.count()).toBe(0);

    await leadItem(page, 'Preiswert Druck GmbH').getByRole('button', { name: 'Verloren …' }).click();
    const lose = page.getByRole('dialog', { name: 'Preiswert Druck GmbH als verloren markieren' });
    expect(await lose.getByRole('button', { name: 'Als verloren markieren' }).isDisabled()).toBe(true);
    await lose.getByRole('button', { name: 'Preis zu hoch' }).click();
    await lose.getByRole('button', { name: 'Als verloren markieren' }).click();
    await page.getByText('Preiswert Druck GmbH ist als verloren markiert.').waitFor();
    await expect.poll(() => leadItem(page, 'Preiswert Druck GmbH').count()).toBe(0);

    expect(await api.getContact(stale.id)).toMatchObject({
      lead: { status: 'archived' },
      archived: { reason: 'Kein Bedarf' },
    });
    expect(await api.getContact(lost.id)).toMatchObject({
      lead: { status: 'lost' },
      archived: { reason: 'Preis zu hoch' },
    });
    // Loaded afresh, the review still leaves them out.
    await page.reload();
    await leadList(page).waitFor();
    expect(await leadItem(page, 'Staubfrei Reinigung KG').count()).toBe(0);
    expect(await leadItem(page, 'Preiswert Druck GmbH').count()).toBe(0);
  });
});

describe('Teams contact drawer: the status field runs the same actions', () => {
  it('qualifies by editing, converts with the same confirm and undoes, archives with a reason', async () => {
    const lead = await companyLead('Bergquell Brauerei GmbH', {
      source: 'referral',
      sourceDetail: 'Empfehlung Dr. Hoffmann',
      status: 'new',
      budget: { minEur: 10_000, maxEur: 25_000 },
      nextSteps: 'Angebot für drei Standorte',
      timeframe: 'Q3 2026',
    });
    const page = await openTab();
    await leadItem(page, 'Bergquell Brauerei GmbH').getByRole('button', { name: 'Bergquell Brauerei GmbH' }).click();
    const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
    const card = drawer.getByTestId('contact-card');
    await card.waitFor();
    expect(await card.getByTestId('lead-status').textContent()).toBe('Neu');
    expect(await card.getByTestId('lead-source').textContent()).toBe('Empfehlung – Empfehlung Dr. Hoffmann');
    expect(await shown(card.getByTestId('lead-budget'))).toBe('10.000 € bis 25.000 €');
    expect(await card.getByTestId('lead-next-steps').textContent()).toBe('Angebot für drei Standorte');
    expect(await card.getByTestId('lead-timeframe').textContent()).toBe('Q3 2026');
    expect(await card.getByTestId('lead-last-activity').textContent()).toBe(germanToday());
    await screenshot(page, 'lead-card-teams');

    // Between open statuses the field is an edit, saved with the form, and counts as activity.
    await drawer.getByRole('button', { name: 'Bearbeiten' }).click();
    const status = drawer.getByRole('combobox', { name: 'Lead-Status' });
    await status.selectOption({ label: 'In Qualifizierung' });
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    await card.getByTestId('lead-status').getByText('In Qualifizierung').waitFor();
    const qualified = await api.getContact(lead.id);
    expect(qualified.lead?.status).toBe('qualifying');
    expect(Date.parse(qualified.lead?.lastActivityAt ?? '')).toBeGreaterThan(
      Date.parse(lead.lead?.lastActivityAt ?? ''),
    );

    // "Gewonnen" runs the action: the same confirm as the button, then "Rückgängig".
    await drawer.getByRole('button', { name: 'Bearbeiten' }).click();
    await status.selectOption({ label: 'Gewonnen' });
    const confirm = page.getByRole('dialog', { name: 'Bergquell Brauerei GmbH zum Kunden machen?' });
    await confirm.getByRole('button', { name: 'Zum Kunden machen' }).click();
    const notice = drawer.getByTestId('lead-notice');
    await notice.getByText(`Bergquell Brauerei GmbH ist jetzt Kunde (Kunde seit ${germanToday()}).`).waitFor();
    expect(await status.inputValue()).toBe('won');
    await expect.poll(() => leadItem(page, 'Bergquell Brauerei GmbH', true).count()).toBe(0);
    await screenshot(page, 'lead-editor-won-undo');
    await notice.getByRole('button', { name: 'Rückgängig' }).click();
    await notice.getByText('Rückgängig gemacht: Bergquell Brauerei GmbH ist wieder „In Qualifizierung“.').waitFor();
    expect(await api.getContact(lead.id)).toMatchObject({ relationships: ['lead'], lead: { status: 'qualifying' } });
    expect(await status.inputValue()).toBe('qualifying');
    await leadItem(page, 'Bergquell Brauerei GmbH', true).waitFor({ state: 'attached' });

    // "Archiviert" asks for the reason, like the button.
    await status.selectOption({ label: 'Archiviert' });
    const archive = page.getByRole('dialog', { name: 'Bergquell Brauerei GmbH archivieren' });
    await archive.getByRole('textbox', { name: /Begründung/ }).fill('Brauerei wurde verkauft');
    await archive.getByRole('button', { name: 'Archivieren', exact: true }).click();
    await notice.getByText('Bergquell Brauerei GmbH wurde archiviert.').waitFor();
    // The dialog's submit is its own: the editor around it saved nothing and saw no conflict.
    expect(await drawer.getByTestId('conflict-prompt').count()).toBe(0);
    expect(await drawer.getByTestId('form-error').count()).toBe(0);
    expect(await api.getContact(lead.id)).toMatchObject({
      lead: { status: 'archived' },
      archived: { reason: 'Brauerei wurde verkauft' },
    });
    await drawer.getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => leadItem(page, 'Bergquell Brauerei GmbH', true).count()).toBe(0);
  });
});

describe('Outlook task pane', () => {
  it('shows the lead data on the card of a sender who is a lead', async () => {
    await create(api, {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Jonas',
      lastName: 'Neumann',
      emails: [{ address: 'jonas.neumann@gmx.de', primary: true }],
      relationships: ['lead'],
      lead: {
        source: 'website',
        sourceDetail: 'Kontaktformular',
        nextSteps: 'Angebot IT und Telefonanlage bis Freitag',
        budget: { minEur: 5000 },
        timeframe: 'Frühjahr 2027',
      },
    });
    const demo = await openDemo(browser, server.baseUrl);
    try {
      await demo.selectItem(/Jonas Neumann/);
      const card = demo.pane.getByTestId('contact-card');
      await card.getByRole('heading', { name: 'Jonas Neumann' }).waitFor();
      const lead = card.getByRole('region', { name: 'Lead' });
      expect(await lead.getByTestId('lead-status').textContent()).toBe('Neu');
      expect(await lead.getByTestId('lead-source').textContent()).toBe('Website – Kontaktformular');
      expect(await shown(lead.getByTestId('lead-budget'))).toBe('ab 5.000 €');
      expect(await lead.getByTestId('lead-next-steps').textContent()).toBe('Angebot IT und Telefonanlage bis Freitag');
      expect(await lead.getByTestId('lead-timeframe').textContent()).toBe('Frühjahr 2027');
      expect(await lead.getByTestId('lead-last-activity').textContent()).toBe(germanToday());
      // A new lead is never a "lead without lead data".
      expect(await card.textContent()).not.toContain('Lead ohne Lead-Angaben');
      await demo.screenshot('lead-card-outlook');
      expect(await axeViolations(demo.paneFrame())).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});
