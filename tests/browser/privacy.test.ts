import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactCreate } from '../../shared/src/contacts/contact-input.schema';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create } from './support/seed';
import { openTeamsTab } from './support/teams-host';

// The Teams tab's "Datenschutz" (issue 15) against the real API serving the built tab, signed in
// as the data-protection officer (CRM.DataProtection): registers an erasure request for a known
// person and links her through the contact search, exports her data (the PDF and the JSON name
// her), erases her after the preview and finds her gone from the search. A restricted contact
// shows "Gesperrt (Art. 18 DSGVO)" in the search results and on its card, whose edit actions
// are disabled with the reason.

let browser: Browser;
let server: BrowserApp;
let admin: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

const OFFICER = { roles: ['CRM.DataProtection'], name: 'Dana Datenschutz', userId: 'user-DanaDatenschutz' };

async function client(roles: string[], name: string): Promise<ApiClient> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles, name, userId: `user-${name.replace(/\W/g, '')}` }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return createApiClient({ baseUrl: server.baseUrl, getToken: async () => accessToken, language: () => 'de' });
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  admin = await client(['CRM.Admin'], 'Anton Admin');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // TeamsJS's valid-domain prefetch is refused by the CSP; API answers such as 404 are logged by
  // the browser and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

function watch(page: Page): void {
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
}

/** The tab as a plain page, signed in as `user` (the local issuer's token with its roles). */
async function openTab(user: typeof OFFICER, viewport = { width: 1280, height: 900 }): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'de-DE', acceptDownloads: true });
  const page = await context.newPage();
  await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify(user) }));
  watch(page);
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return page;
}

async function openPrivacy(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Datenschutz', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Datenschutz', exact: true });
  await panel.getByRole('heading', { name: 'Datenschutz', level: 2 }).waitFor();
  return panel;
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled', fullPage: true });

/** A download's bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/**
 * The text a PDF shows, as far as a test needs it: every (Flate-compressed) content stream
 * inflated, and the strings of its text operators — literal (…) and hex <…> — read as WinAnsi.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const body = pdf.subarray(start, end);
    try {
      parts.push(inflateSync(body).toString('latin1'));
    } catch {
      parts.push(body.toString('latin1'));
    }
  }
  const content = parts.join('\n');
  const strings: string[] = [];
  for (const hex of content.matchAll(/<([0-9a-fA-F\s]+)>/g)) {
    strings.push(Buffer.from((hex[1] ?? '').replace(/\s/g, ''), 'hex').toString('latin1'));
  }
  for (const literal of content.matchAll(/\(((?:\\.|[^\\)])*)\)/g)) strings.push(literal[1] ?? '');
  // Text split into kerned pieces ([<4572> 20 <696b61>] TJ) reads as one run.
  return `${strings.join('')}\n${raw}`;
}

/** Berlin's calendar day `daysAgo` days ago as YYYY-MM-DD. */
function isoDay(daysAgo: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(Date.now() - daysAgo * 86_400_000);
}

/** Berlin's calendar day `days` ago as TT.MM.JJJJ. */
function germanDay(daysAgo: number): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(Date.now() - daysAgo * 86_400_000);
}

const person = (firstName: string, lastName: string, extra: Partial<ContactCreate> = {}) =>
  ({ kind: 'person', salutation: 'none', firstName, lastName, ...extra }) as ContactCreate;

