import { randomUUID } from 'node:crypto';
import type { Browser, FrameLocator, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import type { Contact } from '../../shared/src/contacts/contact.schema';
import {
  axeViolationsBesidesFocusGuards,
  type DemoPage,
  launchChromium,
  narrowPane,
  openDemo,
  paneOverflow,
} from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient, seedMusterGmbH } from './support/seed';

// The compose pane (issue 14) with a stub compose item: the demo page's "Neue E-Mail" plays the
// message being written (To/Cc editable, body, subject and session data shown), the real pane
// beside it talks to the real API. Inserting a template fills every placeholder; the recipients'
// consent badges follow added and removed recipients; the session data the send check reads.

let browser: Browser;
let server: BrowserApp;
let demo: DemoPage;
let api: ApiClient;
let eva: Contact;
let templates: { offer: string; fair: string };

const EVA = 'eva.beispiel@beispiel-ag.de';
const OLAF = 'olaf.ohne@beispiel-ag.de';
const ALL_PLACEHOLDERS =
  '<p>{{briefanrede}}</p><p>{{anrede}}|{{titel}}|{{vorname}}|{{nachname}}|{{firma}}|{{position}}|{{abteilung}}|{{betreuer}}|{{kontaktnummer}}</p>';

async function adminToken(): Promise<string> {
  const token = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles: ['CRM.Admin'] }),
  });
  return ((await token.json()) as { accessToken: string }).accessToken;
}

