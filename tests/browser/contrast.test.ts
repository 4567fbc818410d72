import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDemo, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { ContrastSurvey, formatFailures, type ContrastRecord } from './support/contrast';
import { create, demoUserClient, seedMusterGmbH } from './support/seed';
import { openTeamsTab, type TeamsThemeName } from './support/teams-host';

// WCAG 2.2 SC 1.4.3 in both front ends, in light, dark and high contrast: every visible text,
// including hovered and keyboard-focused controls, selected items, badges, hints, message bars,
// form errors and dialogs, against what is painted behind it (support/contrast.ts).

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// colorNeutralBackground1 of each theme: the provider carries it once the theme has switched.
const BACKGROUND = { light: '#ffffff', dark: '#292929', highContrast: '#000000' } as const;
type Theme = keyof typeof BACKGROUND;
const THEMES = Object.keys(BACKGROUND) as Theme[];

// Every provider, portals included, carries the theme, and no colour transition is still running.
async function waitForTheme(frame: Frame, theme: Theme): Promise<void> {
  await frame.waitForFunction(
    (expected) =>
      Array.from(document.querySelectorAll('.fui-FluentProvider')).every(
        (el) => getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() === expected,
      ) && document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    BACKGROUND[theme],
  );
}

function report(name: string, survey: ContrastSurvey): void {
  const worst = survey.worstByTheme();
  const summary = Object.fromEntries(
    Object.entries(worst).map(([theme, r]) => [
      theme,
      r && { ratio: r.ratio, fg: r.fg, bg: r.bg, text: r.text, view: r.view, state: r.state },
    ]),
  );
  const dir = path.join(SCREENSHOT_DIR, '..');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `contrast-${name}.json`),
    JSON.stringify({ samples: survey.records.length, worst: summary, failures: survey.failures() }, null, 2),
  );
  console.log(`${name}: ${survey.records.length} samples; worst per theme ${JSON.stringify(summary, null, 1)}`);
}

function expectNoFailures(failures: ContrastRecord[]): void {
  expect(failures.length, `texts below WCAG AA contrast:\n${formatFailures(failures)}`).toBe(0);
}

