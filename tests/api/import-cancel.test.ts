import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { countContacts } from '../support/contacts';
import { getImport, uploaded, waitForRun } from '../support/imports';

// Issue 16: the run is a background job whose progress the view polls; "Abbrechen" stops it after
// the row it is at, and starting it again goes on from there without doing anything twice.

const ROWS = 300;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('cancelling an import', () => {
  it('stops at the next row, keeps what is done, and resumes when started again', async () => {
    const names = ['Adler', 'Bauer', 'Conrad', 'Dietrich', 'Ebert', 'Frank', 'Graf', 'Hahn', 'Jung', 'Lange'];
    const lines = ['Vorname;Nachname;E-Mail'];
    for (let i = 0; i < ROWS; i++)
      lines.push(`Person${i};${names[i % 10]}${String.fromCharCode(97 + (i % 26))};p${i}@firma${i}.de`);
    const imp = await uploaded(t, lines.join('\n'), 'abbruch.csv');
    const start = await t.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run`, payload: { dryRun: false } });
    expect(start.statusCode).toBe(202);
    expect(start.json().status).toMatch(/^(queued|running)$/);
    // Progress shows while it runs (the view polls GET /imports/:id).
    let seen = await getImport(t, imp.id);
    for (let i = 0; i < 600 && (seen.run?.done ?? 0) < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await getImport(t, imp.id);
    }
    expect(seen.run).toMatchObject({ mode: 'import', total: ROWS, cancelRequested: false });
    expect(seen.run?.done).toBeGreaterThan(0);

    const cancel = await t.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/cancel`, payload: {} });
    expect(cancel.statusCode).toBe(202);
    expect(cancel.json().run.cancelRequested).toBe(true);
    const cancelled = await waitForRun(t, imp.id);
    expect(cancelled.status).toBe('cancelled');
    const doneThen = cancelled.run?.done ?? 0;
    expect(doneThen).toBeLessThan(ROWS);
    expect(cancelled.run?.counts.created).toBe(doneThen);
    expect(await countContacts(t)).toBe(doneThen);
    // The list of recent imports shows it.
    const list = (await t.request({ method: 'GET', url: '/api/v1/imports' })).json();
    expect(list.items[0]).toMatchObject({ id: imp.id, fileName: 'abbruch.csv', status: 'cancelled', rowCount: ROWS });

    const again = await t.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run`, payload: { dryRun: false } });
    expect(again.statusCode).toBe(202);
    const done = await waitForRun(t, imp.id);
    expect(done).toMatchObject({ status: 'done', run: { done: ROWS, startedAt: cancelled.run?.startedAt } });
    expect(done.run?.counts).toEqual({ created: ROWS, merged: 0, skipped: 0, failed: 0 });
    expect(await countContacts(t)).toBe(ROWS);
  }, 300_000);
});