/** Deletes template `id` as an admin would in the Teams tab (its current version as If-Match). */
async function deleteTemplate(id: string): Promise<void> {
  const accessToken = await adminToken();
  const current = await fetch(`${server.baseUrl}/api/v1/templates/${id}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const res = await fetch(`${server.baseUrl}/api/v1/templates/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}`, 'if-match': current.headers.get('etag') ?? '' },
  });
  if (res.status !== 204) throw new Error(`delete template: HTTP ${res.status} ${await res.text()}`);
}

async function createTemplate(body: Record<string, string>): Promise<string> {
  const accessToken = await adminToken();
  const res = await fetch(`${server.baseUrl}/api/v1/templates`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ language: 'de', ...body }),
  });
  if (res.status !== 201) throw new Error(`template: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startBrowserApp();
  api = await demoUserClient(server.baseUrl);
  await seedMusterGmbH(api);
  const firm = await create(api, {
    kind: 'company',
    name: 'Beispiel AG',
    emails: [{ address: 'info@beispiel-ag.de', primary: true }],
    relationships: ['customer'],
  });
  eva = await create(
    api,
    {
      kind: 'person',
      salutation: 'Frau',
      title: 'Dr.',
      firstName: 'Eva',
      lastName: 'Beispiel',
      position: 'Einkaufsleiterin',
      department: 'Einkauf',
      emails: [{ address: EVA, primary: true }],
      companyId: firm.id,
      relationships: ['customer'],
    },
    [{ channel: 'email', type: 'optIn', source: 'Webformular' }],
  );
  await create(
    api,
    {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Olaf',
      lastName: 'Ohne',
      emails: [{ address: OLAF, primary: true }],
      companyId: firm.id,
      relationships: ['customer'],
    },
    [{ channel: 'email', type: 'optOut', source: 'Anruf' }],
  );
  templates = {
    offer: await createTemplate({
      name: 'Angebot nachfassen',
      subject: 'Ihr Angebot, {{anrede}} {{nachname}}',
      bodyHtml: ALL_PLACEHOLDERS,
      purpose: 'transactional',
    }),
    fair: await createTemplate({
      name: 'Einladung Hausmesse',
      subject: 'Einladung zur Hausmesse',
      bodyHtml: '<p>{{briefanrede}}</p><p>wir laden Sie ein.</p>',
      purpose: 'marketing',
    }),
  };
  demo = await openDemo(browser, server.baseUrl);
  await demo.page.getByRole('button', { name: 'Neue E-Mail' }).click();
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

const composePane = (): FrameLocator => demo.pane;
const recipient = (email: string): Locator => composePane().locator(`[data-testid="recipient"][data-email="${email}"]`);
const badgeOf = (email: string) => recipient(email).getByTestId('consent-badge');

async function addRecipient(field: 'to' | 'cc', text: string): Promise<void> {
  const section = demo.page.getByTestId(`compose-${field}`);
  await section.getByRole('textbox').fill(text);
  await section.getByRole('button', { name: /^(Hinzufügen|Add)$/ }).click();
}

async function session(): Promise<Record<string, string>> {
  return JSON.parse((await demo.page.getByTestId('compose-session').textContent()) ?? '{}');
}

async function insert(template: string, forContact?: string): Promise<string> {
  const pane = composePane();
  await pane.getByLabel('Vorlage', { exact: true }).selectOption({ label: template });
  if (forContact) await pane.getByLabel('Ausfüllen für').selectOption({ label: forContact });
  await pane.getByRole('button', { name: 'Einfügen' }).click();
  const outcome = pane.getByTestId('template-outcome');
  await outcome.getByText(/eingefügt/).waitFor();
  return (await outcome.textContent()) ?? '';
}

describe('Vorlage einfügen', () => {
  it('fills every placeholder for Frau Dr. Beispiel, and greets a person without salutation formally', async () => {
    await addRecipient('to', `Eva Beispiel <${EVA}>`);
    await addRecipient('cc', 'Lisa Müller <lisa.mueller@muster.de>');
    await badgeOf(EVA).waitFor();
    await badgeOf('lisa.mueller@muster.de').waitFor();

    const first = await insert('Angebot nachfassen', `Dr. Eva Beispiel (${EVA})`);
    expect(first).toContain('Vorlage „Angebot nachfassen“ für Dr. Eva Beispiel eingefügt.');
    expect(first).toContain('Betreff gesetzt.');
    const body = demo.page.getByTestId('compose-body');
    const evaText = (await body.textContent()) ?? '';
    expect(evaText).toContain('Sehr geehrte Frau Dr. Beispiel,');
    expect(evaText).toContain(
      `Frau|Dr.|Eva|Beispiel|Beispiel AG|Einkaufsleiterin|Einkauf|Sabine Vertrieb|${eva.contactNumber}`,
    );
    expect(evaText).not.toContain('{{');
    expect(await demo.page.getByTestId('compose-subject').inputValue()).toBe('Ihr Angebot, Frau Beispiel');

    // Lisa Müller has no salutation, title, department or owner on record.
    const second = await insert('Angebot nachfassen', 'Lisa Müller (lisa.mueller@muster.de)');
    expect(second).not.toContain('Betreff gesetzt.');
    expect(second).toMatch(/Ohne Wert geblieben: .*\{\{titel\}\}/);
    const both = (await body.textContent()) ?? '';
    expect(both).toContain('Sehr geehrte Damen und Herren,');
    expect(both).toContain('|Lisa|Müller|Muster GmbH|Leiterin Buchhaltung|');
    expect(both).not.toContain('{{');
    // The subject stays what the first insert set.
    expect(await demo.page.getByTestId('compose-subject').inputValue()).toBe('Ihr Angebot, Frau Beispiel');

    const data = await session();
    expect(data).toMatchObject({
      'kk.purpose': 'transactional',
      'kk.templateId': templates.offer,
      'kk.templateName': 'Angebot nachfassen',
      'kk.templatePurpose': 'transactional',
      'kk.logOnSend': '1',
    });
    expect(data['kk.composeKey']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('defaults to the first known To recipient', async () => {
    await insert('Angebot nachfassen');
    expect(await demo.page.getByTestId('compose-body').textContent()).toContain('Sehr geehrter Herr Mustermann,');
  });
});

describe('the purpose of the mail', () => {
  it('stays marketing when a business template follows a marketing one; lowering it needs a confirmation', async () => {
    await insert('Einladung Hausmesse (Marketing)');
    await insert('Angebot nachfassen');
    expect(await session()).toMatchObject({ 'kk.purpose': 'marketing', 'kk.templateId': templates.offer });
    const pane = composePane();
    const shown = pane.getByTestId('mail-purpose');
    await shown.getByText('Zweck dieser E-Mail: Marketing – wird beim Senden geprüft').waitFor();

    // Lowering is the user's explicit choice: nothing changes until they confirm there is no advertising.
    await pane.getByLabel('Zweck ändern').selectOption({ label: 'Geschäftlich (Angebot, Rechnung, Termin)' });
    const confirm = pane.getByTestId('purpose-confirm');
    await confirm.getByText(/Enthält diese E-Mail keine Werbung mehr\?/).waitFor();
    expect((await session())['kk.purpose']).toBe('marketing');
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await pane.getByLabel('Zweck ändern').inputValue()).toBe('marketing');

    await pane.getByLabel('Zweck ändern').selectOption({ label: 'Geschäftlich (Angebot, Rechnung, Termin)' });
    await confirm.getByRole('button', { name: 'Ja, keine Werbung mehr' }).click();
    await expect.poll(async () => (await session())['kk.purpose']).toBe('transactional');
    await shown.getByText(/^Zweck dieser E-Mail: Geschäftlich/).waitFor();

    // Raising needs no confirmation.
    await pane.getByLabel('Zweck ändern').selectOption({ label: 'Marketing' });
    await expect.poll(async () => (await session())['kk.purpose']).toBe('marketing');
  });
});

describe('the template picker', () => {
  it('warns on selecting a marketing template, reloads on opening, names whom a personal template is for', async () => {
    await addRecipient('cc', 'lisa.mueller@muster.de');
    await badgeOf('lisa.mueller@muster.de').getByText('Keine Einwilligung').waitFor();
    const pane = composePane();
    const picker = pane.getByLabel('Vorlage', { exact: true });

    // Selected, not yet inserted: the warning comes before the mail changes.
    await picker.selectOption({ label: 'Einladung Hausmesse (Marketing)' });
    const selected = pane.getByTestId('marketing-selected');
    await selected.getByText(/Keine Einwilligung für Lisa Müller/).waitFor();
    expect(await session()).not.toHaveProperty('kk.purpose');
    await picker.selectOption({ label: 'Angebot nachfassen' });
    await selected.waitFor({ state: 'detached' });

    // A template created in Teams meanwhile shows once the picker is opened again.
    await createTemplate({
      name: 'Terminbestätigung',
      subject: 'Ihr Termin',
      bodyHtml: '<p>Guten Tag,</p><p>wir bestätigen den Termin.</p>',
      purpose: 'transactional',
    });
    await pane.getByRole('button', { name: 'Einfügen' }).focus();
    await picker.focus();
    await expect.poll(() => picker.locator('option', { hasText: 'Terminbestätigung' }).count()).toBe(1);

    // "Angebot nachfassen" greets one person: with two recipients the pane says for whom.
    const text = await insert('Angebot nachfassen');
    expect(text).toContain('Persönlich ausgefüllt nur für Max Mustermann');
    // A template without a personal greeting says nothing of the kind.
    expect(await insert('Terminbestätigung')).not.toContain('Persönlich ausgefüllt');
  });

  it('a template deleted meanwhile: says so and reloads the list', async () => {
    const pane = composePane();
    const picker = pane.getByLabel('Vorlage', { exact: true });
    await picker.selectOption({ label: 'Angebot nachfassen' });
    await deleteTemplate(templates.offer);
    await pane.getByRole('button', { name: 'Einfügen' }).click();
    await pane
      .getByTestId('template-outcome')
      .getByText('Diese Vorlage gibt es nicht mehr – Liste neu geladen.')
      .waitFor();
    await expect.poll(() => picker.locator('option', { hasText: 'Angebot nachfassen' }).count()).toBe(0);
    expect(await picker.inputValue()).toBe('');
  });
});

describe('the recipients', () => {
  it('badges follow added and removed recipients; a marketing template names who lacks consent', async () => {
    await badgeOf('max.mustermann@muster.de').getByText('Einwilligung', { exact: true }).waitFor();
    await addRecipient('cc', 'lisa.mueller@muster.de');
    await badgeOf('lisa.mueller@muster.de').getByText('Keine Einwilligung').waitFor();
    await addRecipient('to', 'Wer Auchimmer <wer@unbekannt-firma.de>');
    await badgeOf('wer@unbekannt-firma.de').getByText('Unbekannt – keine Einwilligung').waitFor();
    await addRecipient('cc', `Olaf Ohne <${OLAF}>`);
    await badgeOf(OLAF).getByText('Widerspruch').waitFor();
    await expect.poll(() => composePane().getByTestId('recipient').count()).toBe(4);
    expect(await recipient(OLAF).textContent()).toContain('Beispiel AG');

    await demo.page.getByRole('button', { name: 'Entfernen: max.mustermann@muster.de' }).click();
    await recipient('max.mustermann@muster.de').waitFor({ state: 'detached' });
    await expect.poll(() => composePane().getByTestId('recipient').count()).toBe(3);

    await insert('Einladung Hausmesse (Marketing)', 'Lisa Müller (lisa.mueller@muster.de)');
    const held = composePane().getByTestId('marketing-held');
    await held.waitFor();
    expect(await held.textContent()).toBe(
      'Marketing-Vorlage: Die Versandprüfung wird diese E-Mail anhalten, weil keine Einwilligung vorliegt für: wer@unbekannt-firma.de, Lisa Müller, Olaf Ohne.',
    );
    expect(await session()).toMatchObject({ 'kk.purpose': 'marketing', 'kk.templateId': templates.fair });
    // Removing those without consent clears the warning.
    for (const address of ['wer@unbekannt-firma.de', 'lisa.mueller@muster.de', OLAF]) {
      await demo.page.getByRole('button', { name: `Entfernen: ${address}` }).click();
    }
    await held.waitFor({ state: 'detached' });
  });

  it('says so when the admin switched the send check off, instead of promising it', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/send-check/settings`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await adminToken()}`,
        'content-type': 'application/json',
        'if-match': '"0"',
      },
      body: JSON.stringify({ enabled: false, mode: 'softBlock', marketingCategories: [], whenUnavailable: 'prompt' }),
    });
    expect(res.status).toBe(200);
    // A new mail's pane reads the settings.
    await demo.page.getByRole('button', { name: 'Neue E-Mail' }).click();
    await addRecipient('cc', `Olaf Ohne <${OLAF}>`);
    await badgeOf(OLAF).getByText('Widerspruch').waitFor();
    await insert('Einladung Hausmesse (Marketing)');
    await composePane()
      .getByTestId('mail-purpose')
      .getByText(/die Versandprüfung ist ausgeschaltet/)
      .waitFor();
    expect(await composePane().getByTestId('marketing-held').textContent()).toBe(
      'Keine Einwilligung in Werbung: Olaf Ohne. Die Versandprüfung ist ausgeschaltet – die E-Mail würde trotzdem gesendet.',
    );
  });

  it('fits a 320 px pane, grouped templates, and passes axe', async () => {
    await addRecipient('cc', `Olaf Ohne <${OLAF}>`);
    await addRecipient('to', `Eva Beispiel <${EVA}>`);
    await badgeOf(OLAF).waitFor();
    await badgeOf(EVA).waitFor();
    const groups = await composePane()
      .getByLabel('Vorlage', { exact: true })
      .locator('optgroup')
      .evaluateAll((list) => list.map((g) => (g as HTMLOptGroupElement).label));
    expect(groups).toEqual(['Geschäftlich (Angebot, Rechnung, Termin)', 'Marketing']);
    await insert('Einladung Hausmesse (Marketing)');
    await composePane().getByTestId('marketing-held').waitFor();
    await narrowPane(demo, 320);
    expect(await paneOverflow(demo)).toBeLessThanOrEqual(0);
    await demo.page.locator('iframe[title]').screenshot({ path: 'test-results/screenshots/compose-pane.png' });
    await demo.screenshot('compose-demo-page');
    expect(await axeViolationsBesidesFocusGuards(demo.paneFrame())).toEqual([]);
  });
});