describe('contrast in the Outlook task pane (demo page, stub mailbox)', () => {
  let server: BrowserApp;
  beforeAll(async () => {
    server = await startBrowserApp();
    const api = await demoUserClient(server.baseUrl);
    const { max } = await seedMusterGmbH(api);
    // A number that cannot be dialled: the card offers "Beheben", the editor opens marked there.
    await api.patchContact(max.id, max.version, { businessPhones: ['12'] });
    // "Holzbau Schäfer AG" makes the create form of the firm in the demo inbox warn about a duplicate.
    await create(api, { kind: 'company', name: 'Holzbau Schäfer AG', relationships: ['supplier'] });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('meets WCAG AA in light, dark and high contrast', async () => {
    const demo = await openDemo(browser, server.baseUrl, { reducedMotion: 'reduce' });
    const survey = new ContrastSurvey(demo.page);
    const pane = demo.pane;
    const frame = () => demo.paneFrame();
    // Each view in each theme; `prepare` brings the view up again after a theme switch if needed.
    const eachTheme = async (view: string, scope = 'body') => {
      for (const theme of THEMES) {
        await demo.page.getByLabel(/^(Design|Theme)$/).selectOption(theme);
        await waitForTheme(frame(), theme);
        await waitForTheme(demo.page.mainFrame(), theme);
        await survey.all(frame(), theme, view, scope);
      }
    };
    try {
      const card = pane.getByTestId('contact-card');
      await card.getByRole('heading', { name: 'Max Mustermann' }).waitFor();
      await card.getByRole('button', { name: /E-Mail/ }).click();
      await card.getByText('Messe IT-Days 2025').waitFor();
      for (const theme of THEMES) {
        await demo.page.getByLabel(/^(Design|Theme)$/).selectOption(theme);
        await waitForTheme(demo.page.mainFrame(), theme);
        await survey.all(demo.page.mainFrame(), theme, 'demo page: header and inbox');
      }
      await eachTheme('known sender card, participants (Max selected)');
      // Still in high contrast: Max selected, the mouse over Lisa.
      await pane
        .getByTestId('participants')
        .getByRole('button', { name: /Lisa Müller/ })
        .hover();
      await demo.screenshot('contrast-pane-high-contrast-participants');

      await card.getByRole('button', { name: /Muster GmbH/ }).click();
      await pane.getByTestId('company-view').waitFor();
      await eachTheme('company view');
      await pane.getByRole('button', { name: 'Zurück' }).first().click();

      await card.getByRole('button', { name: 'Bearbeiten' }).click();
      const editor = pane.getByRole('form', { name: /bearbeiten/ });
      await editor.getByLabel(/Budget von/).fill('5000');
      await editor.getByLabel(/Budget bis/).fill('1000');
      await editor.getByRole('button', { name: 'Speichern' }).click();
      await editor.getByRole('alert').first().waitFor();
      await eachTheme('editor with an error', 'form');
      await editor.getByRole('button', { name: 'Abbrechen' }).click();

      await card.getByRole('button', { name: /^Beheben: Telefonnummer/ }).click();
      await editor.getByText('Diese Angabe bitte prüfen.').waitFor();
      await eachTheme('editor opened at a finding (marked field, phone hint)', 'form');
      await editor.getByRole('button', { name: 'Abbrechen' }).click();

      await card.getByRole('button', { name: 'Notiz hinzufügen' }).click();
      const notes = pane.getByRole('form', { name: 'Notizen zu Max Mustermann' });
      await notes.waitFor();
      await eachTheme('notes editor');
      await notes.getByRole('button', { name: 'Zurück' }).click();

      await card.getByRole('button', { name: 'Einwilligung erfassen' }).click();
      const consent = pane.getByRole('form', { name: 'Einwilligung erfassen' });
      await consent.getByLabel('Ereignis').selectOption('optOut');
      await eachTheme('consent form', 'form');
      await consent.getByRole('button', { name: 'Abbrechen' }).click();

      await demo.selectItem(/Termin/);
      await pane.getByTestId('participants').getByRole('button').nth(2).waitFor();
      await pane
        .getByTestId('participants')
        .getByRole('button', { name: /Lisa Müller/ })
        .click();
      await card.getByRole('heading', { name: 'Lisa Müller' }).waitFor();
      await eachTheme('meeting, three attendees (Lisa selected)');

      await demo.selectItem(/Jana Maier/);
      const unknown = pane.getByTestId('unknown-card');
      await unknown.waitFor();
      await eachTheme('unknown sender at a known company');
      await unknown.getByRole('button', { name: 'Kontakt anlegen' }).click();
      const form = pane.getByRole('form', { name: 'Kontakt anlegen' });
      // An empty required field shows its error; the submit button is disabled meanwhile.
      await form.getByLabel(/^Nachname/).fill('');
      await form.getByText('Pflichtfeld').waitFor();
      await eachTheme('create form with a duplicate warning and an error', 'form');
      await form.getByRole('button', { name: 'Abbrechen' }).click();

      await demo.selectItem(/Holzbau Schäfer/);
      await pane.getByTestId('unknown-card').getByRole('button', { name: 'Kontakt anlegen' }).click();
      await pane.getByTestId('duplicate-warning').getByText('Holzbau Schäfer AG').waitFor();
      await eachTheme('create a firm, duplicate warning', 'form');
      await demo.screenshot('contrast-pane-high-contrast');
    } finally {
      await demo.close();
    }
    report('outlook-pane', survey);
    expectNoFailures(survey.failures());
  }, 600_000);
});

describe('contrast in the Teams tab (stub Teams client, demo tenant)', () => {
  let server: BrowserApp;
  beforeAll(async () => {
    // The demo tenant: leads of every age and status, data-quality findings, duplicates.
    server = await startBrowserApp({ SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const TEAMS_THEME: Record<Theme, TeamsThemeName> = { light: 'default', dark: 'dark', highContrast: 'contrast' };

  it('meets WCAG AA in light, dark and high contrast', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'de-DE',
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    const tab = await openTeamsTab(context, server.baseUrl, { theme: 'default', locale: 'de-DE' });
    tab.page.on('pageerror', (err) => errors.push(err.message));
    const survey = new ContrastSurvey(tab.page);
    const frame = tab.frame();
    const eachTheme = async (view: string, scope = 'body') => {
      for (const theme of THEMES) {
        await tab.setTheme(TEAMS_THEME[theme]);
        await waitForTheme(frame, theme);
        await survey.all(frame, theme, view, scope);
      }
    };
    const shoot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
    try {
      await frame.getByRole('heading', { name: 'Lead-Review' }).waitFor();
      await frame.getByRole('button', { name: 'Zum Kunden machen' }).first().waitFor();
      await eachTheme('lead review');
      await frame.getByRole('switch', { name: 'Nur überfällige' }).click();
      await eachTheme('lead review, overdue only', 'main');
      await frame.getByRole('switch', { name: 'Nur überfällige' }).click();

      await frame.getByRole('button', { name: 'Archivieren …' }).first().click();
      const dialog = frame.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Kein Bedarf' }).click();
      await eachTheme('archive dialog', '[role=dialog]');
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();

      await frame.getByRole('button', { name: 'Qualifizieren' }).first().click();
      await frame.getByText(/ist jetzt in Qualifizierung/).waitFor();
      await eachTheme('lead review after qualifying (status message)', 'main');

      await frame.getByTestId('lead-item').first().getByRole('button').first().click();
      const drawer = frame.getByRole('dialog');
      await drawer.getByTestId('contact-card').waitFor();
      await eachTheme('contact drawer over the leads', '[role=dialog]');
      await drawer.getByRole('button', { name: 'Bearbeiten' }).click();
      await drawer.getByRole('form').waitFor();
      await eachTheme('editor in the drawer', '[role=dialog]');
      await drawer.getByLabel('Schlagwörter').fill('Messe, Rückruf');
      await drawer.getByRole('button', { name: 'Speichern' }).click();
      await drawer.getByText('Änderungen gespeichert.').waitFor();
      await eachTheme('drawer after saving (success message)', '[role=dialog]');
      await drawer.getByRole('button', { name: 'Schließen' }).click();

      await frame.getByRole('tab', { name: 'Datenpflege' }).click();
      await frame.getByTestId('quality-item').first().waitFor();
      await frame.getByTestId('duplicate-group').first().waitFor();
      await frame.getByTestId('duplicate-group').first().getByRole('radio').first().check();
      await eachTheme('data care');
      await frame.getByTestId('duplicate-group').first().getByRole('button', { name: 'Zusammenführen …' }).click();
      await frame.getByRole('alertdialog').waitFor();
      await eachTheme('merge dialog', '[role=alertdialog]');
      await frame.getByRole('alertdialog').getByRole('button', { name: 'Abbrechen' }).click();

      // The sales work (issue 12): the demo pipeline, its forecast, and the demo user's Wiedervorlagen.
      const light = async () => {
        await tab.setTheme('default');
        await waitForTheme(frame, 'light');
      };
      await frame.getByRole('tab', { name: 'Verkaufschancen' }).click();
      await frame.getByText('Wartungsvertrag Druckerflotte').waitFor();
      await eachTheme('pipeline board');
      await light();
      // The survey scrolled the board sideways to its last column; the picture starts at the first.
      await frame.locator('body').evaluate((body) => {
        for (const el of body.querySelectorAll('*')) if (el.scrollLeft > 0) el.scrollLeft = 0;
      });
      await shoot(tab.page, 'teams-pipeline-demo');
      await frame.getByRole('tab', { name: 'Prognose' }).click();
      await frame.getByRole('table').waitFor();
      await eachTheme('forecast (chart and table)');
      await light();
      await shoot(tab.page, 'teams-forecast-demo');
      await frame.getByRole('tab', { name: 'Wiedervorlagen' }).click();
      await frame.getByTestId('follow-up-row').first().waitFor();
      await eachTheme('Meine Wiedervorlagen');
      await light();
      await shoot(tab.page, 'teams-follow-ups-demo');

      await frame.getByRole('tab', { name: 'Suche' }).click();
      await frame.getByRole('searchbox').fill('Muster');
      const results = frame.getByRole('list', { name: 'Suchergebnisse' });
      await results.getByRole('button').first().click();
      await frame.getByTestId('contact-card').waitFor();
      await eachTheme('search with a selected result and its card');
      await shoot(tab.page, 'contrast-teams-high-contrast');

      // Vorlagen (issue 14): the demo templates, one in the editor, and the admin's Versandprüfung.
      await frame.getByRole('tab', { name: 'Vorlagen', exact: true }).click();
      await frame.getByTestId('template-row').first().waitFor();
      await eachTheme('templates');
      await frame.getByTestId('template-row').first().getByRole('button').click();
      const templateEditor = frame.getByRole('dialog', { name: 'Vorlage bearbeiten' });
      await templateEditor.getByRole('textbox', { name: 'Text' }).waitFor();
      await eachTheme('template editor', '[role=dialog]');
      await templateEditor.getByRole('button', { name: 'Schließen' }).click();
      await templateEditor.waitFor({ state: 'hidden' });
      await frame.getByRole('tab', { name: 'Versandprüfung' }).click();
      await frame.getByRole('switch', { name: 'Versandprüfung aktiv' }).waitFor();
      await eachTheme('send check settings');

      // Microsoft 365-Sync (issue 13): the overview on a server without Graph credentials, and the settings.
      await frame.getByRole('tab', { name: 'Microsoft 365-Sync' }).click();
      await frame.getByTestId('mirror-not-configured').waitFor();
      await eachTheme('mirror overview (not set up on the server)');
      await frame.getByRole('tab', { name: 'Einstellungen', exact: true }).click();
      await frame.getByRole('button', { name: 'Zielpostfach hinzufügen' }).click();
      await frame.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await frame.getByText('Bitte die E-Mail-Adresse des Postfachs angeben.').waitFor();
      await eachTheme('mirror settings with a field problem');
    } finally {
      await context.close();
    }
    report('teams-tab', survey);
    expect(errors).toEqual([]);
    expectNoFailures(survey.failures());
  }, 600_000);
});
