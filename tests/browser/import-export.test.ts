import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create } from './support/seed';

// The Teams tab's Import/Export against the real API serving the built tab: the admin uploads a
// German Outlook contact export (Windows-1252, semicolons) holding a contact KlarKonform already
// has, a row with a broken e-mail address and a row repeated in the file; sees the preset and the
// character set recognised, changes one mapping, sees the preview with the problem row and the
// duplicate verdicts, chooses to merge the duplicate, runs the import, watches its progress,
// reads the counts and downloads the report; exports the contacts as CSV for German Excel. A
// larger import is found again after a reload and cancelled with a confirmation.

let browser: Browser;
let server: BrowserApp;
let admin: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

async function client(roles: string[], name: string): Promise<ApiClient> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles, name, userId: `user-${name.replace(/\W/g, '')}` }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const api = createApiClient({ baseUrl: server.baseUrl, getToken: async () => accessToken, language: () => 'de' });
  await api.me();
  return api;
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
  // TeamsJS's valid-domain prefetch is refused by the CSP (it falls back to its list); API
  // answers such as 400 are logged by the browser and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** The tab signed in as an admin (the tab's own sign-in, as Anton Admin), on Import/Export. */
async function openImportExport(): Promise<{ page: Page; panel: Locator }> {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.route('**/local-issuer/token', (route) =>
    route.continue({
      postData: JSON.stringify({ roles: ['CRM.Admin'], name: 'Anton Admin', userId: 'user-AntonAdmin' }),
    }),
  );
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return { page, panel: await showSection(page) };
}

async function showSection(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Import/Export', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Import/Export', exact: true });
  await panel.getByRole('heading', { name: 'Import/Export', level: 2 }).waitFor();
  return panel;
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled', fullPage: true });