describe('in English', () => {
  it('shows badges, sections and the log switch in English', async () => {
    await demo.page.getByLabel('Sprache').selectOption('en');
    await composePane().getByRole('heading', { name: 'Recipients' }).waitFor();
    await badgeOf('max.mustermann@muster.de').getByText('Consent', { exact: true }).waitFor();
    await addRecipient('to', 'who@unknown-firm.com');
    await badgeOf('who@unknown-firm.com').getByText('Unknown – no consent').waitFor();
    await composePane().getByRole('switch', { name: 'Log email when sending' }).waitFor();
    await composePane().getByRole('button', { name: 'Insert' }).waitFor();
  });
});

describe('E-Mail protokollieren beim Senden', () => {
  it('writes the switch to the session data; a compose key once per item; inserting switches it on', async () => {
    const toggle = composePane().getByRole('switch', { name: 'E-Mail protokollieren beim Senden' });
    await expect.poll(async () => (await session())['kk.composeKey'] ?? '').toMatch(/^[0-9a-f-]{36}$/);
    const key = (await session())['kk.composeKey'];
    expect(await toggle.isChecked()).toBe(false);
    expect((await session())['kk.logOnSend']).toBeUndefined();
    await toggle.check();
    await expect.poll(async () => (await session())['kk.logOnSend']).toBe('1');
    await toggle.uncheck();
    await expect.poll(async () => (await session())['kk.logOnSend']).toBe('0');
    await insert('Angebot nachfassen');
    expect(await toggle.isChecked()).toBe(true);
    expect(await session()).toMatchObject({ 'kk.logOnSend': '1', 'kk.composeKey': key });
  });
});

