import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../api/src/features/demo/demo-tenant';
import { REPO_ROOT } from '../../api/src/index';
import type { Contact } from '../../shared/src/contacts/contact.schema';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { type FakeMicrosoft, startFakeMicrosoft } from '../fake-graph/index';
import { graphEnv, registerGraphApp } from '../support/mirror-world';
import { axeViolationsBesidesFocusGuards, launchChromium, openDemo, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, seedMusterGmbH } from './support/seed';

// The Teams tab's "Microsoft 365-Sync" against the real API, whose mirror talks to the fake
// Microsoft cloud (tests/fake-graph): the admin sets a target mailbox, runs the sync, sees the
// mailbox refused with Microsoft's reason and what to do, fixes it and sees the contacts synced;
// the card shows the sync time; data care lists a contact created in Outlook until "Geprüft";
// Monday's reminder leads to the section; a server without Graph credentials says so.

const RUN_TIMEOUT = 60_000;

let browser: Browser;
let fake: FakeMicrosoft;
let context: BrowserContext | undefined;
let errors: string[] = [];

async function client(baseUrl: string, roles: string[], name: string): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles, name, userId: `user-${name.replace(/\W/g, '')}` }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return createApiClient({ baseUrl, getToken: async () => accessToken, language: () => 'de' });
}

/** An API on a database of its own whose mirror uses the fake with a fresh app registration. */
async function startMirrorServer(): Promise<{ server: BrowserApp; admin: ApiClient }> {
  const started = await startBrowserApp(graphEnv(fake, registerGraphApp(fake, DEMO_TENANT_ID)));
  return { server: started, admin: await client(started.baseUrl, ['CRM.Admin'], 'Anton Admin') };
}

/** Waits (through the API) until no run is going on and one has finished since `since` (ms). */
async function settled(api: ApiClient, since: number): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT;
  for (;;) {
    const status = await api.mirrorStatus();
    const last = status.lastRun;
    if (!status.running && last?.finishedAt && Date.parse(last.startedAt) >= since - 1000) return;
    if (Date.now() > deadline) throw new Error(`no mirror run finished: ${JSON.stringify(status)}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  // The tab signs in to the demo tenant (the local issuer's default).
  [browser, fake] = await Promise.all([launchChromium(), startFakeMicrosoft({ seed: 13 })]);
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // TeamsJS's valid-domain prefetch is refused by the CSP; API answers such as 412 are logged by
  // the browser and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** The tab signed in with `roles`; `now` fixes the browser's clock (Date) to that instant. */
async function openTab(baseUrl: string, roles: string[], now?: Date): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  if (now) await context.clock.setFixedTime(now);
  const page = await context.newPage();
  await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify({ roles }) }));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${baseUrl}/teams/tab.html`);
  return page;
}

async function openMirror(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Microsoft 365-Sync', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Microsoft 365-Sync', exact: true });
  await panel.getByRole('heading', { name: 'Microsoft 365-Sync', level: 2 }).waitFor();
  return panel;
}

/** The overview's number of contacts with `status` (the tile reads "12 Synchronisiert"). */
async function count(panel: Locator, status: string): Promise<number> {
  return Number(await panel.getByTestId(`mirror-count-${status}`).locator('span').first().textContent());
}

/** "Jetzt synchronisieren", then the overview until it reports the run's end. */
async function syncNow(panel: Locator): Promise<void> {
  const button = panel.getByRole('button', { name: 'Jetzt synchronisieren' });
  await expect.poll(() => button.isEnabled(), { timeout: RUN_TIMEOUT }).toBe(true);
  await button.click();
  await panel
    .getByRole('status')
    .getByText(/^Synchronisierung abgeschlossen:/)
    .waitFor({ timeout: RUN_TIMEOUT });
}

const shoot = async (page: Page, name: string, docs = true) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  if (docs) copyFileSync(file, path.join(REPO_ROOT, 'docs', 'screenshots', `${name}.png`));
};

