import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactCreate } from '../../shared/src/contacts/contact-input.schema';
import { type ApiClient, createApiClient } from '../../shared/src/http/api-client';
import { launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { ContrastSurvey, formatFailures } from './support/contrast';
import { create, demoUserClient } from './support/seed';
import { openTeamsTab, type TeamsThemeName } from './support/teams-host';

// The Teams tab's search and lead review, as a plain web page against the real API: phonetic
// hits marked "ähnlich geschrieben", the list filters, "Meine Kontakte" / "Meine Leads" and an
// owner of the tenant, and answers that arrive late never overwriting newer ones. The demo user
// (the tab's sign-in) and a colleague, Karla Kollegin, own the contacts.

let browser: Browser;
let server: BrowserApp;
let demo: ApiClient;
let karla: ApiClient;
let context: BrowserContext | undefined;
let errors: string[] = [];

async function userClient(baseUrl: string, user: { userId: string; name: string }): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const { accessToken } = (await response.json()) as { accessToken: string };
  return createApiClient({ baseUrl, getToken: async () => accessToken, language: () => 'de' });
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  demo = await demoUserClient(server.baseUrl);
  karla = await userClient(server.baseUrl, { userId: 'karla-kollegin', name: 'Karla Kollegin' });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // Requests the tab gave up (a newer search replaced them) and API answers it handles are
  // logged by the browser too; anything else is a failure.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

async function openTab(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return page;
}

const person = (firstName: string, lastName: string, extra: Partial<ContactCreate> = {}) =>
  ({ kind: 'person', salutation: 'none', firstName, lastName, ...extra }) as ContactCreate;

/** The names in the result list, each with " ~" when it is marked as a similar spelling. */
async function results(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Suchergebnisse' });
  if ((await list.count()) === 0) return [];
  // Read in one go: the list may be re-rendered between two separate reads.
  return list.evaluate((ul) =>
    Array.from(ul.children).map((li) => {
      const name = li.querySelector('button')?.textContent ?? '';
      return li.textContent?.includes('ähnlich geschrieben') ? `${name} ~` : name;
    }),
  );
}

/** Waits until the result list shows exactly `expected`. */
async function expectResults(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => results(page), { timeout: 10_000 }).toEqual(expected);
}

/** Holds the requests `matches` picks until `release()`, then lets them through to the API. */
async function holdRequests(page: Page, matches: (url: URL) => boolean) {
  const held: Route[] = [];
  let seen = 0;
  const handler = (route: Route) => {
    seen++;
    held.push(route);
  };
  await page.route(matches, handler);
  return {
    seen: () => seen,
    async release() {
      await page.unroute(matches, handler);
      // The tab may have given a request up meanwhile: then there is nothing to answer.
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    },
  };
}

describe('Teams tab: search with filters', () => {
  it('marks phonetic hits, filters by relationship, role, owner and "Meine Kontakte", and lists filters alone', async () => {
    await create(demo, person('Anna', 'Meier', { relationships: ['customer'] }));
    await create(demo, person('Clara', 'Maier', { relationships: ['customer'], roles: ['decisionMaker'] }));
    await create(karla, person('Bernd', 'Meyer', { relationships: ['lead'], lead: { status: 'new' } }));
    await create(demo, { kind: 'company', name: 'Schmitt Elektro GmbH', relationships: ['customer'] });
    const page = await openTab();
    await page.getByRole('tab', { name: 'Suche' }).click();
    await page.getByRole('searchbox').fill('Meier');
    await expectResults(page, ['Anna Meier', 'Clara Maier ~', 'Bernd Meyer ~']);

    const filters = page.getByRole('group', { name: 'Filter' });
    const select = (name: string) => filters.getByRole('combobox', { name });
    await select('Beziehung').selectOption({ label: 'Kunde' });
    await expectResults(page, ['Anna Meier', 'Clara Maier ~']);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-search-filters-phonetic.png'), fullPage: true });
    await select('Rolle').selectOption({ label: 'Entscheider' });
    await expectResults(page, ['Clara Maier ~']);
    await select('Rolle').selectOption({ label: 'Alle' });
    await select('Beziehung').selectOption({ label: 'Alle' });

    // Karla's contact, by owner; then "Meine Kontakte" (the demo user's own).
    await select('Betreuer').selectOption({ label: 'Karla Kollegin' });
    await expectResults(page, ['Bernd Meyer ~']);
    await filters.getByRole('button', { name: 'Meine Kontakte' }).click();
    await expectResults(page, ['Anna Meier', 'Clara Maier ~']);
    expect(await select('Betreuer').inputValue()).toBe('me');

    // "Schmidt" finds the firm spelled "Schmitt" by sound; filters alone list what they filter.
    await page.getByRole('searchbox').fill('Schmidt');
    await expectResults(page, ['Schmitt Elektro GmbH ~']);
    await page.getByRole('searchbox').fill('');
    await select('Art').selectOption({ label: 'Person' });
    await expectResults(page, ['Clara Maier', 'Anna Meier']);
    await page.getByText('2 Treffer', { exact: true }).waitFor();
    await filters.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expectResults(page, []);
    expect(await select('Betreuer').inputValue()).toBe('');
  });

  it('never shows a slower answer to an earlier search over a newer one', async () => {
    await create(demo, person('Greta', 'Gruenspan'));
    await create(demo, person('Holger', 'Habicht'));
    const page = await openTab();
    await page.getByRole('tab', { name: 'Suche' }).click();
    const first = await holdRequests(
      page,
      (url) => url.pathname === '/api/v1/contacts' && url.searchParams.get('q') === 'Gruenspan',
    );
    await page.getByRole('searchbox').fill('Gruenspan');
    await expect.poll(first.seen).toBe(1);
    await page.getByRole('searchbox').fill('Habicht');
    await expectResults(page, ['Holger Habicht']);
    await first.release();
    await page.waitForTimeout(500);
    expect(await results(page)).toEqual(['Holger Habicht']);
  });

  it('never appends a late "Weitere laden" page of an earlier search to a newer one', async () => {
    for (let i = 0; i < 26; i++) await create(demo, person(`Vorname${String(i).padStart(2, '0')}`, 'Zollner'));
    await create(demo, person('Ida', 'Zuckmayer'));
    const page = await openTab();
    await page.getByRole('tab', { name: 'Suche' }).click();
    await page.getByRole('searchbox').fill('Zollner');
    await expect.poll(async () => (await results(page)).length).toBe(25);
    const more = await holdRequests(
      page,
      (url) => url.pathname === '/api/v1/contacts' && url.searchParams.has('cursor'),
    );
    await page.getByRole('button', { name: 'Weitere laden' }).click();
    await expect.poll(more.seen).toBe(1);
    await page.getByRole('searchbox').fill('Zuckmayer');
    await expectResults(page, ['Ida Zuckmayer']);
    await more.release();
    await page.waitForTimeout(500);
    expect(await results(page)).toEqual(['Ida Zuckmayer']);
  });
});