describe('the sent copy in read mode', () => {
  it('says "Bereits protokolliert" for a mail logged as it was sent (by its compose-key header)', async () => {
    const composeKey = randomUUID();
    await api.logSentMail({
      composeKey,
      subject: 'Ihr Angebot',
      to: [{ name: 'Max Mustermann', email: 'max.mustermann@muster.de' }],
      template: { id: templates.offer, name: 'Angebot nachfassen', purpose: 'transactional' },
    });
    // The sent copy, as Outlook shows it in Gesendete Elemente: its own Message-ID, the key in a header.
    const sent = {
      kind: 'message',
      key: 'sent-copy',
      subject: 'Ihr Angebot',
      from: { name: 'Sabine Vertrieb', email: 'sabine.vertrieb@klarkonform-demo.de' },
      to: [{ name: 'Max Mustermann', email: 'max.mustermann@muster.de' }],
      cc: [],
      requiredAttendees: [],
      optionalAttendees: [],
      internetMessageId: `<${randomUUID()}@klarkonform-demo.de>`,
      sentAt: new Date().toISOString(),
      internetHeaders: { 'x-klarkonform-compose-key': composeKey },
    };
    await demo.page
      .getByRole('button', { name: /Max Mustermann/ })
      .first()
      .click();
    await demo.pane.getByTestId('contact-card').waitFor();
    await demo.page.evaluate((item) => {
      const frame = document.querySelector('iframe[title]') as HTMLIFrameElement;
      frame.contentWindow?.postMessage({ type: 'kk-demo/item', item }, window.location.origin);
    }, sent);
    await demo.pane
      .getByTestId('log-status')
      .getByText(/^Bereits protokolliert von Sabine Vertrieb am/)
      .waitFor();
    // The card's last activities and the timeline show which template the mail was written from.
    await demo.pane.getByTestId('activity-template').getByText('Vorlage: Angebot nachfassen').first().waitFor();
    const page = await api.timeline((await api.cards([{ email: 'max.mustermann@muster.de' }]))[0]?.contact?.id ?? '');
    expect(page.items[0]?.mail).toMatchObject({ composeKey, template: { name: 'Angebot nachfassen' } });
  });
});
