import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/index';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient } from './support/seed';

// "Senden" on the demo page (issue 14): the demo's "Neue E-Mail" runs the REAL built events.js
// (served by the API at /addin/events.js) in a hidden event runtime with a stub Office.js, and
// shows Outlook's Smart Alerts answer. The demo tenant's data: Tom Techniker objected to marketing
// e-mail (opt-out), Max Mustermann consented; the seeded templates "Einladung Hausmesse"
// (marketing) and "Angebot nachfassen" (transactional).

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let demo: DemoPage;

const TOM = 'tom.techniker@muster.de';
const MAX = 'max.mustermann@muster.de';

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
  demo = await openDemo(browser, server.baseUrl);
  await demo.page.getByRole('button', { name: 'Neue E-Mail' }).click();
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
});

const compose = () => demo.page.getByRole('article', { name: 'Neue E-Mail' });
const dialog = () => demo.page.getByRole('alertdialog', { name: 'KlarKonform' });
const badgeOf = (email: string) =>
  demo.pane.locator(`[data-testid="recipient"][data-email="${email}"]`).getByTestId('consent-badge');

async function addRecipient(text: string, add = 'Hinzufügen'): Promise<void> {
  const section = demo.page.getByTestId('compose-to');
  await section.getByRole('textbox').fill(text);
  await section.getByRole('button', { name: add }).click();
}

async function insert(template: string): Promise<void> {
  await demo.pane.getByLabel('Vorlage', { exact: true }).selectOption({ label: template });
  await demo.pane.getByRole('button', { name: 'Einfügen' }).click();
  await demo.pane
    .getByTestId('template-outcome')
    .getByText(/eingefügt/)
    .waitFor();
}

/** The consent requests the event runtime (not the pane) makes, with the addresses asked for. */
function watchRuntimeConsent(): Array<string[]> {
  const asked: Array<string[]> = [];
  demo.page.on('request', (request: Request) => {
    if (!request.url().endsWith('/api/v1/send-check/consent')) return;
    if (!request.frame().url().includes('/addin/demo-events.html')) return;
    asked.push((JSON.parse(request.postData() ?? '{}') as { emails: string[] }).emails);
  });
  return asked;
}

/** The demo tenant's admin (the send-check settings are theirs to change). */
async function adminClient(): Promise<ApiClient> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles: ['CRM.Admin'] }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return createApiClient({ baseUrl: server.baseUrl, getToken: async () => accessToken, language: () => 'de' });
}

async function timelineOf(email: string) {
  const id = (await api.cards([{ email }]))[0]?.contact?.id ?? '';
  expect(id).not.toBe('');
  return (await api.timeline(id)).items;
}