describe('Teams tab: search contrast', () => {
  it('keeps the filters and the "ähnlich geschrieben" mark at WCAG AA in light, dark and high contrast', async () => {
    await create(demo, person('Olaf', 'Kontrastmeier'));
    await create(demo, person('Otto', 'Kontrastmeyer', { relationships: ['customer'] }));
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'de-DE',
      reducedMotion: 'reduce',
    });
    const tab = await openTeamsTab(context, server.baseUrl, { theme: 'default', locale: 'de-DE' });
    tab.page.on('pageerror', (err) => errors.push(err.message));
    const frame = tab.frame();
    await frame.getByRole('tab', { name: 'Suche' }).click();
    await frame.getByRole('searchbox').fill('Kontrastmeier');
    await frame.getByRole('group', { name: 'Filter' }).getByRole('button', { name: 'Meine Kontakte' }).click();
    await frame.getByText('ähnlich geschrieben').waitFor();
    const survey = new ContrastSurvey(tab.page);
    const themes: Array<[TeamsThemeName, string]> = [
      ['default', '#ffffff'],
      ['dark', '#292929'],
      ['contrast', '#000000'],
    ];
    for (const [theme, background] of themes) {
      await tab.setTheme(theme);
      // Every provider carries the theme, and no colour transition is still running.
      await frame.waitForFunction(
        (expected) =>
          Array.from(document.querySelectorAll('.fui-FluentProvider')).every(
            (el) => getComputedStyle(el).getPropertyValue('--colorNeutralBackground1').trim() === expected,
          ) && document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
        background,
      );
      await survey.all(frame, theme, 'search with filters and a phonetic hit');
    }
    const failures = survey.failures();
    expect(failures.length, `texts below WCAG AA contrast:\n${formatFailures(failures)}`).toBe(0);
  });
});

describe('Teams tab: lead review by owner', () => {
  it('lists "Meine Leads" and one owner\'s leads, keeps the lead actions, and ignores a late answer', async () => {
    const mine = await create(demo, {
      kind: 'company',
      name: 'Eigenlead Maschinenbau GmbH',
      relationships: ['lead'],
      lead: { source: 'website', status: 'new' },
    });
    await create(karla, {
      kind: 'company',
      name: 'Kollegenlead Logistik AG',
      relationships: ['lead'],
      lead: { source: 'referral', status: 'new' },
    });
    // This test's two leads as the review shows them (other tests add leads of their own).
    const leadNames = async (page: Page) =>
      (await page.getByTestId('lead-item').allTextContents()).flatMap((text) =>
        ['Eigenlead', 'Kollegenlead'].filter((name) => text.includes(name)),
      );
    const page = await openTab();
    // The first answer (all leads) comes late, after "Meine Leads" was chosen.
    const all = await holdRequests(page, (url) => url.pathname === '/api/v1/leads' && !url.searchParams.has('owner'));
    await page.reload();
    await expect.poll(all.seen).toBe(1);
    await page.getByRole('button', { name: 'Meine Leads' }).click();
    await expect.poll(() => leadNames(page)).toEqual(['Eigenlead']);
    await all.release();
    await page.waitForTimeout(500);
    expect(await leadNames(page)).toEqual(['Eigenlead']);

    const owner = page.getByRole('combobox', { name: 'Betreuer' });
    await owner.selectOption({ label: 'Karla Kollegin' });
    await expect.poll(() => leadNames(page)).toEqual(['Kollegenlead']);
    await owner.selectOption({ label: 'Alle' });
    await expect.poll(async () => (await leadNames(page)).sort()).toEqual(['Eigenlead', 'Kollegenlead']);

    // The lead actions work in the owner's view as before.
    await page.getByRole('button', { name: 'Meine Leads' }).click();
    await expect.poll(() => leadNames(page)).toEqual(['Eigenlead']);
    await page.getByTestId('lead-item').getByRole('button', { name: 'Qualifizieren' }).click();
    await page.getByText(/ist jetzt in Qualifizierung/).waitFor();
    expect((await demo.getContact(mine.id)).lead?.status).toBe('qualifying');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'teams-leads-mine.png'), fullPage: true });
  });
});
