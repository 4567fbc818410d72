import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { axeViolationsBesidesFocusGuards, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create } from './support/seed';

// The Teams tab's "Vorlagen" against the real API serving the built tab: Marketing writes a
// template with placeholders in the rich-text editor, sees an unknown placeholder refused at the
// field, previews it for a chosen contact, edits (with the unsaved-changes question and a 412
// from a colleague's save) and deletes it; Sales does not see the section; the admin's
// Versandprüfung settings survive a reload; and the section fits a 320 px side panel.

let browser: Browser;
let server: BrowserApp;
let marketing: ApiClient;
let admin: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

async function client(roles: string[], name: string): Promise<ApiClient> {
  const response = await fetch(`${server.baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles, name, userId: `user-${name.replace(/\W/g, '')}` }),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  const api = createApiClient({ baseUrl: server.baseUrl, getToken: async () => accessToken, language: () => 'de' });
  await api.me();
  return api;
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  [marketing, admin] = await Promise.all([
    client(['CRM.Marketing'], 'Mara Marketing'),
    client(['CRM.Admin'], 'Anton Admin'),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // TeamsJS's valid-domain prefetch is refused by the CSP (it falls back to its list); API
  // answers such as 400 and 412 are logged by the browser and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** The tab signed in with `roles`, on the Vorlagen section when the roles may see it. */
async function openTab(roles: string[], viewport = { width: 1280, height: 900 }): Promise<Page> {
  context = await browser.newContext({ viewport, locale: 'de-DE' });
  const page = await context.newPage();
  await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify({ roles }) }));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return page;
}

async function openTemplates(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Vorlagen', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Vorlagen', exact: true });
  await panel.getByRole('heading', { name: 'Vorlagen', level: 2 }).waitFor();
  return panel;
}

async function insertPlaceholder(page: Page, drawer: Locator, token: string): Promise<void> {
  await drawer.getByRole('button', { name: 'Platzhalter einfügen' }).click();
  await page.getByRole('menuitem', { name: new RegExp(token.replace(/[{}]/g, '\\$&')) }).click();
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });

describe('Teams tab: Vorlagen', () => {
  it('Marketing writes, refuses, previews, edits and deletes a template', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Marketing may not create contacts (contacts:write); the admin does.
    const erika = await create(admin, {
      kind: 'person',
      salutation: 'Frau',
      title: 'Dr.',
      firstName: 'Erika',
      lastName: 'Vorlagentest',
      emails: [{ address: `erika.vorlagentest.${randomUUID().slice(0, 8)}@example.org`, primary: true }],
      relationships: ['lead'],
    });
    const page = await openTab(['CRM.Marketing']);
    const panel = await openTemplates(page);

    await panel.getByRole('button', { name: 'Neue Vorlage' }).click();
    const drawer = page.getByRole('dialog', { name: 'Neue Vorlage' });
    await drawer.getByRole('textbox', { name: 'Name' }).fill('Frühjahrsaktion');
    // No purpose is preselected: saving without one asks for it at the field.
    for (const purpose of [/^Marketing/, /^Transaktional/, /^Persönlich/]) {
      expect(await drawer.getByRole('radio', { name: purpose }).isChecked()).toBe(false);
    }
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    const purposeMissing = drawer.getByText(/^Bitte den Zweck wählen/);
    await purposeMissing.waitFor();
    expect((await marketing.listTemplates()).items.map((t) => t.name)).not.toContain('Frühjahrsaktion');
    await drawer.getByRole('radio', { name: /^Marketing/ }).check();
    await purposeMissing.waitFor({ state: 'detached' });
    expect(await drawer.getByRole('radio', { name: 'Deutsch' }).isChecked()).toBe(true);

    // Subject: typed, then a placeholder at its cursor.
    const subject = drawer.getByRole('textbox', { name: 'Betreff' });
    await subject.fill('Neuheiten für ');
    await subject.press('End');
    await insertPlaceholder(page, drawer, '{{firma}}');
    await expect.poll(() => subject.inputValue()).toBe('Neuheiten für {{firma}}');

    // Body: the salutation placeholder, bold text from the toolbar, and a misspelt placeholder.
    const body = drawer.getByRole('textbox', { name: 'Text' });
    await body.click();
    await insertPlaceholder(page, drawer, '{{briefanrede}}');
    await expect.poll(() => body.textContent()).toBe('{{briefanrede}}');
    await body.press('End');
    await body.press('Enter');
    await page.keyboard.type('wir zeigen Ihnen ');
    // Bold on from the toolbar (the editor gets the focus back), off with the keyboard.
    const bold = drawer.getByRole('button', { name: 'Fett (Strg+B)' });
    await bold.click();
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => body.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('unsere Neuheiten');
    await page.keyboard.press('Control+b');
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type(', {{vornam}}.');
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    await drawer.getByText(/Unbekannter Platzhalter \{\{vornam\}\}/).waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect((await marketing.listTemplates()).items.map((t) => t.name)).not.toContain('Frühjahrsaktion');

    // Corrected where it was wrong: the field's message goes with the change.
    for (let i = 0; i < 3; i++) await body.press('Backspace');
    await page.keyboard.type('e}}.');
    await expect.poll(() => body.getAttribute('aria-invalid')).toBeNull();
    await drawer.getByRole('button', { name: 'Speichern' }).click();
    // Saved, the new template is the one being edited.
    const editor = page.getByRole('dialog', { name: 'Vorlage bearbeiten' });
    await editor.getByText('Gespeichert.').waitFor();
    const [stored] = (await marketing.listTemplates()).items.filter((t) => t.name === 'Frühjahrsaktion');
    expect(stored).toMatchObject({ purpose: 'marketing', language: 'de' });
    expect(stored?.placeholders).toEqual(['firma', 'briefanrede', 'vorname']);
    const full = await marketing.getTemplate(stored?.id ?? '');
    expect(full.bodyHtml).toContain('<strong>unsere Neuheiten</strong>');

    // Preview for Erika: the formal salutation with her title; no company, so "Firma" is empty.
    await editor.getByRole('combobox', { name: 'Vorschau für Kontakt' }).fill('Vorlagentest');
    await page.getByRole('option', { name: /Dr\. Erika Vorlagentest|Erika Vorlagentest/ }).click();
    await editor.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    const preview = editor.getByTestId('template-preview');
    await preview.getByText(`So sieht ${erika.displayName} die E-Mail:`).waitFor();
    await preview.getByText('Sehr geehrte Frau Dr. Vorlagentest,').waitFor();
    await preview.getByText('wir zeigen Ihnen unsere Neuheiten, Erika.').waitFor();
    expect(await preview.locator('strong').textContent()).toBe('unsere Neuheiten');
    await preview.getByText('Für diesen Kontakt leer: Firma').waitFor();
    await preview.getByText(/^Neuheiten für\s*$/).waitFor();
    await preview.scrollIntoViewIfNeeded();
    await shoot(page, 'teams-template-editor');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);

    // Closing with an unsaved change asks first; "Weiter bearbeiten" keeps the text.
    const name = editor.getByRole('textbox', { name: 'Name' });
    await name.fill('Frühjahrsaktion 2027');
    await editor.getByRole('button', { name: 'Schließen' }).click();
    const discard = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
    await discard.getByRole('button', { name: 'Weiter bearbeiten' }).click();
    await discard.waitFor({ state: 'hidden' });
    expect(await name.inputValue()).toBe('Frühjahrsaktion 2027');

    // A colleague saved meanwhile: 412, "Neu laden" shows their version.
    await marketing.updateTemplate(full.id, full.version, { subject: 'Neu im Frühjahr bei {{firma}}' });
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await editor.getByText('Jemand anderes hat diese Vorlage gerade geändert.', { exact: false }).waitFor();
    await editor.getByRole('button', { name: 'Neu laden' }).click();
    await expect
      .poll(() => editor.getByRole('textbox', { name: 'Betreff' }).inputValue())
      .toBe('Neu im Frühjahr bei {{firma}}');
    expect(await name.inputValue()).toBe('Frühjahrsaktion');
    await name.fill('Frühjahrsaktion 2027');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await editor.getByText('Gespeichert.').waitFor();
    await editor.getByRole('button', { name: 'Schließen' }).click();
    await editor.waitFor({ state: 'hidden' });

    // The list: purpose badge, the consent note of marketing, language, placeholders.
    const row = panel.getByTestId('template-row').filter({ hasText: 'Frühjahrsaktion 2027' });
    await row.getByText('Marketing', { exact: true }).waitFor();
    await row.getByText('Einwilligung beim Senden geprüft').waitFor();
    await row.getByText('Sprache: Deutsch').waitFor();
    await row.getByText('Platzhalter: {{firma}} {{briefanrede}} {{vorname}}').waitFor();
    await shoot(page, 'teams-templates');

    // Delete, after the question.
    await row.getByRole('button', { name: '„Frühjahrsaktion 2027“ bearbeiten' }).click();
    await editor.getByRole('button', { name: 'Löschen …' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Vorlage löschen?' });
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await panel.getByText('„Frühjahrsaktion 2027“ wurde gelöscht.').waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await marketing.listTemplates()).items.map((t) => t.name)).not.toContain('Frühjahrsaktion 2027');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
  }, 180_000);

  it('is not offered to Sales', async () => {
    const page = await openTab(['CRM.Sales']);
    const me = page.waitForResponse((response) => response.url().endsWith('/api/v1/me') && response.ok());
    await page.getByRole('tab', { name: 'Suche' }).waitFor();
    await me;
    await page.getByRole('tab', { name: 'Verkaufschancen' }).click();
    expect(await page.getByRole('tab', { name: 'Vorlagen', exact: true }).count()).toBe(0);
  });

  it('lets the admin change the Versandprüfung, kept after a reload', async () => {
    const page = await openTab(['CRM.Admin']);
    let panel = await openTemplates(page);
    await panel.getByRole('tab', { name: 'Versandprüfung' }).click();
    const form = panel.getByRole('form', { name: 'Versandprüfung' });
    await form.getByRole('switch', { name: 'Versandprüfung aktiv' }).waitFor();
    expect(await form.getByRole('radio', { name: /^Senden verhindern, bis korrigiert/ }).isChecked()).toBe(true);
    // The hint says what the switch's state means; the guide is named, not a repository path.
    await form.getByText('An: Outlook prüft jede Marketing-Mail beim Senden auf Einwilligung.').waitFor();
    expect(await form.getByText('Aus: Outlook sendet auch Marketing-Mails ohne Prüfung.').count()).toBe(0);
    await form.getByText('siehe Bereitstellungsanleitung, 5.1 „Versandprüfung“', { exact: false }).waitFor();
    expect(await form.getByText('docs/', { exact: false }).count()).toBe(0);
    await form.getByText('Kann Outlook auch die Einstellung nicht laden, fragt es nach.', { exact: false }).waitFor();

    await form.getByRole('radio', { name: /^Warnen, Senden trotzdem möglich/ }).check();
    const category = form.getByRole('textbox', { name: 'Kategorie' });
    await category.fill(' Newsletter ');
    await category.press('Enter');
    await category.fill('Aktion');
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    // A second spelling is refused at the field; the first one stays.
    await category.fill('newsletter');
    await category.press('Enter');
    const taken = form.getByText('„newsletter“ ist schon in der Liste.');
    await taken.waitFor();
    const chips = form.getByRole('list', { name: 'Marketing-Kategorien' });
    expect(await chips.getByRole('listitem').allTextContents()).toEqual(['Newsletter', 'Aktion']);
    await form.getByRole('button', { name: '„Aktion“ entfernen' }).click();
    await form.getByRole('radio', { name: /^Senden verhindern\s*Die Mail bleibt/ }).check();
    await form.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await form.getByText('Einstellungen gespeichert.').waitFor();
    // The field's refusal went with the save.
    await taken.waitFor({ state: 'detached' });
    await shoot(page, 'teams-send-check-settings');
    expect(await axeViolationsBesidesFocusGuards(page.mainFrame())).toEqual([]);
    expect(await admin.sendCheckSettings()).toMatchObject({
      enabled: true,
      mode: 'promptUser',
      marketingCategories: ['Newsletter'],
      whenUnavailable: 'block',
    });

    await page.reload();
    panel = await openTemplates(page);
    await panel.getByRole('tab', { name: 'Versandprüfung' }).click();
    const again = panel.getByRole('form', { name: 'Versandprüfung' });
    await again.getByRole('list', { name: 'Marketing-Kategorien' }).getByText('Newsletter').waitFor();
    expect(await again.getByRole('radio', { name: /^Warnen, Senden trotzdem möglich/ }).isChecked()).toBe(true);
    expect(await again.getByRole('radio', { name: /^Senden verhindern\s*Die Mail bleibt/ }).isChecked()).toBe(true);

    // Switched off, nothing below applies: the categories cannot be changed either.
    await again.getByRole('switch', { name: 'Versandprüfung aktiv' }).uncheck();
    await again.getByText('Aus: Outlook sendet auch Marketing-Mails ohne Prüfung.').waitFor();
    expect(await again.getByRole('textbox', { name: 'Kategorie' }).isDisabled()).toBe(true);
    expect(await again.getByRole('button', { name: 'Hinzufügen' }).isDisabled()).toBe(true);
    expect(await again.getByRole('button', { name: '„Newsletter“ entfernen' }).isDisabled()).toBe(true);
  });

  it('says on marketing templates that the check is off when the admin turned it off', async () => {
    await marketing.createTemplate(
      {
        name: 'Herbstaktion',
        subject: 'Neu im Herbst',
        bodyHtml: '<p>{{briefanrede}}</p><p>unsere Neuheiten.</p>',
        language: 'de',
        purpose: 'marketing',
      },
      randomUUID(),
    );
    const before = await admin.sendCheckSettings();
    const { mode, marketingCategories, whenUnavailable } = before;
    await admin.updateSendCheckSettings(before.version, { enabled: false, mode, marketingCategories, whenUnavailable });
    try {
      const page = await openTab(['CRM.Marketing']);
      const panel = await openTemplates(page);
      const row = panel.getByTestId('template-row').filter({ hasText: 'Herbstaktion' });
      await row
        .getByTestId('send-check-off')
        .getByText(/^Versandprüfung ist aus/)
        .waitFor();
      expect(await row.getByText('Einwilligung beim Senden geprüft').count()).toBe(0);
    } finally {
      const now = await admin.sendCheckSettings();
      await admin.updateSendCheckSettings(now.version, { enabled: true, mode, marketingCategories, whenUnavailable });
    }
  });

  it('fits a 320 px side panel: list, editor and preview without sideways scrolling', async () => {
    await marketing.createTemplate(
      {
        name: 'Rechnung mit einem recht langen Namen für ein schmales Seitenfenster',
        subject: 'Ihre Rechnung, {{briefanrede}}',
        bodyHtml: '<p>{{briefanrede}}</p><p>anbei Ihre Rechnung.</p>',
        language: 'de',
        purpose: 'transactional',
      },
      randomUUID(),
    );
    const page = await openTab(['CRM.Marketing'], { width: 320, height: 800 });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const panel = await openTemplates(page);
    await panel.getByTestId('template-row').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await panel.getByRole('button', { name: /^„Rechnung mit einem recht langen Namen/ }).click();
    const editor = page.getByRole('dialog', { name: 'Vorlage bearbeiten' });
    await editor.getByRole('textbox', { name: 'Text' }).waitFor();
    await editor.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await editor
      .getByTestId('template-preview')
      .getByText('Sehr geehrte Frau Dr. Musterfrau,', { exact: true })
      .waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = await editor.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    // The editor's toolbar wraps: at every width of a narrow panel each button, undo and redo
    // included, lies inside the editor and the window.
    const outside = () =>
      editor.getByRole('textbox', { name: 'Text' }).evaluate((el) => {
        const root = el.parentElement?.parentElement;
        const toolbar = root?.querySelector('[role="toolbar"]');
        const rootBox = root?.getBoundingClientRect();
        const right = Math.min(rootBox?.right ?? 0, document.documentElement.clientWidth);
        const bottomLimit = (toolbar?.getBoundingClientRect().bottom ?? 0) + 0.5;
        return [...(toolbar?.querySelectorAll('button') ?? [])]
          .filter((b) => {
            const box = b.getBoundingClientRect();
            return box.right > right + 0.5 || box.left < (rootBox?.left ?? 0) - 0.5 || box.bottom > bottomLimit;
          })
          .map((b) => b.getAttribute('aria-label'));
      });
    for (const width of [280, 300, 320, 340, 360]) {
      await page.setViewportSize({ width, height: 800 });
      expect({ width, outside: await outside() }).toEqual({ width, outside: [] });
    }
    await editor.getByRole('toolbar').screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-template-toolbar-320.png') });
  });
});
