import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { axeViolations, type DemoPage, launchChromium, openDemo } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { demoUserClient, type MusterGmbH, seedMusterGmbH } from './support/seed';

// The sender card with the sales work (issue 12), in the demo pane: open opportunities with their
// amounts, open follow-ups with "Erledigt", the last three activities and "Gesamte Historie" —
// all from the one card request.

let browser: Browser;
let server: BrowserApp;
let demo: DemoPage;
let api: ApiClient;
let muster: MusterGmbH;

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
});
afterEach(async (test) => {
  await demo?.close(test.task.result?.state === 'fail' ? test.task.name : undefined);
  await server?.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('the card’s sales work in the Outlook pane', () => {
  it('shows opportunities, follow-ups and the last activities in the card request, and opens the timeline', async () => {
    const subjects = [
      'Erstkontakt Messe',
      'Bedarf besprochen',
      'Preisliste geschickt',
      'Rückruf Einkauf',
      'Termin bestätigt',
    ];
    for (const [i, subject] of subjects.entries()) {
      await api.createActivity(
        {
          type: i % 2 ? 'call' : 'note',
          subject,
          occurredAt: daysAgo(subjects.length - i),
          contactIds: [muster.max.id],
        },
        randomUUID(),
      );
    }
    await api.createOpportunity(
      { title: 'Wartungsvertrag 2027', contactId: muster.max.id, amountCents: 1_234_567, stage: 'offer' },
      randomUUID(),
    );
    const followUp = await api.createFollowUp(
      { title: 'Angebot nachfassen', contactId: muster.max.id, dueDate: '2020-01-06' },
      randomUUID(),
    );
    expect(followUp.state).toBe('open');

    const cardRequests: string[] = [];
    demo = await openDemo(browser, server.baseUrl);
    demo.page.on('request', (request) => {
      if (request.url().includes('/api/v1/')) cardRequests.push(new URL(request.url()).pathname);
    });
    await demo.page.reload();
    const card = demo.pane.getByTestId('contact-card');
    await card.waitFor();

    const opportunities = card.getByRole('list', { name: 'Offene Verkaufschancen' });
    await opportunities.getByText('Wartungsvertrag 2027').waitFor();
    expect((await opportunities.textContent())?.replace(/\s/g, ' ')).toContain('Angebot · 12.345,67 €');
    const recent = card.getByRole('list', { name: 'Letzte Aktivitäten' });
    expect(await recent.getByRole('listitem').count()).toBe(3);
    expect(await recent.textContent()).toContain('Termin bestätigt');
    expect(await recent.textContent()).not.toContain('Bedarf besprochen');
    await card.getByText('Angebot nachfassen').waitFor();
    // Everything above came with the card: no request for follow-ups, opportunities or the timeline.
    expect(cardRequests.filter((p) => /follow-ups|opportunities|activities$/.test(p))).toEqual([]);
    await demo.screenshot('card-sales-work');
    expect(await axeViolations(demo.paneFrame())).toEqual([]);

    // "Erledigt": the follow-up leaves the card, and the note it leaves is now the newest activity.
    await card.getByRole('button', { name: /als erledigt markieren/ }).click();
    await card.getByText('„Angebot nachfassen“ ist erledigt und steht in der Kontakthistorie.').waitFor();
    await recent.getByText('Wiedervorlage erledigt: Angebot nachfassen').waitFor();
    expect(await card.getByRole('button', { name: /als erledigt markieren/ }).count()).toBe(0);

    // "Gesamte Historie": all six entries, newest first, over the card; back returns to the card.
    await card.getByRole('button', { name: 'Gesamte Historie' }).click();
    const timeline = demo.pane.getByRole('list', { name: 'Kontakthistorie: Max Mustermann' });
    await timeline.getByText('Erstkontakt Messe').waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(6);
    await demo.screenshot('card-sales-work-timeline');
    await demo.pane.getByRole('button', { name: /Zurück/ }).click();
    await card.waitFor();
  });
});
