import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { de, localDate } from '@klarkonform/shared';
import type { ApiClient } from '../../shared/src/http/api-client';
import { type AxeViolation, axeViolations, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';

// The Teams tab as a plain web page (TeamsJS finds no host and the tab carries on), against
// the real API serving the built tab. Data goes in through the API as the demo user the tab
// signs in as; each test creates the contacts it looks at.

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
  // TeamsJS prefetches its list of valid Teams origins from res.cdn.office.net, which the API's
  // connect-src does not allow; it falls back to its built-in list. API answers such as the
  // 412 are logged by the browser too, and handled by the tab.
  const relevant = errors.filter(
    (text) => !/validDomains\.json/.test(text) && !/Failed to load resource.*\/api\/v1\//.test(text),
  );
  errors = [];
  expect(relevant).toEqual([]);
});

/** `roles`: sign in with these app roles instead of the demo user's (Sales + Admin). */
async function openTab({ locale = 'de-DE', roles }: { locale?: string; roles?: string[] } = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  if (roles) {
    await page.route('**/local-issuer/token', (route) => route.continue({ postData: JSON.stringify({ roles }) }));
  }
  await page.goto(`${server.baseUrl}/teams/tab.html`);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `teams-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

// Fluent's TabList keeps Tabster's focus guards (<i data-tabster-dummy tabindex=0 aria-hidden>),
// which only pass focus on; axe's aria-hidden-focus flags them, a known false positive that
// Accessibility Insights suppresses the same way (microsoft/accessibility-insights-web#7605).
async function accessibilityProblems(page: Page): Promise<AxeViolation[]> {
  const problems: AxeViolation[] = [];
  for (const violation of await axeViolations(page.mainFrame())) {
    const nodes: AxeViolation['nodes'] = [];
    for (const node of violation.nodes) {
      const guard =
        violation.id === 'aria-hidden-focus' &&
        (await page.evaluate(
          (selector) =>
            Array.from(document.querySelectorAll(selector)).every((el) => el.hasAttribute('data-tabster-dummy')),
          node.target.join(' '),
        ));
      if (!guard) nodes.push(node);
    }
    if (nodes.length > 0) problems.push({ ...violation, nodes });
  }
  return problems;
}

const leadItem = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Leads' }).getByRole('listitem').filter({ hasText: name });

function lead(name: string, status: 'new' | 'qualifying' = 'new') {
  return create(api, {
    kind: 'company',
    name,
    relationships: ['lead'],
    lead: { source: 'tradeFair', sourceDetail: 'IT-Days 2026', status },
  });
}

async function customerWithPerson(
  companyName: string,
  person: { firstName: string; lastName: string; roles: Array<'decisionMaker' | 'billingContact'> },
) {
  const company = await create(api, { kind: 'company', name: companyName, relationships: ['customer'] });
  const address = `${person.firstName}.${person.lastName}@example.de`.toLowerCase();
  await create(api, {
    kind: 'person',
    salutation: 'none',
    ...person,
    emails: [{ address, primary: true }],
    companyId: company.id,
    relationships: ['customer'],
  });
}

describe('Teams tab: lead review', () => {
  it('lists the leads with status, source and staleness, and passes axe', async () => {
    await lead('Bergblick Hotel GmbH');
    const page = await openTab();
    const item = leadItem(page, 'Bergblick Hotel GmbH');
    await item.getByRole('button', { name: 'Zum Kunden machen' }).waitFor();
    const text = await item.textContent();
    expect(text).toContain('Neu');
    expect(text).toContain(de.leadStaleness.fresh);
    expect(text).toContain('Messe – IT-Days 2026');
    await page.getByRole('switch', { name: 'Nur überfällige' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await page.getByRole('switch', { name: 'Nur überfällige' }).click();
    await screenshot(page, 'leads');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('converts a lead to a customer; the API sets "Kunde seit"', async () => {
    const contact = await lead('Alpenglühen Hotel GmbH', 'qualifying');
    const page = await openTab();
    await leadItem(page, 'Alpenglühen Hotel GmbH').getByRole('button', { name: 'Zum Kunden machen' }).click();
    await page
      .getByRole('dialog', { name: 'Alpenglühen Hotel GmbH zum Kunden machen?' })
      .getByRole('button', { name: 'Zum Kunden machen' })
      .click();
    await page.getByText('Alpenglühen Hotel GmbH ist jetzt Kunde').waitFor();
    expect(await leadItem(page, 'Alpenglühen Hotel GmbH').count()).toBe(0);
    const saved = await api.getContact(contact.id);
    expect(saved.relationships).toContain('customer');
    expect(saved.relationships).not.toContain('lead');
    expect(saved.customerSince).toBe(localDate(new Date()));
    expect(saved.lead?.status).toBe('won');
  });

  it('qualifies a lead; a change by someone else answers 412 and the row offers a reload', async () => {
    const contact = await lead('Quellwerk Solar GmbH');
    const page = await openTab();
    const item = leadItem(page, 'Quellwerk Solar GmbH');
    await item.getByRole('button', { name: 'Qualifizieren' }).waitFor();
    await api.patchContact(contact.id, contact.version, { tags: ['Messe'] });

    await item.getByRole('button', { name: 'Qualifizieren' }).click();
    await item.getByText('Inzwischen geändert').waitFor();
    await screenshot(page, 'lead-conflict');
    await item.getByRole('button', { name: 'Neu laden' }).click();
    await item.getByRole('button', { name: 'Qualifizieren' }).click();
    await page.getByText('Quellwerk Solar GmbH ist jetzt in Qualifizierung').waitFor();
    const saved = await api.getContact(contact.id);
    expect(saved.lead?.status).toBe('qualifying');
    expect(saved.tags).toEqual(['Messe']);
  });

  it('archives a lead with a reason', async () => {
    const contact = await lead('Staubig Logistik KG');
    const page = await openTab();
    await leadItem(page, 'Staubig Logistik KG').getByRole('button', { name: 'Archivieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Staubig Logistik KG archivieren' });
    await dialog.getByRole('button', { name: 'Kein Bedarf' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Archivieren', exact: true }).isEnabled()).toBe(true);
    await screenshot(page, 'archive-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);
    // The tab stays visible, dimmed, behind the dialog: no portal container is a page-high sheet of its own.
    const portals = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-portal-node]'), (el) => ({
        height: el.getBoundingClientRect().height,
        page: window.innerHeight,
      })),
    );
    expect(portals.length).toBeGreaterThan(0);
    for (const portal of portals) expect(portal.height).toBeLessThan(portal.page / 2);
    await dialog.getByRole('button', { name: 'Archivieren', exact: true }).click();
    await page.getByText('Staubig Logistik KG wurde archiviert').waitFor();
    const saved = await api.getContact(contact.id);
    expect(saved.archived?.reason).toBe('Kein Bedarf');
  });
});

describe('Teams tab: data care and search', () => {
  it('shows a company without decision maker in the worklist', async () => {
    await customerWithPerson('Ohnechef Maschinenbau GmbH', { firstName: 'Zora', lastName: 'Zellner', roles: [] });
    const page = await openTab();
    await page.getByRole('tab', { name: 'Datenpflege' }).click();
    const item = page
      .getByRole('list', { name: 'Kontakte mit Hinweisen' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: 'Ohnechef Maschinenbau GmbH' }) });
    await item.getByText(de.quality.company.noDecisionMaker).waitFor();
    await page.getByRole('heading', { name: 'Dubletten' }).waitFor();
    await screenshot(page, 'data-care');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('merges duplicates as admin; a sales user sees no merge', async () => {
    const phone = '+49 89 7654321';
    const survivor = await create(api, {
      kind: 'company',
      name: 'Kranwerk Huber GmbH',
      businessPhones: [phone],
      relationships: ['customer'],
    });
    const duplicate = await create(api, {
      kind: 'company',
      name: 'Kranwerk Hueber',
      businessPhones: [phone],
      relationships: ['lead'],
    });
    const group = (page: Page) => page.getByTestId('duplicate-group').filter({ hasText: 'Kranwerk Hueber' });

    const sales = await openTab({ roles: ['CRM.Sales'] });
    await sales.getByRole('tab', { name: 'Datenpflege' }).click();
    await group(sales).waitFor();
    await sales.getByRole('heading', { name: 'Datenqualität' }).waitFor();
    expect(await group(sales).getByRole('button', { name: 'Zusammenführen …' }).count()).toBe(0);
    await context?.close();

    const page = await openTab();
    await page.getByRole('tab', { name: 'Datenpflege' }).click();
    await group(page)
      .getByRole('radio', { name: /Kranwerk Huber GmbH/ })
      .check();
    await group(page).getByRole('button', { name: 'Zusammenführen …' }).click();
    await page
      .getByRole('alertdialog', { name: 'Dubletten zusammenführen' })
      .getByRole('button', { name: 'Zusammenführen' })
      .click();
    await page.getByText('Zusammengeführt in Kranwerk Huber GmbH.').waitFor();
    expect((await api.getContact(duplicate.id)).mergedInto).toBe(survivor.id);
  });

  it('finds a contact and opens the shared contact card', async () => {
    await customerWithPerson('Wendelstein Brauerei GmbH', {
      firstName: 'Xaver',
      lastName: 'Wendelin',
      roles: ['decisionMaker'],
    });
    const page = await openTab();
    await page.getByRole('tab', { name: 'Suche' }).click();
    await page.getByRole('searchbox').fill('Wendelin');
    await page.getByRole('list', { name: 'Suchergebnisse' }).getByRole('button', { name: 'Xaver Wendelin' }).click();
    const card = page.getByTestId('contact-card');
    await card.getByRole('heading', { name: 'Xaver Wendelin' }).waitFor();
    const text = await card.textContent();
    expect(text).toContain('Wendelstein Brauerei GmbH');
    expect(text).toContain('Entscheider');
    await screenshot(page, 'search-card');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});

describe('Teams tab outside Teams', () => {
  it('follows the browser language (English)', async () => {
    const page = await openTab({ locale: 'en-US' });
    await page.getByRole('heading', { name: 'Lead review' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Data care' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('starts within seconds in a frame that is not Teams (TeamsJS would wait 60 s)', async () => {
    const page = await openTab();
    const harness = `${server.baseUrl}/teams/not-teams.html`;
    await page.route(harness, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="de"><title>Host</title><iframe title="KlarKonform" src="/teams/tab.html" width="1200" height="800"></iframe></html>',
      }),
    );
    const started = Date.now();
    await page.goto(harness);
    await page.frameLocator('iframe[title="KlarKonform"]').getByRole('heading', { name: 'Lead-Review' }).waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