describe('Teams tab: Datenschutz', () => {
  it('registers an erasure request, exports the person (PDF, JSON) and erases her after the preview', async () => {
    const erika = await create(
      admin,
      person('Erika', 'Probst', {
        emails: [{ address: 'erika.probst@beispiel.example', primary: true }],
        relationships: ['customer'],
      }),
    );
    // A request answered too late: received 45 days ago, due a month after that.
    await admin.createPrivacyRequest(
      { type: 'access', requester: { name: 'Otto Spät', channel: 'phone' }, receivedOn: isoDay(45) },
      randomUUID(),
    );
    const page = await openTab(OFFICER);
    const panel = await openPrivacy(page);
    const late = panel.getByTestId('privacy-request').filter({ hasText: 'Otto Spät' });
    await late.getByText(/^überfällig seit \d\d\.\d\d\.\d{4}$/).waitFor();
    await panel.getByRole('tab', { name: 'Überfällig (1)' }).waitFor();
    await shoot(page, 'privacy-requests');

    // "Anfrage erfassen": the type with its article, the requester, the day it came in, the
    // person linked through the contact search.
    await panel.getByRole('button', { name: 'Anfrage erfassen' }).click();
    const form = panel.getByRole('form', { name: 'Anfrage erfassen' });
    await form.getByRole('combobox', { name: 'Art der Anfrage' }).selectOption({ label: 'Löschung (Art. 17)' });
    // Nothing typed: the name is required, and said so at the field.
    await form.getByRole('button', { name: 'Anfrage speichern' }).click();
    await form.getByText('Bitte den Namen der anfragenden Person angeben.').waitFor();
    await form.getByRole('textbox', { name: 'Name der anfragenden Person' }).fill('Erika Probst');
    await form.getByRole('textbox', { name: 'E-Mail der anfragenden Person' }).fill('erika.probst@beispiel.example');
    await form.getByRole('combobox', { name: 'Eingangskanal' }).selectOption({ label: 'Brief' });
    await form.getByRole('textbox', { name: 'Eingegangen am' }).fill(germanDay(3));
    const lookup = form.getByRole('combobox', { name: 'Betroffene Kontakte' });
    await lookup.fill('Probst');
    await page.getByRole('option', { name: /Erika Probst/ }).click();
    await form.getByRole('list', { name: 'Verknüpfte Kontakte' }).getByText('Erika Probst').waitFor();
    await form.getByRole('textbox', { name: 'Beschreibung' }).fill('Brief vom Kunden: bitte alle Daten löschen.');
    await shoot(page, 'privacy-request-form');
    await form.getByRole('button', { name: 'Anfrage speichern' }).click();

    // The request opens with its reference and due date; its contact panel offers the actions.
    await panel.getByRole('heading', { name: /^Anfrage DS-\d{4}-\d{4}$/, level: 3 }).waitFor();
    await panel.getByText(/^Anfrage DS-\d{4}-\d{4} erfasst – fällig am \d\d\.\d\d\.\d{4}\.$/).waitFor();
    const contact = panel.getByRole('region', { name: 'Kontakt Erika Probst' });
    await contact.getByRole('button', { name: 'Auskunft exportieren (PDF)' }).waitFor();

    // The access export: the PDF and the JSON both name her.
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      contact.getByRole('button', { name: 'Auskunft exportieren (PDF)' }).click(),
    ]);
    const pdf = await bytesOf(pdfDownload);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdfText(pdf)).toMatch(/Probst/);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      contact.getByRole('button', { name: 'Auskunft exportieren (JSON)' }).click(),
    ]);
    const exported = (await bytesOf(jsonDownload)).toString('utf8');
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    expect(JSON.parse(exported)).toBeTypeOf('object');
    expect(exported).toContain('erika.probst@beispiel.example');
    expect(exported).toContain('Probst');
    await contact.getByText(/heruntergeladen\.$/).waitFor();
    await shoot(page, 'privacy-request-detail');

    // "Löschen" asks first, with what will happen: nothing is under retention, so at once.
    await contact.getByRole('button', { name: 'Löschen', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Erika Probst löschen?' });
    await dialog.getByText(/wird sofort und endgültig gelöscht/).waitFor();
    expect(await dialog.getByRole('radio', { name: 'Löschanfrage nach Art. 17 DSGVO' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Kundenbeziehung beendet, Fristen abgelaufen' }).waitFor();
    await dialog.getByRole('radio', { name: 'Einwilligung widerrufen' }).waitFor();
    await shoot(page, 'privacy-erase-preview');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await panel.getByText('Erika Probst wurde gelöscht.').waitFor();
    expect(await dialog.count()).toBe(0);

    // Gone: the API no longer knows her, the search finds nothing.
    await expect(admin.getContact(erika.id)).rejects.toMatchObject({ status: 404 });
    await page.getByRole('tab', { name: 'Suche', exact: true }).click();
    await page.getByRole('searchbox').fill('Probst');
    await page.getByText('Keine Kontakte zu „Probst“ gefunden.').waitFor();

    // The erasure log keeps the contact number and reason, not the name.
    await page.getByRole('tab', { name: 'Datenschutz', exact: true }).click();
    await panel.getByRole('tab', { name: 'Löschung fällig' }).click();
    const log = panel.getByRole('list', { name: 'Löschprotokoll' });
    await log.getByText(new RegExp(`${erika.contactNumber} · Person · Löschanfrage nach Art. 17 DSGVO`)).waitFor();
    expect(await log.textContent()).not.toContain('Probst');
    await shoot(page, 'privacy-erasures');
  });

  it('shows a restricted contact as "Gesperrt (Art. 18 DSGVO)" in the search and on its card, without edit actions', async () => {
    const rolf = await create(
      admin,
      person('Rolf', 'Sperrling', {
        emails: [{ address: 'rolf.sperrling@beispiel.example', primary: true }],
        relationships: ['customer'],
      }),
    );
    await create(admin, person('Rita', 'Sperrling', { relationships: ['customer'] }));
    await admin.restrictContact(rolf.id, rolf.version, {
      note: 'Bestreitet die Richtigkeit der Daten (Art. 18 Abs. 1 lit. a).',
    });

    // A sales user sees the restriction too (the card is the same everywhere).
    const page = await openTab({ roles: ['CRM.Sales'], name: 'Sven Sales', userId: 'user-SvenSales' });
    await page.getByRole('tab', { name: 'Suche', exact: true }).click();
    await page.getByRole('searchbox').fill('Sperrling');
    const results = page.getByRole('list', { name: 'Suchergebnisse' });
    const rolfHit = results.getByRole('listitem').filter({ hasText: 'Rolf Sperrling' });
    const ritaHit = results.getByRole('listitem').filter({ hasText: 'Rita Sperrling' });
    await rolfHit.getByText('Gesperrt (Art. 18 DSGVO)').waitFor();
    await ritaHit.waitFor();
    expect(await ritaHit.getByText('Gesperrt (Art. 18 DSGVO)').count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Datenschutz', exact: true }).count()).toBe(0);

    await rolfHit.getByRole('button', { name: 'Rolf Sperrling' }).click();
    const card = page.getByTestId('contact-card');
    await card.getByText('Gesperrt (Art. 18 DSGVO)').first().waitFor();
    await card.getByText(/Die Verarbeitung ist eingeschränkt/).waitFor();
    const edit = page.getByRole('button', { name: 'Bearbeiten', exact: true });
    expect(await edit.isDisabled()).toBe(true);
    expect(await edit.getAttribute('aria-describedby')).toBe('restricted-actions-hint');
    await page
      .getByText('Bearbeiten ist gesperrt, solange die Verarbeitung eingeschränkt ist (Art. 18 DSGVO).')
      .waitFor();
    await shoot(page, 'privacy-restricted-card');
  });

  it('sets a legal hold that blocks the erasure, restricts and lifts, and creates a double opt-in link', async () => {
    const hanna = await create(
      admin,
      person('Hanna', 'Halter', {
        emails: [{ address: 'hanna.halter@beispiel.example', primary: true }],
        relationships: ['customer'],
      }),
    );
    const request = await admin.createPrivacyRequest(
      { type: 'restriction', requester: { name: 'Hanna Halter', channel: 'email' }, contactIds: [hanna.id] },
      randomUUID(),
    );
    const page = await openTab(OFFICER);
    const panel = await openPrivacy(page);
    await panel.getByRole('button', { name: `Anfrage ${request.reference} öffnen` }).click();
    const contact = panel.getByRole('region', { name: 'Kontakt Hanna Halter' });

    // A legal hold: the erasure preview says it is blocked, and there is nothing to confirm.
    await contact.getByRole('button', { name: 'Aufbewahrungssperre setzen' }).click();
    const hold = contact.getByRole('form', { name: 'Aufbewahrungssperre setzen' });
    await hold.getByRole('button', { name: 'Sperre setzen' }).click();
    await hold.getByText('Bitte ausfüllen.').waitFor();
    await hold.getByRole('textbox', { name: 'Grund der Aufbewahrungssperre' }).fill('Rechtsstreit Az. 3 O 123/26');
    await hold.getByRole('button', { name: 'Sperre setzen' }).click();
    await contact.getByText('Aufbewahrungssperre gesetzt.').waitFor();
    await contact.getByRole('button', { name: 'Löschen', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Hanna Halter löschen?' });
    await dialog.getByText(/Eine Aufbewahrungssperre verhindert die Löschung: Rechtsstreit Az\. 3 O 123\/26/).waitFor();
    expect(await dialog.getByRole('button', { name: /löschen|vormerken/i }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();

    // Art. 18: restricted (the badge), then lifted again.
    await contact.getByRole('button', { name: 'Verarbeitung einschränken' }).click();
    await contact
      .getByRole('form', { name: 'Verarbeitung einschränken' })
      .getByRole('button', { name: 'Einschränken' })
      .click();
    await contact.getByText('Verarbeitung eingeschränkt.').waitFor();
    await contact.getByTestId('restricted-badge').waitFor();
    expect((await admin.getContact(hanna.id)).restriction?.requestId).toBe(request.id);
    await contact.getByRole('button', { name: 'Einschränkung aufheben' }).click();
    await contact.getByText('Einschränkung aufgehoben.').waitFor();
    expect(await contact.getByTestId('restricted-badge').count()).toBe(0);

    // A double opt-in link to put into a mail.
    await contact.getByRole('button', { name: 'Double-Opt-in-Link erzeugen' }).click();
    const doi = contact.getByRole('form', { name: 'Double-Opt-in-Link erzeugen' });
    await doi.getByRole('textbox', { name: /^Anlass/ }).fill('Newsletter-Anmeldung Website');
    await doi.getByRole('button', { name: 'Link erzeugen' }).click();
    const link = contact.getByRole('textbox', { name: /^Bestätigungslink \(gültig bis/ });
    expect(await link.inputValue()).toMatch(/\/public\/doi\//);
    await shoot(page, 'privacy-contact-actions');

    // The deadline extended once (Art. 12(3)), then the request closed: the outcome is required.
    await panel.getByRole('button', { name: 'Frist verlängern' }).click();
    const extension = panel.getByRole('form', { name: 'Frist verlängern' });
    await extension.getByRole('radio', { name: 'um 2 Monate' }).check();
    await extension.getByRole('textbox', { name: /^Begründung/ }).fill('Umfangreiche Prüfung der Unterlagen nötig.');
    await extension.getByRole('button', { name: 'Verlängerung speichern' }).click();
    await panel.getByText(/verlängert um 2 Monat\(e\): Umfangreiche Prüfung der Unterlagen nötig\./).waitFor();
    expect(await panel.getByRole('button', { name: 'Frist verlängern' }).count()).toBe(0);
    await panel.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Erledigt' });
    await panel.getByRole('button', { name: 'Status speichern' }).click();
    await panel.getByText('Zum Abschließen bitte das Ergebnis angeben.').waitFor();
    await panel
      .getByRole('textbox', { name: /^Ergebnis/ })
      .fill('Einschränkung geprüft und aufgehoben; Person informiert.');
    await panel.getByRole('button', { name: 'Status speichern' }).click();
    await panel.getByRole('status').getByText('Anfrage gespeichert.').waitFor();
    expect((await admin.getPrivacyRequest(request.id)).status).toBe('done');
  });

  it('restricts instead of erasing while a business letter must be kept (HGB §257), and lists it as scheduled', async () => {
    const bernd = await create(admin, person('Bernd', 'Briefmann', { relationships: ['customer'] }));
    await admin.createActivity(
      { type: 'letter', subject: 'Auftragsbestätigung', contactIds: [bernd.id] },
      randomUUID(),
    );
    const request = await admin.createPrivacyRequest(
      { type: 'erasure', requester: { name: 'Bernd Briefmann', channel: 'letter' }, contactIds: [bernd.id] },
      randomUUID(),
    );
    const year = Number(isoDay(0).slice(0, 4));
    const page = await openTab(OFFICER);
    const panel = await openPrivacy(page);
    await panel.getByRole('button', { name: `Anfrage ${request.reference} öffnen` }).click();
    const contact = panel.getByRole('region', { name: 'Kontakt Bernd Briefmann' });
    await contact.getByRole('button', { name: 'Löschen', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Bernd Briefmann löschen?' });
    await dialog.getByText(`Der Kontakt wird bis 01.01.${year + 7} gesperrt`, { exact: false }).waitFor();
    await dialog
      .getByText(
        new RegExp(
          `^Aktivität \\(Geschäftsbrief\\) vom \\d\\d\\.\\d\\d\\.${year} – aufzubewahren bis 31\\.12\\.${year + 6}$`,
        ),
      )
      .waitFor();
    await shoot(page, 'privacy-erase-retention');
    await dialog.getByRole('button', { name: 'Sperren und Löschung vormerken' }).click();
    await contact.getByText(`Bernd Briefmann ist gesperrt; die Löschung erfolgt am 01.01.${year + 7}.`).waitFor();
    await contact.getByTestId('restricted-badge').waitFor();
    // A retention restriction cannot be lifted.
    expect(await contact.getByRole('button', { name: 'Einschränkung aufheben' }).count()).toBe(0);

    await panel.getByRole('tab', { name: 'Löschung fällig' }).click();
    const scheduled = panel.getByRole('list', { name: 'Vorgemerkt' });
    await scheduled.getByText(`Löschung am 01.01.${year + 7} · Löschanfrage nach Art. 17 DSGVO`).waitFor();
    await scheduled.getByRole('button', { name: 'Datenschutz-Details zu Bernd Briefmann' }).waitFor();
  });

  it('shows the Datenschutz view in Teams\u2019 dark theme and in a narrow side panel', async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'de-DE' });
    await context.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify(OFFICER) }));
    const tab = await openTeamsTab(context, server.baseUrl, { theme: 'dark', locale: 'de-DE' });
    watch(tab.page);
    const frame = tab.frame();
    await frame.getByRole('tab', { name: 'Datenschutz', exact: true }).click();
    const panel = frame.getByRole('tabpanel', { name: 'Datenschutz', exact: true });
    await panel.getByRole('button', { name: 'Anfrage erfassen' }).waitFor();
    await tab.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'privacy-dark-narrow.png'), animations: 'disabled' });
    await panel.getByRole('tab', { name: 'Einstellungen' }).click();
    await panel.getByRole('button', { name: 'Verzeichnis der Verarbeitungstätigkeiten (PDF)' }).waitFor();
    await panel.getByRole('textbox', { name: /Handels- und Geschäftsbriefe \(HGB §257/ }).waitFor();
    await tab.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'privacy-settings-dark-narrow.png'),
      animations: 'disabled',
    });
    // Saved with If-Match on the version shown; a number out of bounds is refused at its field first.
    const months = panel.getByRole('textbox', { name: 'Einwilligungen prüfen nach (Monate)' });
    await months.fill('0');
    await panel.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await panel.getByText('Bitte eine ganze Zahl von 1 bis 60 angeben.').waitFor();
    await months.fill('24');
    await panel.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await panel.getByRole('status').getByText('Einstellungen gespeichert.').waitFor();
    expect((await admin.privacySettings()).consentReviewMonths).toBe(24);
    // High contrast: Fluent's tokens only, so the same view follows Teams' contrast theme.
    await tab.setTheme('contrast');
    await tab.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'privacy-settings-contrast-narrow.png'),
      animations: 'disabled',
    });
  });
});
