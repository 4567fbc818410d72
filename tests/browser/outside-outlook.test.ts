import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';

// The production task pane (taskpane.html, Office.js from Microsoft's CDN) opened in a plain
// browser. The CDN is answered from the @microsoft/office-js package (no network here): Office
// finds no host, and the pane says where it runs and offers the demo.

const require = createRequire(import.meta.url);
const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

let browser: Browser;
let server: BrowserApp;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  context = await browser.newContext({ viewport: { width: 400, height: 700 } });
  await context.route(`${CDN}**`, async (route) => {
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.replace('/lib/1/hosted/', ''));
    if (file.startsWith(OFFICE_DIST) && existsSync(file)) await route.fulfill({ path: file });
    else await route.fulfill({ status: 404 });
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('taskpane.html outside Outlook', () => {
  it('loads Office.js, finds no Outlook and points to the demo', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.baseUrl}/addin/taskpane.html`);
    const demoLink = page.getByRole('link', { name: 'Demo öffnen' });
    await demoLink.waitFor({ timeout: 20_000 });
    expect(await page.getByText(/läuft in Outlook/).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'taskpane-outside-outlook.png') });
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await demoLink.click();
    await page.waitForURL('**/addin/demo.html');
    expect(errors).toEqual([]);
  });
});
