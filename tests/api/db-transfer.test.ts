import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDatabase, importDatabase } from '../../api/src/infra/db-transfer';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// Moving the embedded engine's data to MongoDB (README): export, import elsewhere, and the API
// answers there exactly as before.

let source: TestApp;
let target: TestApp;
const dir = mkdtempSync(path.join(tmpdir(), 'kk-export-'));

beforeAll(async () => {
  source = await createTestApp();
  target = await createTestApp();
});
afterAll(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('db:export and db:import', () => {
  it('copies every collection with its types, and the copy serves the same cards, search and history', async () => {
    const firma = await createContact(
      source,
      company('Umzug GmbH', { emails: [{ address: 'info@umzug.de', primary: true }] }),
    );
    const anna = await createContact(
      source,
      person('Anna', 'Ümläut', { companyId: firma.id, legalBasis: 'consent', ...withEmail('anna@umzug.de') }),
    );
    await source.request({
      method: 'POST',
      url: `/api/v1/contacts/${anna.id}/consent-events`,
      payload: { channel: 'email', type: 'optIn', source: 'Messe', proof: 'Formular 1' },
    });

    // The sales work moves along: an activity, a follow-up, an opportunity (each with its audit entry).
    const keyed = (url: string, payload: Record<string, unknown>) =>
      source.request({ method: 'POST', url, headers: { 'idempotency-key': randomUUID() }, payload });
    for (const [url, payload] of [
      ['/api/v1/activities', { type: 'call', subject: 'Umzugstermin', contactIds: [anna.id] }],
      ['/api/v1/follow-ups', { title: 'Nachfassen', contactId: anna.id, dueDate: '2030-01-07' }],
      ['/api/v1/opportunities', { title: 'Umzug Lager', contactId: firma.id, amountCents: 250_000 }],
      [
        '/api/v1/templates',
        {
          name: 'Umzugsgruß',
          subject: 'Umzug',
          bodyHtml: '<p>{{briefanrede}}</p>',
          language: 'de',
          purpose: 'personal',
        },
      ],
    ] as const) {
      expect((await keyed(url, payload)).statusCode).toBe(201);
    }
    // The tenant's send-check settings (issue 14) move too.
    const settings = await source.request({
      method: 'PUT',
      url: '/api/v1/send-check/settings',
      headers: { 'if-match': '"0"' },
      payload: { enabled: true, mode: 'promptUser', marketingCategories: ['Werbung'], whenUnavailable: 'block' },
    });
    expect(settings.statusCode).toBe(200);
    // So do the Microsoft 365 mirror's settings and state (issue 13; this server has no Graph credentials).
    const mirror = await source.request({
      method: 'PUT',
      url: '/api/v1/mirror/settings',
      headers: { 'if-match': '"0"' },
      payload: { enabled: true, targets: [{ mailbox: 'crm@umzug.de', folderName: 'KlarKonform CRM' }] },
    });
    expect(mirror.statusCode).toBe(200);
    await source.app.mirror.runNow(TENANT_A);

    const exported = await exportDatabase(source.app.mongo.db!, dir);
    expect(exported.collections).toEqual({
      contacts: 2,
      counters: 1,
      audit: 9,
      migrations: 3,
      users: 1,
      activities: 1,
      followUps: 1,
      opportunities: 1,
      templates: 1,
      sendCheckSettings: 1,
      mirrorSettings: 1,
      mirrorEntries: 2,
      mirrorLeases: 1,
      mirrorTargets: 0,
      // The import assistant's collections (issue 16) exist from the start, empty here.
      imports: 0,
      importFiles: 0,
      importRows: 0,
      importResults: 0,
      importRowActions: 0,
      // The DSGVO lifecycle's settings and erasure bookkeeping (issue 15), empty here.
      privacySettings: 0,
      erasureSchedule: 0,
      erasureLog: 0,
      // The DSGVO lifecycle's requests register and double opt-in links (issue 15, Part A), empty here.
      privacyRequests: 0,
      privacyCounters: 0,
      doubleOptInTokens: 0,
      doubleOptInSecrets: 0,
    });
    expect(readdirSync(dir).sort()).toEqual([
      'activities.json',
      'audit.json',
      'contacts.json',
      'counters.json',
      'doubleOptInSecrets.json',
      'doubleOptInTokens.json',
      'erasureLog.json',
      'erasureSchedule.json',
      'followUps.json',
      'importFiles.json',
      'importResults.json',
      'importRowActions.json',
      'importRows.json',
      'imports.json',
      'migrations.json',
      'mirrorEntries.json',
      'mirrorLeases.json',
      'mirrorSettings.json',
      'mirrorTargets.json',
      'opportunities.json',
      'privacyCounters.json',
      'privacyRequests.json',
      'privacySettings.json',
      'sendCheckSettings.json',
      'templates.json',
      'users.json',
    ]);
    // Personal data: readable by the owner only.
    expect(statSync(path.join(dir, 'contacts.json')).mode & 0o777).toBe(0o600);
    // Canonical Extended JSON keeps ObjectIds and dates as types.
    expect(readFileSync(path.join(dir, 'audit.json'), 'utf8')).toMatch(/"\$oid".*"\$date"/);

    const imported = await importDatabase(target.app.mongo.db!, dir);
    expect(imported.collections).toEqual(exported.collections);

    const get = async (t: TestApp, url: string) => (await t.request({ method: 'GET', url })).json();
    expect(await get(target, '/api/v1/cards?email=anna@umzug.de')).toEqual(
      await get(source, '/api/v1/cards?email=anna@umzug.de'),
    );
    expect(await get(target, '/api/v1/contacts?q=Uemlaeut')).toEqual(await get(source, '/api/v1/contacts?q=Uemlaeut'));
    for (const url of ['/api/v1/templates', '/api/v1/send-check/settings', '/api/v1/mirror/settings']) {
      expect(await get(target, url)).toEqual(await get(source, url));
    }
    expect(await get(target, `/api/v1/contacts/${anna.id}/history`)).toEqual(
      await get(source, `/api/v1/contacts/${anna.id}/history`),
    );
    // Numbering goes on where it stopped.
    const next = await target.request({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'idempotency-key': randomUUID() },
      payload: person('Nach', 'Umzug'),
    });
    expect(next.json().contactNumber).toBe('C00003');
  });

  it('refuses to import over existing data unless told to replace it', async () => {
    await expect(importDatabase(target.app.mongo.db!, dir)).rejects.toThrow(/already holds .* --replace/);
    const replaced = await importDatabase(target.app.mongo.db!, dir, { replace: true });
    expect(replaced.collections.contacts).toBe(2);
  });
});
