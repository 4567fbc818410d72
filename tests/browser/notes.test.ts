import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

// The notes editor in the task pane: everything typed is saved by one "Speichern" (one
// request), stored entries are listed, typed text is never dropped without asking, and the
// length limits show as counters.

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let muster: MusterGmbH;
let demo: DemoPage | undefined;

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
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  demo = undefined;
  await server?.close();
});

async function openNotes(): Promise<{ demo: DemoPage; notes: Locator }> {
  const opened = await openDemo(browser, server.baseUrl);
  demo = opened;
  const card = opened.pane.getByTestId('contact-card');
  await card.getByRole('button', { name: 'Notiz hinzufügen' }).click();
  const notes = opened.pane.getByRole('form', { name: 'Notizen zu Max Mustermann' });
  await notes.waitFor();
  return { demo: opened, notes };
}

const discardDialog = (d: DemoPage) => d.pane.getByRole('alertdialog', { name: 'Ungespeicherte Notizen verwerfen?' });

describe('notes editor in the task pane', () => {
  it('asks before "Zurück" drops typed notes, saves everything at once, and shows it after a reload', async () => {
    let withItem = await api.addOpenItem(muster.max.id, { text: 'Preisliste schicken' });
    withItem = await api.addHistoryEntry(muster.max.id, { date: '2026-01-10', event: 'Erstgespräch auf der Messe' });
    await api.addHistoryEntry(muster.max.id, { date: '2026-02-03', event: 'Angebot Rahmenvertrag verschickt' });
    const { demo, notes } = await openNotes();

    // The stored entries are there: history newest first, the open item with its done state.
    expect(await notes.getByLabel('Besonderheiten', { exact: true }).inputValue()).toBe('Bevorzugt Telefon vor 9 Uhr.');
    const history = notes.getByRole('list').filter({ hasText: 'Erstgespräch' });
    expect(await history.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Angebot Rahmenvertrag verschickt'),
      expect.stringContaining('Erstgespräch auf der Messe'),
    ]);
    expect(await notes.getByRole('checkbox', { name: 'Preisliste schicken' }).isChecked()).toBe(false);

    const patches: string[] = [];
    demo.page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().endsWith(`/contacts/${muster.max.id}/notes`)) {
        patches.push(request.url());
      }
    });

    await notes.getByLabel('Neuer offener Punkt').fill('Rückruf wegen Rahmenvertrag');
    await notes.getByLabel('Neue Notiz').fill('Kunde plant einen Standort in Leipzig');
    await notes.getByRole('checkbox', { name: 'Preisliste schicken' }).check();
    // The counter counts what is sent, up to the schema's limit.
    await notes.getByText('37 / 4.000').waitFor();

    await notes.getByRole('button', { name: 'Zurück' }).click();
    const dialog = discardDialog(demo);
    await dialog.waitFor();
    // Fluent's opening motion has finished (its animations stay, filled forwards).
    await expect
      .poll(() => dialog.evaluate((el) => el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished')))
      .toBe(true);
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Weiter bearbeiten', 'Verwerfen']);
    await demo.screenshot('notes-discard-question');
    await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await notes.getByLabel('Neuer offener Punkt').inputValue()).toBe('Rückruf wegen Rahmenvertrag');
    expect(await notes.getByLabel('Neue Notiz').inputValue()).toBe('Kunde plant einen Standort in Leipzig');

    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByText('Notizen gespeichert.').waitFor();
    expect(patches).toHaveLength(1);
    // The saved state shows in the editor without a reload; the new-entry fields are empty again.
    await notes.getByRole('checkbox', { name: 'Rückruf wegen Rahmenvertrag' }).waitFor();
    await notes.getByText('Kunde plant einen Standort in Leipzig').waitFor();
    expect(await notes.getByLabel('Neuer offener Punkt').inputValue()).toBe('');
    expect(await notes.getByLabel('Neue Notiz').inputValue()).toBe('');
    await demo.screenshot('notes-editor');
    expect(await axeViolationsBesidesFocusGuards(demo.paneFrame())).toEqual([]);
    // Nothing is left to lose: "Zurück" leaves at once.
    await notes.getByRole('button', { name: 'Zurück' }).click();
    expect(await discardDialog(demo).count()).toBe(0);

    const saved = await api.getContact(muster.max.id);
    expect(saved.version).toBe(withItem.version + 2);
    expect(saved.notes.openItems.map((item) => [item.text, item.done])).toEqual([
      ['Preisliste schicken', true],
      ['Rückruf wegen Rahmenvertrag', false],
    ]);
    expect(saved.notes.free.map((note) => note.text)).toEqual(['Kunde plant einen Standort in Leipzig']);

    await demo.page.reload();
    const card = demo.pane.getByTestId('contact-card');
    await card.getByText('Rückruf wegen Rahmenvertrag').waitFor();
    await card.getByText('Kunde plant einen Standort in Leipzig').waitFor();
    await card.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    const reopened = demo.pane.getByRole('form', { name: 'Notizen zu Max Mustermann' });
    await reopened.getByRole('checkbox', { name: 'Rückruf wegen Rahmenvertrag' }).waitFor();
    await reopened.getByText('Kunde plant einen Standort in Leipzig').waitFor();
    expect(await reopened.getByRole('checkbox', { name: 'Preisliste schicken' }).isChecked()).toBe(true);
  });

  it('shows the length limits, warns near them and blocks a save above them, naming the field', async () => {
    const { demo, notes } = await openNotes();
    const field = notes.getByLabel('Neuer offener Punkt');
    const counterOf = (text: string) => notes.getByText(text, { exact: true });

    await field.fill('Angebot');
    const normal = counterOf('7 / 1.000');
    await normal.waitFor();
    const normalColour = await normal.evaluate((el) => getComputedStyle(el).color);

    await field.fill('x'.repeat(950));
    const near = counterOf('950 / 1.000');
    await near.waitFor();
    const nearColour = await near.evaluate((el) => getComputedStyle(el).color);
    expect(nearColour).not.toBe(normalColour);
    expect(await axeViolationsBesidesFocusGuards(demo.paneFrame())).toEqual([]);

    await field.fill('x'.repeat(1001));
    const over = counterOf('1.001 / 1.000');
    await over.waitFor();
    const overColour = await over.evaluate((el) => getComputedStyle(el).color);
    expect([normalColour, nearColour]).not.toContain(overColour);
    await notes.getByText('Neuer offener Punkt ist zu lang: 1.001 von höchstens 1.000 Zeichen.').waitFor();
    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByText('Nicht gespeichert. Bitte kürzen: Neuer offener Punkt').waitFor();
    await demo.screenshot('notes-over-limit');
    expect(await axeViolationsBesidesFocusGuards(demo.paneFrame())).toEqual([]);
    expect((await api.getContact(muster.max.id)).notes.openItems).toEqual([]);

    await field.fill('Angebot nachfassen');
    expect(await notes.getByText('Nicht gespeichert.').count()).toBe(0);
    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByText('Notizen gespeichert.').waitFor();
    expect((await api.getContact(muster.max.id)).notes.openItems.map((item) => item.text)).toEqual([
      'Angebot nachfassen',
    ]);
  });

  it('asks before another mail item replaces typed notes', async () => {
    const { demo, notes } = await openNotes();
    await notes.getByLabel('Neue Notiz').fill('Wichtig: Vertrag läuft im März aus');

    await demo.selectItem(/Anfrage Wartungsvertrag/);
    const dialog = discardDialog(demo);
    await dialog.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    expect(await notes.getByLabel('Neue Notiz').inputValue()).toBe('Wichtig: Vertrag läuft im März aus');
    await demo.pane.getByText('Sie haben ein anderes Element ausgewählt').waitFor();

    await demo.selectItem(/Kontaktformular/);
    await dialog.getByRole('button', { name: 'Verwerfen' }).click();
    await notes.waitFor({ state: 'detached' });
    await demo.pane.getByText('Jonas Neumann').first().waitFor();
    expect((await api.getContact(muster.max.id)).notes.free).toEqual([]);

    // Without typed text a switch simply shows the new item.
    await demo.selectItem(/Rahmenvertrag 2027/);
    await demo.pane.getByTestId('contact-card').getByRole('button', { name: 'Notiz hinzufügen' }).click();
    await demo.pane.getByRole('form', { name: 'Notizen zu Max Mustermann' }).waitFor();
    await demo.selectItem(/Anfrage Wartungsvertrag/);
    await demo.pane.getByRole('form', { name: 'Notizen zu Max Mustermann' }).waitFor({ state: 'detached' });
    expect(await discardDialog(demo).count()).toBe(0);
  });

  it('keeps the typed text and shows the server message when the save fails', async () => {
    const { notes } = await openNotes();
    await notes.getByLabel('Neuer Historie-Eintrag').fill('Telefonat: Zusage für Q2');
    // Meanwhile a colleague merges Max into Lisa: his record takes no more changes.
    await api.merge(muster.lisa.id, muster.max.id);
    await notes.getByRole('button', { name: 'Speichern' }).click();
    const error = notes.getByTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^Speichern fehlgeschlagen: Dieser Kontakt wurde mit einem anderen zusammengeführt/,
    );
    expect(await notes.getByLabel('Neuer Historie-Eintrag').inputValue()).toBe('Telefonat: Zusage für Q2');
  });

  it("lays typed Besonderheiten over a colleague's change and asks before overwriting it", async () => {
    const { notes } = await openNotes();
    await notes.getByLabel('Besonderheiten', { exact: true }).fill('Nur noch per E-Mail.');
    await notes.getByLabel('Neuer offener Punkt').fill('Neue Durchwahl eintragen');
    const current = await api.getContact(muster.max.id);
    await api.patchContact(muster.max.id, current.version, {
      notes: { specifics: 'Telefon nur vor 9 Uhr, Durchwahl -15.' },
    });

    await notes.getByRole('button', { name: 'Speichern' }).click();
    const prompt = notes.getByTestId('conflict-prompt');
    await prompt.getByText('Telefon nur vor 9 Uhr, Durchwahl -15.', { exact: false }).waitFor();
    expect(await notes.getByLabel('Besonderheiten', { exact: true }).inputValue()).toBe('Nur noch per E-Mail.');
    expect(await notes.getByLabel('Neuer offener Punkt').inputValue()).toBe('Neue Durchwahl eintragen');

    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByText('Notizen gespeichert.').waitFor();
    const saved = await api.getContact(muster.max.id);
    expect(saved.notes.specifics).toBe('Nur noch per E-Mail.');
    expect(saved.notes.openItems.map((item) => item.text)).toEqual(['Neue Durchwahl eintragen']);
  });
});