describe('Senden in the demo', () => {
  it('holds a marketing mail to Tom Techniker (opt-out) and names him; without him it is sent and logged', async () => {
    const asked = watchRuntimeConsent();
    await addRecipient(`Tom Techniker <${TOM}>`);
    await badgeOf(TOM).getByText('Widerspruch').waitFor();
    // RecipientsChanged: the real handler fetched Tom's answer ahead of sending.
    await expect.poll(() => asked.some((emails) => emails.includes(TOM))).toBe(true);
    await insert('Einladung Hausmesse (Marketing)');
    const before = asked.length;

    await compose().getByRole('button', { name: 'Senden' }).click();
    await dialog().waitFor();
    const message = (await dialog().getByTestId('send-check-message').textContent()) ?? '';
    expect(message).toContain('Keine Einwilligung in Marketing-E-Mails');
    expect(message).toContain(`Tom Techniker <${TOM}> (Widerspruch)`);
    expect(message).not.toContain(MAX);
    // Rendered from the Markdown as plain text: no markup left, one recipient per line.
    expect(message).not.toMatch(/\*\*|\\/);
    expect(message).toContain(`\n- Tom Techniker <${TOM}> (Widerspruch)\n`);
    // softBlock (the demo tenant's setting): no "Trotzdem senden", but the way to the pane.
    await dialog().getByRole('button', { name: 'Empfänger prüfen' }).waitFor();
    expect(await dialog().getByRole('button', { name: 'Trotzdem senden' }).count()).toBe(0);
    // The send handler decided from the cache the recipients handler filled.
    expect(asked.length).toBe(before);
    // The dialog's entry animation has run (the screenshot shows it as the user sees it).
    await demo.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    // axe once the dialog is fully shown (while it fades in, its text has too little contrast).
    expect(await axeViolationsBesidesFocusGuards(demo.page.mainFrame())).toEqual([]);
    mkdirSync(path.join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
    await demo.page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'demo-send-check.png') });

    // "Empfänger prüfen" goes back to the message, which was not sent.
    await dialog().getByRole('button', { name: 'Empfänger prüfen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await compose().waitFor();
    await expect
      .poll(() => demo.page.evaluate(() => document.activeElement?.getAttribute('src')))
      .toBe('/addin/demo-pane.html');
    expect(await demo.page.getByTestId('demo-sent').count()).toBe(0);

    await demo.page.getByRole('button', { name: `Entfernen: ${TOM}` }).click();
    await compose().getByRole('button', { name: 'Senden' }).click();
    await demo.page
      .getByTestId('demo-sent')
      .getByText('Gesendet und protokolliert: Die E-Mail steht in der Kontakthistorie der Empfänger.')
      .waitFor();
    await compose().waitFor({ state: 'detached' });
    expect(await dialog().count()).toBe(0);
    await demo.screenshot('demo-sent');

    const [logged] = await timelineOf(MAX);
    expect(logged?.mail).toMatchObject({ template: { name: 'Einladung Hausmesse', purpose: 'marketing' } });
    expect(logged?.mail?.to.map((r) => r.email)).toEqual([MAX]);
    // Tom got nothing: nothing logged for him.
    expect((await timelineOf(TOM)).some((a) => a.mail?.template?.name === 'Einladung Hausmesse')).toBe(false);
    // In the demo, too: a mail from Max shows it in his card's last activities.
    await demo.selectItem(/Max Mustermann/);
    await demo.pane.getByTestId('activity-template').getByText('Vorlage: Einladung Hausmesse').first().waitFor();
  });

  it('sends a transactional mail to Tom Techniker, and it shows in his Kontakthistorie', async () => {
    await demo.page.getByRole('button', { name: `Entfernen: ${MAX}` }).click();
    // Like Outlook, no sending without a recipient.
    await compose().getByRole('button', { name: 'Senden' }).click();
    await compose().getByText('Bitte geben Sie mindestens einen Empfänger an.').waitFor();
    await addRecipient(`Tom Techniker <${TOM}>`);
    await badgeOf(TOM).getByText('Widerspruch').waitFor();
    await insert('Einladung Hausmesse (Marketing)');
    await compose().getByRole('button', { name: 'Senden' }).click();
    await dialog().getByText(`Tom Techniker <${TOM}> (Widerspruch)`, { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'Nicht senden' }).click();
    await dialog().waitFor({ state: 'detached' });

    // Inserting the transactional template after it does not make the mail less of an advertisement.
    await insert('Angebot nachfassen');
    await compose().getByRole('button', { name: 'Senden' }).click();
    await dialog().getByText(`Tom Techniker <${TOM}> (Widerspruch)`, { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'Nicht senden' }).click();
    await dialog().waitFor({ state: 'detached' });
    // Only the user's explicit "no advertising any more" makes it a business mail, never held back.
    await demo.pane.getByLabel('Zweck ändern').selectOption({ label: 'Geschäftlich (Angebot, Rechnung, Termin)' });
    await demo.pane.getByRole('button', { name: 'Ja, keine Werbung mehr' }).click();
    await compose().getByRole('button', { name: 'Senden' }).click();
    await demo.page
      .getByTestId('demo-sent')
      .getByText(/^Gesendet und protokolliert/)
      .waitFor();

    const [logged] = await timelineOf(TOM);
    expect(logged?.mail).toMatchObject({ template: { name: 'Angebot nachfassen', purpose: 'transactional' } });
    expect(logged?.mail?.to.map((r) => r.email)).toEqual([TOM]);
  });

  it('asks "Trotzdem senden" in English when the admin chose promptUser; sent anyway, it is not logged', async () => {
    const admin = await adminClient();
    const { version, enabled, marketingCategories, whenUnavailable } = await admin.sendCheckSettings();
    await admin.updateSendCheckSettings(version, { enabled, mode: 'promptUser', marketingCategories, whenUnavailable });
    await demo.page.getByLabel('Sprache').selectOption('en');
    await addRecipient(`Tom Techniker <${TOM}>`, 'Add');
    await badgeOf(TOM).getByText('Opted out').waitFor();
    await demo.pane.getByLabel('Template', { exact: true }).selectOption({ label: 'Einladung Hausmesse (marketing)' });
    await demo.pane.getByRole('button', { name: 'Insert' }).click();
    await demo.pane
      .getByTestId('template-outcome')
      .getByText(/inserted/)
      .waitFor();

    await demo.page.getByRole('article', { name: 'New email' }).getByRole('button', { name: 'Send' }).click();
    await dialog().getByText('No consent to marketing e-mail').waitFor();
    await dialog().getByText(`Tom Techniker <${TOM}> (opted out)`, { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'Review recipients' }).waitFor();
    await dialog().getByRole('button', { name: 'Send anyway' }).click();
    await demo.page.getByTestId('demo-sent').getByText('Sent, but not logged.').waitFor();
    expect((await timelineOf(TOM)).some((a) => a.mail?.template?.name === 'Einladung Hausmesse')).toBe(false);
  });
});