/** A download's bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

// Outlook's contact export in German ("Datei › Öffnen und exportieren › Importieren/Exportieren ›
// In Datei exportieren › Kommagetrennte Werte"): German headers, the list separator of a German
// Windows (;), Windows-1252. Plus "Kundennummer", a column of the user's own that no preset knows.
const OUTLOOK_HEADER = [
  'Anrede',
  'Vorname',
  'Weitere Vornamen',
  'Nachname',
  'Firma',
  'Abteilung',
  'Position',
  'Straße geschäftlich',
  'Ort geschäftlich',
  'Postleitzahl geschäftlich',
  'Telefon geschäftlich',
  'Mobiltelefon',
  'E-Mail-Adresse',
  'Kategorien',
  'Kundennummer',
];

function outlookCsv(rows: string[][]): Buffer {
  const line = (cells: string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(';');
  const text = [line(OUTLOOK_HEADER), ...rows.map(line)].join('\r\n');
  // Windows-1252 and Latin-1 agree on the letters used here (ä, ö, ü, ß).
  return Buffer.from(`${text}\r\n`, 'latin1');
}

describe('Teams tab: Import/Export', () => {
  it('imports a German Outlook export with a duplicate, a problem row and a repeat, and exports CSV', async () => {
    const tag = randomUUID().slice(0, 6);
    const existing = await create(admin, {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Max',
      lastName: 'Importmann',
      emails: [{ address: `max.importmann.${tag}@muster.example`, primary: true }],
      relationships: ['customer'],
    });
    const file = outlookCsv([
      // Row 2: the contact KlarKonform has (same e-mail): a duplicate in KlarKonform.
      [
        'Herr',
        'Max',
        '',
        'Importmann',
        'Muster GmbH',
        'Einkauf',
        'Einkaufsleiter',
        'Hauptstraße 1',
        'Köln',
        '50667',
        '0221 123456',
        '',
        `max.importmann.${tag}@muster.example`,
        'Messe',
        'K-1001',
      ],
      // Row 3: new.
      [
        'Frau',
        'Jördis',
        '',
        'Weißgerber',
        'Beispiel AG',
        '',
        'Geschäftsführerin',
        '',
        'München',
        '80331',
        '089 987654',
        '0171 2345678',
        `joerdis.weissgerber.${tag}@beispiel.example`,
        'Messe',
        'K-1002',
      ],
      // Row 4: a broken e-mail address: a problem row.
      ['Herr', 'Jonas', '', 'Kaputtmann', '', '', '', '', '', '', '', '', 'jonas.kaputtmann@@beispiel', '', 'K-1003'],
      // Row 5: row 3 again: a duplicate within the file.
      [
        'Frau',
        'Jördis',
        '',
        'Weißgerber',
        'Beispiel AG',
        '',
        'Geschäftsführerin',
        '',
        'München',
        '80331',
        '089 987654',
        '',
        `joerdis.weissgerber.${tag}@beispiel.example`,
        '',
        'K-1004',
      ],
    ]);

    const { page, panel } = await openImportExport();
    await panel.getByRole('heading', { name: 'Schritt 1 von 5: Datei' }).waitFor();

    // Errors at the field they concern: a wrong type before anything is sent, a header without rows from the API.
    const input = panel.getByRole('button', { name: 'Datei', exact: true });
    await input.setInputFiles({ name: 'kontakte.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    await panel.getByText(/Das alte Excel-Format \(\.xls\) wird nicht unterstützt/).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.setInputFiles({ name: 'leer.csv', mimeType: 'text/csv', buffer: outlookCsv([]) });
    await panel.getByRole('button', { name: 'Hochladen und prüfen' }).click();
    await panel.getByText('Die Datei hat eine Kopfzeile, aber keine Datenzeilen.').waitFor();

    await input.setInputFiles({ name: 'Outlook-Kontakte.csv', mimeType: 'text/csv', buffer: file });
    await panel.getByRole('button', { name: 'Hochladen und prüfen' }).click();

    // Zuordnung: the preset and the character set recognised, the columns mapped.
    await panel.getByRole('heading', { name: 'Schritt 2 von 5: Zuordnung' }).waitFor();
    await panel.getByText('Erkannt: Outlook-Export (deutsch)').waitFor();
    const encoding = panel.getByRole('combobox', { name: 'Zeichensatz' });
    expect(await encoding.locator('option:checked').textContent()).toBe('Windows-1252 (Westeuropäisch) (erkannt)');
    const delimiter = panel.getByRole('combobox', { name: 'Trennzeichen' });
    expect(await delimiter.locator('option:checked').textContent()).toBe('Semikolon (;) (erkannt)');
    // Each select is named by its column's header; Windows-1252 was read right ("Straße").
    const selectOf = (header: string) => panel.getByRole('combobox', { name: header, exact: true });
    expect(await selectOf('Nachname').inputValue()).toBe('lastName');
    expect(await selectOf('E-Mail-Adresse').inputValue()).toBe('email');
    expect(await selectOf('Straße geschäftlich').inputValue()).toBe('street');
    expect(await selectOf('Kundennummer').inputValue()).toBe('ignore');
    // One mapping changed: the customer number goes into "Besonderheiten".
    await selectOf('Kundennummer').selectOption('notes');
    // A field taken twice is refused at both selects.
    await selectOf('Abteilung').selectOption('position');
    await panel.getByText('„Position“ ist mehreren Spalten zugeordnet; jedes Feld nur einer.').first().waitFor();
    expect(await selectOf('Position').getAttribute('aria-invalid')).toBe('true');
    await selectOf('Abteilung').selectOption('department');
    expect(await selectOf('Position').getAttribute('aria-invalid')).toBeNull();
    // A value for all rows: the tag "Import-Test".
    await panel.getByRole('textbox', { name: 'Schlagwörter' }).fill(`Import ${tag}`);
    await shoot(page, 'teams-import-mapping');
    await panel.getByRole('button', { name: 'Weiter zur Vorschau' }).click();

    // Vorschau & Prüfung: rows as they will be stored, the problem row, the verdicts.
    await panel.getByRole('heading', { name: 'Schritt 3 von 5: Vorschau & Prüfung' }).waitFor();
    const table = panel.getByRole('table', { name: 'Vorschau der Zeilen' });
    const row = (n: number) => table.locator(`tr[data-row="${n}"]`);
    await row(2).getByText('Dublette in KlarKonform').waitFor();
    await row(2)
      .getByText(new RegExp(`wie Max Importmann \\(${existing.contactNumber}\\)`))
      .waitFor();
    await row(3).getByText('Neu', { exact: true }).waitFor();
    await row(3).getByText('Jördis Weißgerber').waitFor();
    await row(4)
      .getByText(/jonas\.kaputtmann@@beispiel.*Keine gültige E-Mail-Adresse/)
      .waitFor();
    await row(5).getByText('Dublette in der Datei').waitFor();
    await row(5).getByText('wie Zeile 3').waitFor();
    // Per verdict: file duplicates are skipped; the duplicate of Max is merged (its own choice).
    const fileDuplicates = panel.getByRole('radiogroup', { name: /Dublette einer früheren Zeile/ });
    await fileDuplicates.getByRole('radio', { name: 'Überspringen' }).check();
    const maxAction = panel.getByRole('radiogroup', { name: 'Aktion für Zeile 2' });
    await maxAction.getByRole('radio', { name: 'Zusammenführen' }).check();
    await expect.poll(() => maxAction.getByRole('radio', { name: 'Zusammenführen' }).isChecked()).toBe(true);
    // "Import starten" waits until the choices are stored.
    const start = panel.getByRole('button', { name: /^Import starten/ });
    await expect.poll(() => start.isEnabled()).toBe(true);
    await shoot(page, 'teams-import-preview');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    // Import: started, its progress shown while it runs.
    await start.click();
    // The run step shows the job's progress (asked for again every second) until it ends.
    await panel.getByRole('heading', { name: 'Schritt 4 von 5: Import' }).waitFor();
    await panel.getByRole('progressbar', { name: 'Fortschritt des Imports' }).waitFor();
    await panel.getByText(/^(\d von 4 Zeilen|Wartet)$/).waitFor();
    await panel.getByRole('heading', { name: 'Schritt 5 von 5: Ergebnis' }).waitFor({ timeout: 30_000 });
    await panel.getByText('Import abgeschlossen').waitFor();
    const counts = panel.getByRole('definition');
    expect(await panel.locator('[data-outcome="created"] dd').textContent()).toBe('1');
    expect(await panel.locator('[data-outcome="merged"] dd').textContent()).toBe('1');
    expect(await panel.locator('[data-outcome="skipped"] dd').textContent()).toBe('1');
    expect(await panel.locator('[data-outcome="failed"] dd').textContent()).toBe('1');
    expect(await counts.count()).toBe(4);
    await shoot(page, 'teams-import-result');

    // The report per row, as CSV for German Excel.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Bericht herunterladen (CSV)' }).click(),
    ]);
    const reportText = (await bytesOf(report)).toString('utf8');
    expect(reportText.charCodeAt(0)).toBe(0xfeff);
    const reportLines = reportText.slice(1).split(/\r?\n/);
    // The outcome columns first, then the row's own columns as in the file.
    expect(reportLines[0]).toMatch(/^Zeile;Ergebnis;Kontaktnummer;.*;Anrede;Vorname;Weitere Vornamen;Nachname;/);
    expect(reportLines.find((line) => line.startsWith('4;'))).toMatch(/Fehlgeschlagen.*Keine gültige E-Mail-Adresse/);
    expect(reportLines.find((line) => line.startsWith('2;'))).toMatch(
      new RegExp(`Zusammengeführt;${existing.contactNumber}`),
    );

    // The merged contact got the empty fields filled, the new one was created with the tag.
    const merged = await admin.getContact(existing.id);
    expect(merged.tags).toContain(`Import ${tag}`);
    const found = await admin.listContacts({ q: 'Weißgerber' });
    expect(found.items.map((item) => item.displayName)).toEqual(['Jördis Weißgerber']);

    // Export: everything as CSV for German Excel (BOM, semicolons, German headers).
    await panel.getByRole('tab', { name: 'Export', exact: true }).click();
    await panel.getByRole('radio', { name: /^CSV für Excel/ }).check();
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Exportieren' }).click(),
    ]);
    const csv = (await bytesOf(exported)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.slice(1).split(/\r?\n/)[0] ?? '';
    expect(header.split(';').length).toBeGreaterThan(5);
    expect(header).toMatch(/Kontaktnummer/);
    expect(csv).toMatch(/Jördis;Weißgerber|Weißgerber/);
    await panel.getByText(/Kontakte exportiert: .*\.csv/).waitFor();

    // The search section exports its result, and the open contact as a vCard (3.0, for Outlook).
    await page.getByRole('tab', { name: 'Suche', exact: true }).click();
    const search = page.getByRole('tabpanel', { name: 'Suche', exact: true });
    await search.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Weißgerber');
    await search
      .getByRole('list', { name: 'Suchergebnisse' })
      .getByRole('button', { name: 'Jördis Weißgerber' })
      .click();
    await search.getByRole('button', { name: 'Exportieren' }).click();
    const [card] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Jördis Weißgerber als vCard' }).click(),
    ]);
    expect(card.suggestedFilename()).toMatch(/\.vcf$/);
    const vcard = (await bytesOf(card)).toString('utf8');
    expect(vcard).toMatch(/^BEGIN:VCARD\r?\nVERSION:3\.0/);
    expect(vcard).toMatch(/FN[^:]*:Jördis Weißgerber/);
    expect(vcard.match(/BEGIN:VCARD/g)).toHaveLength(1);
  });

  it('finds a running import again after a reload and cancels it after asking', async () => {
    const tag = randomUUID().slice(0, 6);
    // Enough rows that the run is still going while the tab is reloaded and asked to cancel (the
    // embedded engine imports some 30 rows a second here: 10,000 rows are minutes of work).
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      'Frau',
      'Lauf',
      '',
      `Langzeit${i}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `lauf.${i}.${tag}@beispiel.example`,
      '',
      '',
    ]);
    const imp = await admin.uploadImport(new Uint8Array(outlookCsv(rows)), 'Viele Kontakte.csv');
    await admin.runImport(imp.id, false);

    const { page, panel } = await openImportExport();
    // The running import opens by itself, at its progress.
    await panel.getByRole('heading', { name: 'Schritt 4 von 5: Import' }).waitFor();
    const progress = panel.getByRole('progressbar', { name: 'Fortschritt des Imports' });
    await progress.waitFor();
    await panel.getByText(/von 10\.000 Zeilen|Wartet/).waitFor();

    // A reload of the tab finds it again.
    await page.reload();
    const again = await showSection(page);
    await again.getByRole('heading', { name: 'Schritt 4 von 5: Import' }).waitFor();
    await again.getByRole('progressbar', { name: 'Fortschritt des Imports' }).waitFor();

    // Cancel asks first; "Weiter importieren" keeps it running.
    await again.getByRole('button', { name: 'Abbrechen …' }).click();
    let dialog = page.getByRole('alertdialog', { name: 'Import abbrechen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Weiter importieren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await admin.getImport(imp.id)).run?.cancelRequested).toBe(false);
    await again.getByRole('button', { name: 'Abbrechen …' }).click();
    dialog = page.getByRole('alertdialog', { name: 'Import abbrechen?' });
    await dialog.getByRole('button', { name: 'Import abbrechen' }).click();

    await again.getByRole('heading', { name: 'Schritt 5 von 5: Ergebnis' }).waitFor({ timeout: 30_000 });
    await again.getByText('Import abgebrochen').waitFor();
    const stopped = await admin.getImport(imp.id);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.run?.done).toBeLessThan(10_000);
    await again.getByRole('button', { name: 'Import fortsetzen' }).waitFor();
  });
});
