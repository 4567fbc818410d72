import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolations, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
let muster: MusterGmbH;
let demo: DemoPage;

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
  await demo.pane.getByTestId('contact-card').waitFor();
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

describe('editing in the pane', () => {
  it('saves the specifics, a history entry and a consent event', async () => {
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = demo.pane.getByRole('form', { name: /bearbeiten/ });
    await editor.getByLabel('Besonderheiten').fill('Bevorzugt Telefon vor 9 Uhr. Neue Durchwahl ab März: -15.');
    await editor.getByLabel('Abteilung').fill('Geschäftsleitung');
    await demo.screenshot('editor');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText(/Neue Durchwahl ab März/).waitFor();

    await card.getByRole('button', { name: 'Notiz hinzufügen' }).click();
    const notes = demo.pane.getByRole('form', { name: 'Notizen zu Max Mustermann' });
    await notes.getByLabel('Neuer Historie-Eintrag').fill('Telefonat zum Rahmenvertrag, Angebot bis Freitag');
    await notes.getByLabel('Neuer offener Punkt').fill('Angebot Rahmenvertrag schicken');
    await notes.getByRole('button', { name: 'Speichern' }).click();
    await notes.getByRole('checkbox', { name: 'Angebot Rahmenvertrag schicken' }).waitFor();
    await notes.getByRole('button', { name: 'Zurück' }).click();
    await card.getByText('Telefonat zum Rahmenvertrag, Angebot bis Freitag').waitFor();

    await card.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const consent = demo.pane.getByRole('form', { name: 'Einwilligung erfassen' });
    await consent.getByLabel('Kanal').selectOption('newsletter');
    await consent.getByLabel('Ereignis').selectOption('optOut');
    await consent.getByLabel(/^Quelle/).fill('Telefonat mit Herrn Mustermann');
    await consent.getByLabel(/^Nachweis/).fill('Gesprächsnotiz vom heutigen Anruf');
    await demo.screenshot('consent-form');
    await consent.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await card.getByTestId('consent-newsletter').getByText('Widersprochen').waitFor();
    await demo.screenshot('card-after-edits');

    const saved = await api.getContact(muster.max.id);
    expect(saved.notes.specifics).toBe('Bevorzugt Telefon vor 9 Uhr. Neue Durchwahl ab März: -15.');
    expect(saved.kind === 'person' && saved.department).toBe('Geschäftsleitung');
    expect(saved.notes.history.map((entry) => entry.event)).toEqual([
      'Telefonat zum Rahmenvertrag, Angebot bis Freitag',
    ]);
    expect(saved.notes.openItems.map((item) => [item.text, item.done])).toEqual([
      ['Angebot Rahmenvertrag schicken', false],
    ]);
    expect(saved.consent.channels.newsletter.map((event) => [event.type, event.source, event.proof])).toEqual([
      ['optOut', 'Telefonat mit Herrn Mustermann', 'Gesprächsnotiz vom heutigen Anruf'],
    ]);
  });

  it('asks for a proof of a double-opt-in confirmation unless it answers an open request, and shows a refusal', async () => {
    const card = demo.pane.getByTestId('contact-card');
    const consent = demo.pane.getByRole('form', { name: 'Einwilligung erfassen' });
    const submit = consent.getByRole('button', { name: 'Einwilligung speichern' });
    const proof = consent.getByRole('textbox', { name: /^Nachweis/ });
    const open = async (type: string) => {
      await card.getByRole('button', { name: 'Einwilligung erfassen' }).click();
      await consent.getByLabel('Kanal').selectOption('newsletter');
      await consent.getByLabel('Ereignis').selectOption(type);
      await consent.getByLabel(/^Quelle/).fill('Newsletter-Anmeldung auf muster.de');
    };

    // No request on the channel: the proof is required, and the form says so before sending.
    await open('doubleOptInConfirmed');
    await consent.getByText('Ohne offene Double-Opt-in-Anfrage auf diesem Kanal ist ein Nachweis nötig.').waitFor();
    expect(await proof.evaluate((element) => (element as HTMLTextAreaElement).required)).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await demo.screenshot('consent-confirmation-needs-proof');
    await consent.getByLabel('Ereignis').selectOption('doubleOptInRequested');
    await submit.click();
    await card.getByTestId('consent-newsletter').getByText('Bestätigung ausstehend').waitFor();

    // The confirmation of that request needs no proof of its own …
    await open('doubleOptInConfirmed');
    await consent.getByText(/^Bestätigt die Double-Opt-in-Anfrage vom \d\d\.\d\d\.\d{4}/).waitFor();
    expect(await submit.isDisabled()).toBe(false);
    // … but meanwhile the person unsubscribed, which closes the request: the server refuses,
    // and the form shows its message at the proof field.
    await api.addConsentEvent(muster.max.id, { channel: 'newsletter', type: 'optOut', source: 'Abmeldelink' });
    await submit.click();
    await consent.getByText(/^Eine Double-Opt-in-Bestätigung braucht eine offene Double-Opt-in-Anfrage/).waitFor();
    expect(await proof.getAttribute('aria-invalid')).toBe('true');
    await demo.screenshot('consent-confirmation-refused');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);

    await proof.fill('Bestätigungs-Mail vom heutigen Tag, Ablage Marketing/DOI');
    await submit.click();
    await card.getByTestId('consent-newsletter').getByText('Erteilt').waitFor();
    const saved = await api.getContact(muster.max.id);
    expect(saved.consent.channels.newsletter.map((event) => event.type)).toEqual([
      'doubleOptInRequested',
      'optOut',
      'doubleOptInConfirmed',
    ]);
  });

  it('shows a reload prompt on a stale edit and keeps what the user typed', async () => {
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = demo.pane.getByRole('form', { name: /bearbeiten/ });
    const specifics = editor.getByLabel('Besonderheiten');
    await specifics.fill('Nur per E-Mail, nicht mehr telefonisch.');

    // A colleague saves first.
    const current = await api.getContact(muster.max.id);
    await api.patchContact(muster.max.id, current.version, { position: 'Geschäftsführender Gesellschafter' });

    await editor.getByRole('button', { name: 'Speichern' }).click();
    const prompt = demo.pane.getByTestId('conflict-prompt');
    await prompt.waitFor();
    expect(await specifics.inputValue()).toBe('Nur per E-Mail, nicht mehr telefonisch.');
    await demo.screenshot('stale-edit-reload-prompt');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);

    await prompt.getByRole('button', { name: 'Neu laden' }).click();
    await demo.pane.getByTestId('rebased-note').waitFor();
    expect(await specifics.inputValue()).toBe('Nur per E-Mail, nicht mehr telefonisch.');
    expect(await editor.getByLabel('Position').inputValue()).toBe('Geschäftsführender Gesellschafter');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await card.getByText('Nur per E-Mail, nicht mehr telefonisch.').waitFor();

    const saved = await api.getContact(muster.max.id);
    expect(saved.notes.specifics).toBe('Nur per E-Mail, nicht mehr telefonisch.');
    expect(saved.kind === 'person' && saved.position).toBe('Geschäftsführender Gesellschafter');
  });
});
