import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, seedMusterGmbH } from './support/seed';

// "Wird gespeichert …" stayed for seconds although the server had saved: the editor's status
// ended only when its host closed it, and the task pane closes it after reloading every card on
// the mail. The save's status now ends with the PATCH answer, however long the reload takes.

let browser: Browser;
let server: BrowserApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  await seedMusterGmbH(await demoUserClient(server.baseUrl));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('save status in the task pane', () => {
  it('ends when the PATCH answers, not when the cards reloaded after it', async () => {
    const demo = await openDemo(browser, server.baseUrl);
    const card = demo.pane.getByTestId('contact-card');
    await card.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = demo.pane.getByRole('form', { name: /bearbeiten/ });
    await editor.getByLabel('Abteilung').fill('Geschäftsleitung');
    // The cards reload after the save answers only after 6 s.
    let cardsHeld = 0;
    await demo.page.route(/\/api\/v1\/cards\?/, async (route) => {
      cardsHeld++;
      // A later reload may still be held when the test closes the page: its fetch then fails, which is fine.
      const response = await route.fetch().catch(() => undefined);
      if (!response) return;
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      await route.fulfill({ response }).catch(() => undefined);
    });
    const patched = demo.page.waitForResponse((res) => res.request().method() === 'PATCH');
    await editor.getByRole('button', { name: 'Speichern' }).click();
    expect((await patched).status()).toBe(200);
    await expect.poll(() => demo.pane.getByText('Wird gespeichert …').count(), { timeout: 1_500 }).toBe(0);
    expect(cardsHeld).toBeGreaterThan(0);
    await card.getByText('Geschäftsleitung').first().waitFor({ timeout: 15_000 });
    await demo.page.unrouteAll({ behavior: 'ignoreErrors' });
    await demo.close();
  });
});
