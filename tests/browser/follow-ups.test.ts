import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dueBucket, quickDueDate } from '../../shared/src/follow-ups/follow-up-due.rules';
import type { ApiClient } from '../../shared/src/http/api-client';
import { createDateFormat } from '../../shared/src/ui/i18n/date-format';
import { berlinDay } from '../support/follow-ups';
import {
  axeViolationsBesidesFocusGuards,
  type DemoPage,
  launchChromium,
  openDemo,
  SCREENSHOT_DIR,
} from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

// Wiedervorlage: created from the Outlook pane with "morgen" it shows on the sender's card;
// in the Teams tab's "Wiedervorlagen" it is in its due group and "Erledigt" completes it, which
// puts one entry on the contact's timeline.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let muster: MusterGmbH;
let demo: DemoPage | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  api = await demoUserClient(server.baseUrl);
  muster = await seedMusterGmbH(api);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  demo = undefined;
  await context?.close();
  context = undefined;
});

const GROUP_NAMES = { overdue: 'Überfällig', today: 'Heute', week: 'Diese Woche', later: 'Später' } as const;

describe('follow-ups (Wiedervorlage)', () => {
  it('are created from the pane with "morgen", shown on the card, and completed in the Teams tab', async () => {
    const today = berlinDay(0);
    const due = quickDueDate('tomorrow', today);
    const shownDate = createDateFormat('de').date(due);

    // Outlook: Max Mustermann's card → "Wiedervorlage" → "morgen".
    demo = await openDemo(browser, server.baseUrl);
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('button', { name: 'Wiedervorlage', exact: true }).click();
    const form = demo.pane.getByRole('form', { name: 'Wiedervorlage für Max Mustermann' });
    await form.getByLabel('Was ist zu tun?').fill('Angebot nachfassen');
    const tomorrow = form.getByRole('radio', { name: /^morgen \(/ });
    expect(await tomorrow.isChecked()).toBe(true);
    expect(await form.getByText(shownDate).count()).toBeGreaterThan(0);
    await demo.screenshot('follow-up-form');
    await form.getByRole('button', { name: 'Wiedervorlage speichern' }).click();

    const open = card.getByRole('list', { name: 'Offene Wiedervorlagen' });
    await open.getByText('Angebot nachfassen').waitFor();
    await open.getByText(`Fällig ${shownDate}`).waitFor();
    await open.getByText('für Sabine Vertrieb').waitFor();
    await demo.screenshot('follow-up-on-card');
    const [stored] = await api.contactFollowUps(muster.max.id, 'open');
    expect(stored).toMatchObject({ title: 'Angebot nachfassen', dueDate: due, assigneeId: expect.any(String) });
    expect(await axeViolationsBesidesFocusGuards(demo.paneFrame())).toEqual([]);

    // Teams: "Wiedervorlagen" → the group of tomorrow's day → "Erledigt".
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/teams/tab.html`);
    await page.getByRole('tab', { name: 'Wiedervorlagen' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Wiedervorlagen' });
    await panel.getByRole('heading', { name: 'Meine Wiedervorlagen' }).waitFor();
    const group = panel.getByRole('region', { name: `${GROUP_NAMES[dueBucket(due, today)]} (1)` });
    await group.getByTestId('follow-up-row').filter({ hasText: 'Angebot nachfassen' }).waitFor();
    // Found anywhere from here on: the group's count changes with the next follow-up.
    const row = panel.getByTestId('follow-up-row').filter({ hasText: 'Angebot nachfassen' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-follow-ups.png'), animations: 'disabled' });
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    // The contact's drawer: its open follow-ups, and a new one "in einer Woche".
    await row.getByRole('button', { name: 'Max Mustermann öffnen' }).click();
    const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
    const drawerCard = drawer.getByTestId('contact-card');
    await drawerCard.getByRole('list', { name: 'Offene Wiedervorlagen' }).getByText('Angebot nachfassen').waitFor();
    await drawerCard.getByRole('button', { name: 'Wiedervorlage', exact: true }).click();
    const drawerForm = drawer.getByRole('form', { name: 'Wiedervorlage für Max Mustermann' });
    await drawerForm.getByLabel('Was ist zu tun?').fill('Rückruf Buchhaltung');
    await drawerForm.getByRole('radio', { name: /^in einer Woche/ }).check();
    await drawerForm.getByRole('button', { name: 'Wiedervorlage speichern' }).click();
    await drawerCard.getByRole('list', { name: 'Offene Wiedervorlagen' }).getByText('Rückruf Buchhaltung').waitFor();
    await drawer.getByRole('button', { name: 'Schließen' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const inAWeek = quickDueDate('inAWeek', today);
    await panel
      .getByRole('region', { name: new RegExp(`^${GROUP_NAMES[dueBucket(inAWeek, today)]} \\(`) })
      .getByText('Rückruf Buchhaltung')
      .waitFor();
    // The sales lead's view: everyone's, with whose each one is.
    await panel.getByLabel('Zuständig').selectOption({ label: 'Alle' });
    await panel.getByRole('heading', { name: 'Wiedervorlagen aller' }).waitFor();
    await row.getByText('für Sabine Vertrieb', { exact: false }).waitFor();

    await row.getByRole('button', { name: '„Angebot nachfassen“ als erledigt markieren' }).click();
    await panel.getByText('„Angebot nachfassen“ ist erledigt und steht in der Kontakthistorie.').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-follow-up-done.png'), animations: 'disabled' });

    expect((await api.contactFollowUps(muster.max.id, 'open')).map((f) => f.title)).toEqual(['Rückruf Buchhaltung']);
    const [done] = await api.contactFollowUps(muster.max.id, 'done');
    expect(done).toMatchObject({ state: 'done', doneBy: { name: 'Sabine Vertrieb' } });
    const timeline = await fetchTimeline(muster.max.id);
    expect(timeline.map((a) => a.subject)).toEqual(['Wiedervorlage erledigt: Angebot nachfassen']);
  });
});

async function fetchTimeline(contactId: string): Promise<Array<{ subject: string }>> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const res = await fetch(`${server.baseUrl}/api/v1/contacts/${contactId}/activities`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await res.json()) as { items: Array<{ subject: string }> }).items;
}
