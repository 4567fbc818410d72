import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolations, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient, seedMusterGmbH } from './support/seed';

/** The hits spelled like the search text (a search also lists sound-alikes, marked `phonetic`). */
const spelledAs = <T extends { match?: string }>(items: T[]): T[] => items.filter((item) => item.match !== 'phonetic');

let browser: Browser;
let server: BrowserApp;
let api: ApiClient;
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
});
afterEach(async (test) => {
  const page = demo;
  demo = undefined;
  await page?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

// Presses Tab until the focused element is the button with this text (at most 30 times).
async function tabTo(ui: DemoPage, text: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await ui.page.keyboard.press('Tab');
    const focused = await ui.paneFrame().evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === 'BUTTON' ? el.textContent : null;
    });
    if (focused === text) return;
  }
  throw new Error(`no button "${text}" reachable with Tab`);
}

async function openPane(): Promise<DemoPage> {
  demo = await openDemo(browser, server.baseUrl);
  return demo;
}

describe('creating a contact from an unknown sender', () => {
  it('creates the contact in one click, prefilled, and shows the card', async () => {
    const ui = await openPane();
    await ui.selectItem(/Jonas Neumann/);
    await ui.pane.getByRole('button', { name: 'Kontakt anlegen' }).click();
    const form = ui.pane.getByRole('form', { name: 'Kontakt anlegen' });
    await form.waitFor();
    expect(await form.getByLabel('Vorname').inputValue()).toBe('Jonas');
    expect(await form.getByLabel(/^Nachname/).inputValue()).toBe('Neumann');
    expect(await form.getByRole('radio', { name: /Ohne Firma/ }).isChecked()).toBe(true);
    await ui.screenshot('create-form-prefilled');
    expect(await axeViolations(ui.paneFrame())).toEqual([]);

    // A double click (or an impatient second click) must not create two contacts.
    await form.getByRole('button', { name: 'Kontakt anlegen' }).dblclick();
    const card = ui.pane.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jonas Neumann' }).waitFor();
    expect(await card.getByRole('list', { name: /Beziehung/ }).textContent()).toContain('Lead');
    // A new lead starts with status "Neu": never a "lead without lead data".
    expect(await card.getByTestId('lead-status').textContent()).toBe('Neu');
    expect(await card.textContent()).not.toContain('Lead ohne Lead-Angaben');
    await ui.screenshot('created-contact-card');

    const found = await api.listContacts({ q: 'Neumann' });
    expect(found.items.map((item) => [item.displayName, item.email])).toEqual([
      ['Jonas Neumann', 'jonas.neumann@gmx.de'],
    ]);
  });

  it('creates a firm that writes from its general mailbox as a company, not as a person', async () => {
    const ui = await openPane();
    await ui.selectItem(/Holzbau Schäfer/);
    await ui.pane.getByTestId('unknown-card').getByRole('button', { name: 'Kontakt anlegen' }).click();
    const form = ui.pane.getByRole('form', { name: 'Kontakt anlegen' });
    await form.waitFor();
    expect(await form.getByRole('radio', { name: /^Firma/ }).isChecked()).toBe(true);
    expect(await form.getByLabel(/^Firmenname/).inputValue()).toBe('Holzbau Schäfer GmbH');
    expect(await form.getByLabel('Nachname', { exact: false }).count()).toBe(0);
    await ui.screenshot('create-company-from-firm-mailbox');
    expect(await axeViolations(ui.paneFrame())).toEqual([]);
    await form.getByRole('button', { name: 'Firma anlegen' }).click();
    await ui.pane.getByTestId('contact-card').getByRole('heading', { name: 'Holzbau Schäfer GmbH' }).waitFor();

    const found = await api.listContacts({ q: 'Holzbau' });
    expect(found.items.map((item) => [item.kind, item.displayName, item.email])).toEqual([
      ['company', 'Holzbau Schäfer GmbH', 'info@holzbau-schaefer.de'],
    ]);
  });

  it('warns about an existing company before creating it again, for a company and for a person with a new company', async () => {
    await create(api, { kind: 'company', name: 'Holzbau Schäfer AG', relationships: ['customer'] });
    const ui = await openPane();
    await ui.selectItem(/Holzbau Schäfer/);
    await ui.pane.getByTestId('unknown-card').getByRole('button', { name: 'Kontakt anlegen' }).click();
    const form = ui.pane.getByRole('form', { name: 'Kontakt anlegen' });
    const warning = ui.pane.getByTestId('duplicate-warning');
    await warning.getByText('Holzbau Schäfer AG').waitFor();

    // As a person with a new company "Holzbau Schäfer GmbH", the company is still checked.
    await form.getByRole('radio', { name: 'Person' }).check();
    await form.getByLabel(/^Nachname/).fill('Schäfer');
    await form.getByLabel('Vorname').fill('Heinz');
    expect(await form.getByRole('radio', { name: 'Neue Firma anlegen' }).isChecked()).toBe(true);
    await warning.getByText('Holzbau Schäfer AG').waitFor();
    expect(await form.getByRole('button', { name: 'Trotzdem anlegen' }).isVisible()).toBe(true);
  });

  it('works with the keyboard alone', async () => {
    const ui = await openPane();
    await ui.selectItem(/Jonas Neumann/);
    await ui.pane.getByTestId('unknown-card').waitFor();
    const frame = ui.paneFrame();
    // Into the pane as Outlook hands focus over, then only keys.
    await frame.focus('main');
    await tabTo(ui, 'Kontakt anlegen');
    await ui.page.keyboard.press('Enter');
    const heading = ui.pane.getByRole('heading', { name: 'Kontakt anlegen' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await tabTo(ui, 'Kontakt anlegen');
    await ui.page.keyboard.press('Enter');
    await ui.pane.getByTestId('contact-card').getByRole('heading', { name: 'Jonas Neumann' }).waitFor();
  });

  it('warns about "Meyer" before creating "Maier" at Muster GmbH', async () => {
    const { company } = await seedMusterGmbH(api);
    const meyer = await create(api, {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Meyer',
      position: 'Einkauf',
      emails: [{ address: 'j.meyer@muster.de', primary: true }],
      companyId: company.id,
      relationships: ['customer'],
    });
    const ui = await openPane();
    await ui.selectItem(/Jana Maier/);
    const unknown = ui.pane.getByTestId('unknown-card');
    await unknown.getByText(/Muster GmbH ist bereits bekannt/).waitFor();
    await unknown.getByRole('button', { name: 'Kontakt anlegen' }).click();

    const form = ui.pane.getByRole('form', { name: 'Kontakt anlegen' });
    expect(await form.getByRole('radio', { name: /Vorhandene Firma: Muster GmbH/ }).isChecked()).toBe(true);
    const warning = ui.pane.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Jana Meyer');
    expect(await warning.textContent()).toMatch(/ähnlich klingender Name/i);
    // With a possible duplicate on screen, saving is an explicit decision.
    expect(await form.getByRole('button', { name: 'Trotzdem anlegen' }).isVisible()).toBe(true);
    await ui.screenshot('duplicate-warning-maier-meyer');
    expect(await axeViolations(ui.paneFrame())).toEqual([]);

    await warning.getByRole('button', { name: /Vorhandenen öffnen/ }).click();
    const card = ui.pane.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jana Meyer' }).waitFor();
    expect(await card.getByTestId('contact-number').textContent()).toBe(meyer.contactNumber);
    // Jana Meyer is found by sound (marked phonetic); nobody is spelled Maier.
    expect(spelledAs((await api.listContacts({ q: 'Maier' })).items)).toEqual([]);
  });

  it('creates the person anyway, at the company matched by the domain', async () => {
    const { company } = await seedMusterGmbH(api);
    await create(api, {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Meyer',
      emails: [{ address: 'j.meyer@muster.de', primary: true }],
      companyId: company.id,
      relationships: ['customer'],
    });
    const ui = await openPane();
    await ui.selectItem(/Jana Maier/);
    await ui.pane.getByRole('button', { name: 'Kontakt anlegen' }).click();
    // A person at a customer starts as a customer contact, not as a lead.
    const form = ui.pane.getByRole('form', { name: 'Kontakt anlegen' });
    expect(await form.getByRole('checkbox', { name: 'Kunde' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Lead' }).isChecked()).toBe(false);
    await ui.pane.getByTestId('duplicate-warning').waitFor();
    await ui.pane.getByRole('button', { name: 'Trotzdem anlegen' }).click();
    const card = ui.pane.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Jana Maier' }).waitFor();
    expect(await card.textContent()).toContain('Muster GmbH');
    expect(await card.getByRole('list', { name: /Beziehung/ }).textContent()).toBe('Kunde');
    expect(await card.textContent()).not.toContain('Lead ohne Lead-Angaben');
    const created = spelledAs((await api.listContacts({ q: 'Maier' })).items);
    expect(created.map((item) => [item.displayName, item.companyName])).toEqual([['Jana Maier', 'Muster GmbH']]);
    expect((await api.getContact(created[0]?.id ?? '')).customerSince).toBe('2019-03-01');
  });
});
