import { Types } from 'mongoose';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

let browser: Browser;
let server: BrowserApp;
let demo: DemoPage;
let muster: MusterGmbH;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startBrowserApp();
  muster = await seedMusterGmbH(await demoUserClient(server.baseUrl));
  demo = await openDemo(browser, server.baseUrl);
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

describe('the sender card', () => {
  it('shows a known sender with relationship, roles and consent', async () => {
    const card = demo.pane.getByTestId('contact-card');
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Max Mustermann');
    const badges = await card.getByRole('list', { name: /Beziehung/ }).textContent();
    expect(badges).toContain('Kunde');
    expect(badges).toContain('Entscheider');
    expect(await card.getByTestId('consent-email').textContent()).toBe('Erteilt');
    expect(await card.getByTestId('marketing-allowed').textContent()).toBe('Ja');
    expect(await card.getByText('Geschäftsführer').count()).toBeGreaterThan(0);

    await card.getByRole('button', { name: /E-Mail/ }).click();
    await card.getByText('Messe IT-Days 2025').waitFor();
    await demo.screenshot('known-sender-card');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });

  it('follows the selected item and lists the people on it', async () => {
    await demo.pane.getByTestId('contact-card').waitFor();
    // Max wrote to the user with Lisa in Cc: both are listed, Max is shown.
    const people = demo.pane.getByTestId('participants').getByRole('button');
    expect(await people.count()).toBe(2);

    await demo.selectItem(/Jonas Neumann/);
    const unknown = demo.pane.getByTestId('unknown-card');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('jonas.neumann@gmx.de');
    await demo.screenshot('item-switch-unknown');

    await demo.selectItem(/Max Mustermann/);
    await demo.pane.getByTestId('contact-card').getByRole('heading', { name: 'Max Mustermann' }).waitFor();

    await people.filter({ hasText: 'Lisa Müller' }).click();
    await demo.pane.getByTestId('contact-card').getByRole('heading', { name: 'Lisa Müller' }).waitFor();
    expect(await demo.pane.getByTestId('contact-card').textContent()).toContain('Rechnungskontakt');
  });

  it('shows a confirmation without request or proof as not proven, and no marketing email', async () => {
    // Legacy data: a double-opt-in confirmation stored with neither its request nor a proof.
    await server.app.mongo.db!.collection('contacts').updateOne({ _id: new Types.ObjectId(muster.lisa.id) }, {
      $push: {
        'consent.channels.email': {
          id: new Types.ObjectId().toHexString(),
          type: 'doubleOptInConfirmed',
          at: '2024-05-02T10:00:00.000Z',
          source: 'Import Altsystem',
          recordedBy: { id: 'import', name: 'Import' },
        },
      },
      $inc: { version: 1 },
    } as never);
    await demo.close();
    demo = await openDemo(browser, server.baseUrl);
    await demo.pane.getByTestId('participants').getByRole('button').filter({ hasText: 'Lisa Müller' }).click();
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Lisa Müller' }).waitFor();
    expect(await card.getByTestId('marketing-allowed').textContent()).toBe('Nein');
    await card
      .getByText('Double-Opt-in-Bestätigung ohne Anfrage und ohne Nachweis – gilt nicht als Einwilligung.')
      .waitFor();
    expect(await card.getByTestId('consent-email').textContent()).toBe('Keine Einwilligung');
    await card.getByRole('button', { name: /E-Mail/ }).click();
    expect(await card.getByTestId('consent-unproven').textContent()).toMatch(/^Nicht nachgewiesen/);
    await demo.screenshot('unproven-confirmation-card');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });

  it('lists the three attendees of a meeting', async () => {
    await demo.selectItem(/Termin/);
    const people = demo.pane.getByTestId('participants').getByRole('button');
    await demo.pane.getByTestId('contact-card').waitFor();
    expect(await people.allTextContents()).toEqual([
      expect.stringContaining('Max Mustermann'),
      expect.stringContaining('Lisa Müller'),
      expect.stringContaining('Tom Techniker'),
    ]);
    await demo.screenshot('meeting-three-attendees');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });

  it('opens the company with its people and their roles', async () => {
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('button', { name: /Muster GmbH/ }).click();
    const company = demo.pane.getByTestId('company-view');
    await company.waitFor();
    const text = await company.textContent();
    for (const expected of [
      'Max Mustermann',
      'Lisa Müller',
      'Tom Techniker',
      'Rechnungskontakt',
      'Technischer Kontakt',
    ]) {
      expect(text).toContain(expected);
    }
    await demo.screenshot('company-view');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });

  it('follows the Office theme and display language', async () => {
    await demo.pane.getByTestId('contact-card').waitFor();
    await demo.page.getByLabel('Design').selectOption('dark');
    await demo.page.getByLabel('Sprache').selectOption('en');
    await demo.pane.getByText('Marketing email allowed?').waitFor();
    await demo.screenshot('known-sender-dark-english');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);

    // High contrast: the selected person (HighlightText on Highlight) must stay readable.
    await demo.page.getByLabel('Theme').selectOption('highContrast');
    await demo.pane.getByText('Marketing email allowed?').waitFor();
    await demo.screenshot('known-sender-high-contrast');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);
  });
});
