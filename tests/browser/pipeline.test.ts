import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf, type OpportunityCreate } from '@klarkonform/shared';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';

// The Teams tab's Verkaufschancen against the real API serving the built tab: the board moved
// by keyboard, menu and drag (and each move read back after a reload), the loss reason, the
// won lead's conversion, and the forecast's figures checked against hand-computed sums.

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
  // TeamsJS's valid-domain prefetch is refused by the CSP (it falls back to its list); API
  // answers such as 412 are logged by the browser and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** A client signed in as another sales user of the demo tenant (the API learns the user from the token). */
async function userClient(userId: string, name: string): Promise<ApiClient> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, name, roles: ['CRM.Sales'] }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const client = createApiClient({ baseUrl: server.baseUrl, getToken: async () => accessToken, language: () => 'de' });
  await client.me();
  return client;
}

async function company(client: ApiClient, name: string, lead = false) {
  return create(client, { kind: 'company', name, relationships: [lead ? 'lead' : 'customer'] });
}

async function opportunity(client: ApiClient, body: OpportunityCreate) {
  return (await client.createOpportunity(body, randomUUID())).opportunity;
}

/** `roles`: sign in with these app roles instead of the demo user's (Sales + Admin). */
async function openPipeline(
  view: 'Pipeline' | 'Liste' | 'Prognose' = 'Pipeline',
  roles?: string[],
  locale = 'de-DE',
): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale });
  const page = await context.newPage();
  if (roles) {
    await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify({ roles }) }));
  }
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  await page.getByRole('tab', { name: locale.startsWith('en') ? 'Opportunities' : 'Verkaufschancen' }).click();
  if (view !== 'Pipeline') await page.getByRole('tab', { name: view }).click();
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `teams-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

const column = (page: Page, stage: string): Locator => page.locator(`section[data-stage="${stage}"]`);
const card = (page: Page, title: string): Locator => page.locator('article[data-card-id]').filter({ hasText: title });
/** Intl writes a no-break space before "€"; the test compares with plain spaces. */
const plain = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('Teams tab: pipeline board', () => {
  it('moves an opportunity with the keyboard; the move is announced and still there after a reload', async () => {
    const contact = await company(api, 'Tastatur Technik GmbH');
    const created = await opportunity(api, {
      title: 'Serverraum Tastatur',
      contactId: contact.id,
      amountCents: 1_234_567,
      stage: 'meeting',
    });
    const page = await openPipeline();
    const item = card(page, 'Serverraum Tastatur');
    await column(page, 'meeting').locator('article', { hasText: 'Serverraum Tastatur' }).waitFor();
    expect(await plain(item)).toContain('12.345,67 €');
    expect(await plain(item)).toContain('40 %');

    await item.focus();
    await page.keyboard.press('Control+ArrowRight');
    await page.getByRole('status').filter({ hasText: '„Serverraum Tastatur“ nach Angebot verschoben.' }).waitFor();
    await column(page, 'offer').locator('article', { hasText: 'Serverraum Tastatur' }).waitFor();
    // Focus follows the card into its new column, so the next shortcut moves it on.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Serverraum Tastatur, /);
    await screenshot(page, 'pipeline-board');

    await page.reload();
    await page.getByRole('tab', { name: 'Verkaufschancen' }).click();
    const moved = column(page, 'offer').locator('article', { hasText: 'Serverraum Tastatur' });
    await moved.waitFor();
    expect(await plain(moved)).toContain('60 %');
    const saved = await api.getOpportunity(created.id);
    expect(saved.stage).toBe('offer');
    expect(saved.stageHistory.map((change) => change.stage)).toEqual(['meeting', 'offer']);
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
  });

  it('moves an opportunity by dragging it to another column', async () => {
    const contact = await company(api, 'Zieh & Lass GmbH');
    const created = await opportunity(api, {
      title: 'Drag-Auftrag',
      contactId: contact.id,
      amountCents: 500_000,
      stage: 'infoSent',
    });
    const page = await openPipeline();
    await card(page, 'Drag-Auftrag').dragTo(column(page, 'negotiation'), {
      sourcePosition: { x: 4, y: 4 },
      targetPosition: { x: 60, y: 20 },
    });
    await column(page, 'negotiation').locator('article', { hasText: 'Drag-Auftrag' }).waitFor();
    await expect.poll(async () => (await api.getOpportunity(created.id)).stage).toBe('negotiation');
  });

  it('Verloren needs a reason before it moves', async () => {
    const contact = await company(api, 'Verlust Versand GmbH');
    const created = await opportunity(api, {
      title: 'Versandlager',
      contactId: contact.id,
      amountCents: 900_000,
      stage: 'offer',
    });
    const page = await openPipeline();
    await card(page, 'Versandlager').getByRole('button', { name: 'Versandlager verschieben' }).click();
    await page.getByRole('menuitem', { name: 'Verloren' }).click();
    const dialog = page.getByRole('dialog', { name: '„Versandlager“ als verloren markieren' });
    await dialog.getByRole('button', { name: 'Als verloren markieren' }).click();
    await dialog.getByText('Bitte geben Sie einen Grund an.').waitFor();
    expect((await api.getOpportunity(created.id)).stage).toBe('offer');

    await dialog.getByRole('button', { name: 'An Wettbewerber verloren' }).click();
    await dialog.getByRole('button', { name: 'Als verloren markieren' }).click();
    await column(page, 'lost').locator('article', { hasText: 'Versandlager' }).waitFor();
    await expect.poll(async () => (await api.getOpportunity(created.id)).lossReason).toBe('An Wettbewerber verloren');
    expect((await api.getOpportunity(created.id)).probability).toBe(0);
  });

  it('a change by someone else answers 412: the card goes back and the tab says why', async () => {
    const contact = await company(api, 'Gleichzeitig GmbH');
    const created = await opportunity(api, {
      title: 'Parallelprojekt',
      contactId: contact.id,
      amountCents: 100_000,
      stage: 'needsAnalysis',
    });
    const page = await openPipeline();
    await card(page, 'Parallelprojekt').waitFor();
    await api.updateOpportunity(created.id, created.version, { title: 'Parallelprojekt (geändert)' });
    await card(page, 'Parallelprojekt').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByText('Jemand anderes hat „Parallelprojekt“ gerade geändert.', { exact: false }).waitFor();
    // The board reloads: the changed title in its unchanged stage.
    await column(page, 'needsAnalysis').locator('article', { hasText: 'Parallelprojekt (geändert)' }).waitFor();
    expect((await api.getOpportunity(created.id)).stage).toBe('needsAnalysis');
  });

  it('winning an opportunity of a lead offers making it a customer', async () => {
    const lead = await company(api, 'Gewinn Leads GmbH', true);
    await opportunity(api, { title: 'Erstauftrag', contactId: lead.id, amountCents: 250_000, stage: 'negotiation' });
    const page = await openPipeline();
    await card(page, 'Erstauftrag').getByRole('button', { name: 'Erstauftrag verschieben' }).click();
    await page.getByRole('menuitem', { name: 'Gewonnen' }).click();
    await page.getByText('„Erstauftrag“ ist gewonnen. Gewinn Leads GmbH ist noch Lead.').waitFor();
    await page.getByRole('button', { name: 'Zum Kunden machen …' }).click();
    await page
      .getByRole('dialog', { name: 'Gewinn Leads GmbH zum Kunden machen?' })
      .getByRole('button', { name: 'Zum Kunden machen' })
      .click();
    await page.getByText('Gewinn Leads GmbH ist jetzt Kunde').waitFor();
    const contact = await api.getContact(lead.id);
    expect(contact.relationships).toContain('customer');
    expect(contact.relationships).not.toContain('lead');
  });

  it('follows the browser language (English): stage names, amounts and dates', async () => {
    const contact = await company(api, 'English Engines Ltd');
    await opportunity(api, {
      title: 'Engine upgrade',
      contactId: contact.id,
      amountCents: 1_234_567,
      stage: 'meeting',
      expectedCloseDate: '2027-03-31',
    });
    const page = await openPipeline('Pipeline', undefined, 'en-GB');
    const item = column(page, 'meeting').locator('article', { hasText: 'Engine upgrade' });
    await item.waitFor();
    expect(await column(page, 'meeting').getByRole('heading').textContent()).toBe('Meeting arranged / visit report');
    expect(await plain(item)).toContain('€12,345.67');
    expect(await plain(item)).toContain('Close 31 Mar 2027');
  });

  it('a read-only user sees the board but cannot move or create', async () => {
    const contact = await company(api, 'Nur Lesen GmbH');
    await opportunity(api, { title: 'Lesestoff', contactId: contact.id, amountCents: 10_000, stage: 'offer' });
    const page = await openPipeline('Pipeline', ['CRM.ReadOnly']);
    const item = card(page, 'Lesestoff');
    await item.waitFor();
    expect(await item.getAttribute('draggable')).toBe('false');
    expect(await item.getByRole('button', { name: 'Lesestoff verschieben' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Neue Verkaufschance' }).count()).toBe(0);
    await item.focus();
    await page.keyboard.press('Control+ArrowRight');
    expect(await page.getByText('nach Verhandlung verschoben').count()).toBe(0);
  });
});

describe('Teams tab: opportunity list', () => {
  it('edits an opportunity in the drawer with a German amount; a new one is created from a picked contact', async () => {
    const contact = await company(api, 'Listen Lager KG');
    const created = await opportunity(api, { title: 'Regalsystem', contactId: contact.id, amountCents: 100_000 });
    const page = await openPipeline('Liste');
    await page.getByRole('button', { name: 'Regalsystem' }).click();
    const drawer = page.getByRole('dialog', { name: 'Regalsystem' });
    await drawer.getByRole('textbox', { name: 'Betrag (EUR)' }).fill('12.345,67');
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    await drawer.getByText('Gespeichert.').waitFor();
    expect((await api.getOpportunity(created.id)).amountCents).toBe(1_234_567);
    // Typing on after the save: "Gespeichert." no longer claims what is in the form, and a refused
    // amount is not saved.
    await drawer.getByRole('textbox', { name: 'Betrag (EUR)' }).fill('-3');
    expect(await drawer.getByText('Gespeichert.').count()).toBe(0);
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    expect(await drawer.getByText('Gespeichert.').count()).toBe(0);
    expect((await api.getOpportunity(created.id)).amountCents).toBe(1_234_567);
    await drawer.getByRole('button', { name: 'Schließen' }).first().click();

    await page.getByRole('button', { name: 'Neue Verkaufschance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neue Verkaufschance' });
    await dialog.getByRole('combobox', { name: 'Kontakt' }).fill('Listen Lager');
    await page.getByRole('option', { name: /Listen Lager KG/ }).click();
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Zweites Regal');
    await dialog.getByRole('textbox', { name: 'Betrag (EUR)' }).fill('2.500');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('button', { name: 'Zweites Regal' }).waitFor();
    const page1 = await api.listOpportunities({ contactId: contact.id });
    expect(page1.items.find((item) => item.title === 'Zweites Regal')?.amountCents).toBe(250_000);
  });
});

describe('Teams tab: forecast', () => {
  it('shows the weighted figures per owner and month, and each figure opens exactly its opportunities', async () => {
    const anna = await userClient(`anna-${randomUUID().slice(0, 8)}`, 'Anna Prognose');
    const ben = await userClient(`ben-${randomUUID().slice(0, 8)}`, 'Ben Prognose');
    const [annaMe, benMe] = await Promise.all([anna.me(), ben.me()]);
    const m0 = monthOf(new Date());
    const day = (offset: number) => `${addMonths(m0, offset)}-15`;
    const annaCo = await company(anna, 'Anna Kunde GmbH');
    const benCo = await company(ben, 'Ben Kunde GmbH');
    const a = { contactId: annaCo.id, ownerId: annaMe.userId };
    const b = { contactId: benCo.id, ownerId: benMe.userId };
    // Anna: this month 12.345,67 € × 60 % = 7.407,40 € and 5.000 € × 80 % = 4.000 € → 11.407,40 €;
    // next month 20.000 € × 25 % = 5.000 €; overdue 1.000 € × 20 % = 200 €; undated 3.000 € × 40 % = 1.200 €.
    await opportunity(anna, {
      ...a,
      title: 'A1 Angebot',
      amountCents: 1_234_567,
      stage: 'offer',
      expectedCloseDate: day(0),
    });
    await opportunity(anna, {
      ...a,
      title: 'A2 Verhandlung',
      amountCents: 500_000,
      stage: 'negotiation',
      expectedCloseDate: day(0),
    });
    await opportunity(anna, {
      ...a,
      title: 'A3 Bedarf',
      amountCents: 2_000_000,
      probability: 25,
      expectedCloseDate: day(1),
    });
    await opportunity(anna, {
      ...a,
      title: 'A4 Alt',
      amountCents: 100_000,
      stage: 'infoSent',
      expectedCloseDate: day(-1),
    });
    await opportunity(anna, { ...a, title: 'A5 Offen', amountCents: 300_000, stage: 'meeting' });
    await opportunity(anna, {
      ...a,
      title: 'A6 Gewonnen',
      amountCents: 1_000_000,
      stage: 'won',
      expectedCloseDate: day(0),
    });
    // Ben: in two months 7.777,77 € × 60 % = 4.666,66 € and 999,99 € × 33 % = 330,00 € → 4.996,66 €.
    await opportunity(ben, {
      ...b,
      title: 'B1 Angebot',
      amountCents: 777_777,
      stage: 'offer',
      expectedCloseDate: day(2),
    });
    await opportunity(ben, {
      ...b,
      title: 'B2 Termin',
      amountCents: 99_999,
      stage: 'meeting',
      probability: 33,
      expectedCloseDate: day(2),
    });
    await opportunity(ben, {
      ...b,
      title: 'B3 Verloren',
      amountCents: 5_000_000,
      stage: 'lost',
      lossReason: 'Kein Budget',
      expectedCloseDate: day(1),
    });

    const page = await openPipeline('Prognose');
    const table = page.getByRole('table', { name: 'Gewichtete Prognose in Zahlen' });
    await table.waitFor();
    const cells = async (owner: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: owner }) })
          .getByRole('cell')
          .all()
      ).map((cell) => plain(cell));
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      'Betreuer',
      ...[0, 1, 2].map((k) =>
        new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${addMonths(m0, k)}-01T00:00:00Z`),
        ),
      ),
      'Überfällig',
      'Ohne Datum',
      'Danach',
    ]);
    expect(await Promise.all(await cells('Anna Prognose'))).toEqual([
      '11.407,40 €',
      '5.000,00 €',
      '0,00 €',
      '200,00 €',
      '1.200,00 €',
      '0,00 €',
    ]);
    expect(await Promise.all(await cells('Ben Prognose'))).toEqual([
      '0,00 €',
      '0,00 €',
      '4.996,66 €',
      '0,00 €',
      '0,00 €',
      '0,00 €',
    ]);
    const chart = page.locator('figure[aria-label^="Diagramm der gewichteten Prognose"]');
    await chart.locator('svg').first().waitFor();
    await screenshot(page, 'pipeline-forecast');

    // Anna's figure of this month opens her two open opportunities closing this month.
    await table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Anna Prognose' }) })
      .getByRole('button', { name: /^Anna Prognose, .*, 11\.407,40/ })
      .click();
    const list = page.getByRole('table', { name: 'Verkaufschancen' });
    await list.waitFor();
    await expect
      .poll(async () => (await list.getByRole('button').allTextContents()).sort())
      .toEqual(['A1 Angebot', 'A2 Verhandlung']);
    expect(await page.getByRole('combobox', { name: 'Betreuer' }).inputValue()).toBe(annaMe.userId);
    expect(await page.getByRole('combobox', { name: 'Abschlussmonat' }).inputValue()).toBe(m0);

    // Filtered to Ben: only his row, the total is his, and an empty figure (0,00 €) is no link.
    await page.getByRole('tab', { name: 'Prognose' }).click();
    await page.getByRole('combobox', { name: 'Betreuer' }).selectOption(benMe.userId);
    const benRow = ['0,00 €', '0,00 €', '4.996,66 €', '0,00 €', '0,00 €', '0,00 €'];
    await expect.poll(async () => Promise.all(await cells('Gesamt'))).toEqual(benRow);
    expect(await Promise.all(await cells('Ben Prognose'))).toEqual(benRow);
    expect(await table.getByRole('rowheader', { name: 'Anna Prognose' }).count()).toBe(0);
    expect(await table.getByRole('button', { name: /^Ben Prognose, Überfällig/ }).count()).toBe(0);
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    // A bar of the chart opens its opportunities too.
    await page.locator('figure rect[aria-label*="Ben Prognose, 4.996,66"]').click();
    await expect
      .poll(async () => (await list.getByRole('button').allTextContents()).sort())
      .toEqual(['B1 Angebot', 'B2 Termin']);
  });
});
