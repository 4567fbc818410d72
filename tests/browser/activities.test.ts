import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import {
  axeViolations,
  type DemoPage,
  launchChromium,
  narrowPane,
  openDemo,
  paneOverflow,
  SCREENSHOT_DIR,
} from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';
import path from 'node:path';

// The Kontakthistorie in the browser (issue 12): "E-Mail protokollieren" in the demo pane and
// "Bereits protokolliert" after a reload, "Termin protokollieren", a call noted on the card, and
// the Teams tab showing it in the contact's (and the company's) Kontakthistorie.

let browser: Browser;
let server: BrowserApp;
let demo: DemoPage;
let api: ApiClient;
let muster: MusterGmbH;

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
  demo = await openDemo(browser, server.baseUrl);
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

describe('logging from the Outlook pane', () => {
  it('logs the mail once with its content, and says "Bereits protokolliert" after a reload', async () => {
    await demo.pane.getByTestId('contact-card').waitFor();
    const bar = demo.pane.getByTestId('log-item');
    await bar.getByRole('checkbox', { name: 'Inhalt speichern' }).check();
    await bar.getByRole('button', { name: 'E-Mail protokollieren' }).click();
    const status = demo.pane.getByTestId('log-status');
    await status.getByText('Protokolliert bei Max Mustermann, Lisa Müller.').waitFor();
    await demo.screenshot('activities-mail-logged');

    // Stored once, linked to both known participants, with the body and the sent time.
    const page = await api.timeline(muster.max.id);
    expect(page.items).toHaveLength(1);
    const logged = page.items[0]!;
    expect(logged).toMatchObject({
      type: 'email',
      contactIds: [muster.max.id, muster.lisa.id],
      mail: { internetMessageId: '<demo-known-customer@klarkonform-demo.de>', direction: 'in' },
    });
    expect(logged.mail?.body).toContain('danke für das Angebot');
    expect((await api.timeline(muster.lisa.id)).items.map((a) => a.id)).toEqual([logged.id]);

    await demo.page.reload();
    await demo.pane.getByTestId('contact-card').waitFor();
    await status.getByText(/^Bereits protokolliert von Sabine Vertrieb am \d{2}\.\d{2}\.\d{4}/).waitFor();
    expect(await demo.pane.getByRole('button', { name: 'E-Mail protokollieren' }).count()).toBe(0);
    await demo.screenshot('activities-mail-already-logged');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });

  it('says what comes first when nobody on the mail is a contact', async () => {
    await demo.selectItem(/Jonas Neumann/);
    await demo.pane.getByTestId('unknown-card').waitFor();
    // Nobody on it is a contact: instead of a button that can only fail, the pane says what comes first.
    await demo.pane.getByText('Zum Protokollieren zuerst einen der Beteiligten als Kontakt anlegen.').waitFor();
    expect(await demo.pane.getByRole('button', { name: 'E-Mail protokollieren' }).count()).toBe(0);
  });

  it('logs the appointment with "Termin protokollieren"', async () => {
    await demo.selectItem(/Projekt-Kickoff/);
    await demo.pane.getByRole('button', { name: 'Termin protokollieren' }).click();
    await demo.pane
      .getByTestId('log-status')
      .getByText(/^Protokolliert bei /)
      .waitFor();
    const meeting = (await api.timeline(muster.tom.id)).items[0];
    expect(meeting).toMatchObject({ type: 'meeting', meeting: { location: 'Besprechungsraum Berlin' } });
    expect(new Set(meeting?.contactIds)).toEqual(new Set([muster.max.id, muster.lisa.id, muster.tom.id]));
  });

  it('notes a call on the card, and the Teams tab shows it in the Kontakthistorie, the company’s too', async () => {
    const card = demo.pane.getByTestId('contact-card');
    await card.waitFor();
    await card.getByRole('button', { name: 'Anruf notieren' }).click();
    const form = demo.pane.getByRole('form', { name: 'Anruf mit Max Mustermann' });
    await form.getByLabel('Betreff').fill('Rückfrage Rechnungsstellung');
    await form.getByLabel('Inhalt').fill('Frau Müller schickt die Bestellnummer bis Freitag.');
    // Outlook's narrowest pane: date and time fit beside each other without a sideways scrollbar.
    await narrowPane(demo, 320);
    expect(await paneOverflow(demo)).toBeLessThanOrEqual(0);
    await demo.screenshot('activities-quick-call');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await demo.pane.getByText('In der Kontakthistorie gespeichert: Rückfrage Rechnungsstellung').waitFor();

    const tab = await demo.context.newPage();
    await tab.goto(`${server.baseUrl}/teams/tab.html`);
    await tab.getByRole('tab', { name: 'Suche' }).click();
    await tab.getByRole('searchbox').fill('Mustermann');
    await tab.getByRole('list', { name: 'Suchergebnisse' }).getByRole('button', { name: 'Max Mustermann' }).click();
    // The contact opens beside the results: the shared card, and under it the Kontakthistorie.
    const history = tab.getByRole('list', { name: 'Kontakthistorie: Max Mustermann' });
    await history.getByText('Anruf: Rückfrage Rechnungsstellung').waitFor();
    expect(await history.textContent()).toContain('Frau Müller schickt die Bestellnummer bis Freitag.');
    expect(await history.textContent()).toContain('Sabine Vertrieb');
    await tab.screenshot({ path: path.join(SCREENSHOT_DIR, 'activities-teams-history.png'), fullPage: true });

    // The company's timeline has its people's entries.
    await tab.getByRole('searchbox').fill('Muster GmbH');
    await tab.getByRole('list', { name: 'Suchergebnisse' }).getByRole('button', { name: 'Muster GmbH' }).click();
    await tab
      .getByRole('list', { name: 'Kontakthistorie: Muster GmbH' })
      .getByText('Anruf: Rückfrage Rechnungsstellung')
      .waitFor();
    await tab.close();
  });
});