describe('Teams tab: Microsoft 365-Sync', () => {
  it('configures a target, shows the refused mailbox with what to do, and the contacts synced once fixed', async () => {
    // Microsoft knows the mailbox, but the app may not use it yet (Exchange's application access
    // policy leaves it out).
    const mailboxAddress = 'vertrieb@muster.de';
    fake.addMailbox(DEMO_TENANT_ID, mailboxAddress, { accessDenied: true });
    const { server, admin } = await startMirrorServer();
    try {
      await seedMusterGmbH(admin);
      await create(admin, { kind: 'person', salutation: 'none', firstName: 'Paul', lastName: 'Ohnemail' });
      const page = await openTab(server.baseUrl, ['CRM.Admin']);
      const panel = await openMirror(page);

      // Switched off: the overview says so and why "Jetzt synchronisieren" cannot run.
      await panel.getByText('Die Synchronisierung ist ausgeschaltet', { exact: true }).waitFor();
      expect(await panel.getByRole('button', { name: 'Jetzt synchronisieren' }).isDisabled()).toBe(true);
      await panel.getByText('Nicht möglich: Die Synchronisierung ist ausgeschaltet (Einstellungen).').waitFor();
      await panel.getByRole('button', { name: 'Zu den Einstellungen' }).click();

      // Switching on without a target is refused at the switch; a new row has the default folder.
      const form = panel.getByRole('form', { name: 'Einstellungen der Synchronisierung' });
      await form.getByRole('switch', { name: 'Synchronisierung aktiv' }).check();
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await form.getByText('Zum Einschalten mindestens ein Zielpostfach eintragen.').waitFor();
      await form.getByRole('button', { name: 'Zielpostfach hinzufügen' }).click();
      const row = form.getByRole('group', { name: 'Zielpostfach 1' });
      const mailbox = row.getByRole('textbox', { name: 'Postfach (E-Mail-Adresse)' });
      const folder = row.getByRole('textbox', { name: /^Kontaktordner/ });
      expect(await mailbox.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await folder.inputValue()).toBe('KlarKonform CRM');
      await mailbox.fill('vertrieb');
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await row.getByText('Keine gültige E-Mail-Adresse.').waitFor();
      expect(await mailbox.getAttribute('aria-invalid')).toBe('true');
      expect((await admin.mirrorSettings()).version).toBe(0);
      await mailbox.fill(mailboxAddress);
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await form.getByText('Einstellungen gespeichert. Die Synchronisierung startet.').waitFor();
      expect(await admin.mirrorSettings()).toMatchObject({
        enabled: true,
        targets: [{ mailbox: mailboxAddress, folderName: 'KlarKonform CRM' }],
      });

      // Leaving with an unsaved change asks first; "Weiter bearbeiten" keeps it, "Verwerfen" drops it.
      await folder.fill('CRM');
      await panel.getByRole('tab', { name: 'Übersicht' }).click();
      const discard = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
      await discard.getByRole('button', { name: 'Weiter bearbeiten' }).click();
      await discard.waitFor({ state: 'hidden' });
      expect(await folder.inputValue()).toBe('CRM');
      await panel.getByRole('tab', { name: 'Übersicht' }).click();
      await discard.getByRole('button', { name: 'Verwerfen' }).click();
      await panel.getByTestId('mirror-count-synced').waitFor();

      // The run refused by Exchange: the mailbox's problem with Microsoft's reason and what to do.
      await syncNow(panel);
      const target = panel.getByTestId('mirror-target');
      await target.getByText('Zugriff auf das Postfach verweigert').waitFor();
      await target.getByText(/Erteilen Sie Contacts\.ReadWrite \(Anwendung\) mit Administratorzustimmung/).waitFor();
      await target.getByText(/^Meldung von Microsoft: ErrorAccessDenied/).waitFor();
      expect(await count(panel, 'synced')).toBe(0);
      expect(await count(panel, 'noEmail')).toBe(1);
      await shoot(page, 'teams-mirror-error');
      expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

      // The Exchange admin lets the app in: the next run syncs everyone with an address.
      fake.setMailboxAccess(DEMO_TENANT_ID, mailboxAddress, false);
      await syncNow(panel);
      await target.getByText('Keine Probleme').waitFor();
      expect(await count(panel, 'synced')).toBe(4);
      expect(await count(panel, 'error')).toBe(0);
      expect(await count(panel, 'noEmail')).toBe(1);
      expect(await panel.getByTestId('mirror-last-run').textContent()).toMatch(/von Hand .*4 übertragen/);
      expect(fake.outlook(DEMO_TENANT_ID, mailboxAddress).contacts('KlarKonform CRM')).toHaveLength(4);
      await panel.getByText('Keine Kontakte mit Sync-Fehler.').waitFor();
      await shoot(page, 'teams-mirror');

      // A colleague renamed the folder meanwhile: 412, "Neu laden" shows their settings.
      await panel.getByRole('tab', { name: 'Einstellungen' }).click();
      const current = await admin.mirrorSettings();
      await admin.updateMirrorSettings(current.version, {
        enabled: true,
        targets: [{ mailbox: mailboxAddress, folderName: 'Kontakte CRM' }],
      });
      await folder.fill('Meine Kontakte');
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await form.getByText('Jemand anderes hat die Einstellungen gerade gespeichert.', { exact: false }).waitFor();
      await form.getByRole('button', { name: 'Neu laden' }).click();
      await expect.poll(() => folder.inputValue()).toBe('Kontakte CRM');
      await context?.close();
      context = undefined;

      // The card in Outlook: Max (the demo mail's sender) with the time of his sync.
      const demo = await openDemo(browser, server.baseUrl);
      try {
        const card = demo.pane.getByTestId('contact-card');
        await card.getByRole('heading', { name: 'Max Mustermann' }).waitFor();
        expect(await card.getByTestId('sync-status').textContent()).toMatch(
          /^Synchronisiert · \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
        );
        await card.getByTestId('contact-sync').scrollIntoViewIfNeeded();
        await demo.screenshot('taskpane-sync-status');
        copyFileSync(
          path.join(SCREENSHOT_DIR, 'taskpane-sync-status.png'),
          path.join(REPO_ROOT, 'docs', 'screenshots', 'taskpane-sync-status.png'),
        );
      } finally {
        await demo.close();
      }
    } finally {
      await server.close();
    }
  }, 120_000);

  describe('with the mirror set up', () => {
    const mailboxAddress = 'service@muster.de';
    let server: BrowserApp;
    let admin: ApiClient;
    let erika: Contact;

    beforeAll(async () => {
      fake.addMailbox(DEMO_TENANT_ID, mailboxAddress);
      ({ server, admin } = await startMirrorServer());
      erika = await create(admin, {
        kind: 'person',
        salutation: 'none',
        firstName: 'Erika',
        lastName: 'Sync',
        emails: [{ address: 'erika.sync@kunde.de', primary: true }],
      });
      const since = Date.now();
      await admin.updateMirrorSettings(0, {
        enabled: true,
        targets: [{ mailbox: mailboxAddress, folderName: 'KlarKonform CRM' }],
      });
      await settled(admin, since);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lists a contact created in Outlook under "Aus Outlook — prüfen" until it is reviewed', async () => {
      fake.outlook(DEMO_TENANT_ID, mailboxAddress).create('KlarKonform CRM', {
        givenName: 'Otto',
        surname: 'Outlook',
        emailAddresses: [{ address: 'otto.outlook@kunde.de', name: 'Otto Outlook' }],
      });
      const page = await openTab(server.baseUrl, ['CRM.Admin']);
      const panel = await openMirror(page);
      await syncNow(panel);
      await panel.getByText('1 Kontakt wurde in Outlook angelegt und wartet auf Prüfung.').waitFor();
      await panel.getByRole('button', { name: 'In der Datenpflege prüfen' }).click();

      const care = page.getByRole('tabpanel', { name: 'Datenpflege' });
      const review = care.getByRole('region', { name: 'Aus Outlook — prüfen' });
      const item = review.getByRole('listitem').filter({ hasText: 'Otto Outlook' });
      await item.getByText(`Angelegt in Outlook (${mailboxAddress}) am`, { exact: false }).waitFor();

      // The name opens the contact, as everywhere in data care; the card shows its sync.
      await item.getByRole('button', { name: 'Otto Outlook', exact: true }).click();
      const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
      await drawer.getByRole('heading', { name: 'Otto Outlook' }).waitFor();
      expect(await drawer.getByTestId('sync-status').textContent()).toMatch(/^Synchronisiert · /);
      await drawer.getByRole('button', { name: 'Schließen' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // "Geprüft" by keyboard: the contact leaves the list with a confirmation.
      await item.getByRole('button', { name: 'Otto Outlook als geprüft markieren' }).focus();
      await page.keyboard.press('Enter');
      await review.getByText('Otto Outlook ist geprüft.').waitFor();
      await review.getByText('Alle aus Outlook übernommenen Kontakte sind geprüft.').waitFor();
      expect((await admin.mirrorContacts('review')).items).toEqual([]);
      expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
    });

    it('lists a contact Microsoft kept refusing under "Sync-Fehler", with what to do, until a run gets it through', async () => {
      // Microsoft answers every write with 503 for three runs: the contact is in error.
      fake.setFaults({ rate: 1, kinds: ['batch503'] });
      try {
        const current = await admin.getContact(erika.id);
        await admin.patchContact(erika.id, current.version, { position: 'Einkaufsleiterin' });
        for (let run = 0; run < 3; run++) {
          const since = Date.now();
          await admin.runMirror();
          await settled(admin, since);
        }
      } finally {
        fake.setFaults(null);
      }
      const page = await openTab(server.baseUrl, ['CRM.Admin']);
      await page.getByRole('tab', { name: 'Datenpflege' }).click();
      const care = page.getByRole('tabpanel', { name: 'Datenpflege' });
      const errorsList = care.getByRole('region', { name: 'Sync-Fehler' });
      const item = errorsList.getByRole('listitem').filter({ hasText: 'Erika Sync' });
      await item.getByText('Microsoft 365 nicht erreichbar').waitFor();
      const help = item.getByRole('button', { name: 'Was ist zu tun?' });
      expect(await help.getAttribute('aria-expanded')).toBe('false');
      await help.focus();
      await page.keyboard.press('Enter');
      expect(await help.getAttribute('aria-expanded')).toBe('true');
      await item.getByText('Die Synchronisierung wird automatisch wiederholt.', { exact: false }).waitFor();
      // Microsoft's own words as the API stored them.
      const [stored] = (await admin.mirrorContacts('error')).items;
      expect(stored?.problem?.code).toBe('unavailable');
      await item.getByText(`Meldung von Microsoft: ${stored?.problem?.detail}`).waitFor();

      // The card says the same, the help on demand.
      await item.getByRole('button', { name: 'Erika Sync', exact: true }).click();
      const drawer = page.getByRole('dialog', { name: 'Kontaktkarte' });
      const sync = drawer.getByTestId('contact-sync');
      expect(await sync.getByTestId('sync-status').textContent()).toBe('Synchronisierungsfehler');
      expect(await sync.getByTestId('sync-problem').textContent()).toBe('Microsoft 365 nicht erreichbar');
      await sync.getByRole('button', { name: 'Was ist zu tun?' }).click();
      await sync.getByText(`Postfach ${mailboxAddress}`).waitFor();
      await sync.scrollIntoViewIfNeeded();
      await shoot(page, 'teams-card-sync-error');
      await drawer.getByRole('button', { name: 'Schließen' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // Microsoft answers again: the next run gets Erika through.
      await page.getByRole('tab', { name: 'Microsoft 365-Sync' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Microsoft 365-Sync', exact: true });
      expect(await count(panel, 'error')).toBe(1);
      await panel.getByTestId('mirror-error').getByText('Microsoft 365 nicht erreichbar').waitFor();
      await syncNow(panel);
      expect(await count(panel, 'error')).toBe(0);
      await panel.getByText('Keine Kontakte mit Sync-Fehler.').waitFor();
      expect((await admin.mirrorContacts('error')).items).toEqual([]);
    }, 180_000);

    it('reminds an admin on Monday to check the sync status, not a sales user', async () => {
      const monday = new Date('2026-11-30T08:00:00Z');
      const page = await openTab(server.baseUrl, ['CRM.Admin'], monday);
      const reminder = page.getByTestId('monday-check');
      await reminder.getByText('Montag: Sync-Status prüfen').waitFor();
      await reminder.getByRole('button', { name: 'Sync-Status öffnen' }).click();
      await page.getByRole('tabpanel', { name: 'Microsoft 365-Sync' }).getByTestId('mirror-count-synced').waitFor();
      await reminder.waitFor({ state: 'detached' });
      // Done for this Monday on this browser.
      await page.reload();
      await page.getByRole('tab', { name: 'Microsoft 365-Sync' }).waitFor();
      expect(await reminder.count()).toBe(0);
      await context?.close();

      const sales = await openTab(server.baseUrl, ['CRM.Sales'], monday);
      await sales.getByRole('tab', { name: 'Datenpflege' }).waitFor();
      await sales.getByRole('heading', { name: 'Lead-Review' }).waitFor();
      expect(await sales.getByRole('tab', { name: 'Microsoft 365-Sync' }).count()).toBe(0);
      expect(await sales.getByTestId('monday-check').count()).toBe(0);
    });
  });

  it('explains a server without Microsoft 365 credentials instead of pretending to sync', async () => {
    const bare = await startBrowserApp();
    try {
      const page = await openTab(bare.baseUrl, ['CRM.Admin']);
      const panel = await openMirror(page);
      await panel
        .getByTestId('mirror-not-configured')
        .getByText(/GRAPH_CLIENT_ID/)
        .waitFor();
      expect(await panel.getByRole('button', { name: 'Jetzt synchronisieren' }).isDisabled()).toBe(true);
      await panel.getByText('Nicht möglich: Der Server hat keine Microsoft-365-Zugangsdaten.').waitFor();
      await panel.getByRole('tab', { name: 'Einstellungen' }).click();
      const form = panel.getByRole('form', { name: 'Einstellungen der Synchronisierung' });
      await form.getByText('Auf dem Server nicht eingerichtet').waitFor();
      await form.getByRole('switch', { name: 'Synchronisierung aktiv' }).check();
      await form.getByRole('button', { name: 'Zielpostfach hinzufügen' }).click();
      await form.getByRole('textbox', { name: 'Postfach (E-Mail-Adresse)' }).fill('vertrieb@muster.de');
      await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await form
        .getByText(
          'Einstellungen gespeichert. Synchronisiert wird erst, wenn der Server eingerichtet ist (siehe oben).',
        )
        .waitFor();
    } finally {
      await context?.close();
      context = undefined;
      await bare.close();
    }
  });
});
