import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';

// The notes editor in the Teams tab's contact drawer (lead review): closing the drawer with
// unsaved notes asks first, one save stores everything, and the drawer shows the saved notes.

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
  // TeamsJS fetches its list of Teams origins from a CDN that connect-src does not allow.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

async function openDrawer(name: string): Promise<{ page: Page; drawer: ReturnType<Page['getByRole']> }> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  await page.getByRole('list', { name: 'Leads' }).getByRole('button', { name }).click();
  const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
  await drawer.getByRole('button', { name: 'Notiz hinzufügen' }).click();
  return { page, drawer };
}

const discardDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Ungespeicherte Notizen verwerfen?' });

describe('Teams tab: notes in the contact drawer', () => {
  it('asks before closing the drawer drops typed notes, and saves them all at once', async () => {
    const lead = await create(api, { kind: 'company', name: 'Notizhaus Beratung GmbH', relationships: ['lead'] });
    const { page, drawer } = await openDrawer('Notizhaus Beratung GmbH');
    const notes = drawer.getByRole('form', { name: 'Notizen zu Notizhaus Beratung GmbH' });
    await notes.getByLabel('Besonderheiten', { exact: true }).fill('Entscheidet nur mit dem Beirat.');
    await notes.getByLabel('Neuer offener Punkt').fill('Referenzen schicken');

    await drawer.getByRole('button', { name: 'Schließen' }).click();
    const dialog = discardDialog(page);
    await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await notes.getByLabel('Neuer offener Punkt').inputValue()).toBe('Referenzen schicken');

    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByText('Notizen gespeichert.').waitFor();
    await notes.getByRole('checkbox', { name: 'Referenzen schicken' }).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-notes-drawer.png'), animations: 'disabled' });
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
    const saved = await api.getContact(lead.id);
    expect(saved.notes.specifics).toBe('Entscheidet nur mit dem Beirat.');
    expect(saved.notes.openItems.map((item) => item.text)).toEqual(['Referenzen schicken']);

    // Saved: the drawer closes without asking, and the card shows the notes.
    await notes.getByRole('button', { name: 'Zurück' }).click();
    await drawer.getByTestId('contact-card').getByText('Referenzen schicken').waitFor();
    await drawer.getByRole('button', { name: 'Schließen' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await discardDialog(page).count()).toBe(0);
  });

  it('discards typed notes on Escape only after asking', async () => {
    const lead = await create(api, { kind: 'company', name: 'Eskapade Events GmbH', relationships: ['lead'] });
    const { page, drawer } = await openDrawer('Eskapade Events GmbH');
    await drawer.getByLabel('Neue Notiz').fill('Nicht speichern');
    await page.keyboard.press('Escape');
    await discardDialog(page).getByRole('button', { name: 'Verwerfen' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect((await api.getContact(lead.id)).notes.free).toEqual([]);
    // The tab is usable again (nothing left hidden from assistive technology).
    await page.getByRole('list', { name: 'Leads' }).getByRole('button', { name: 'Eskapade Events GmbH' }).click();
    await page
      .getByRole('dialog', { name: 'Kontaktkarte' })
      .getByRole('button', { name: 'Notiz hinzufügen' })
      .waitFor();
  });
});
