import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { crmIdOf, type MirrorWorld, mirrorStatus, saveMirrorSettings, startMirrorWorld } from '../support/mirror-world';
import { TENANT_A } from '../support/test-app';

// Settings changed while the mirror works. A target's folder switched to another name and back: the copies in the first folder stay in
// Outlook while it is not configured, and when the target returns to it they are linked again by
// our id (no second set), an edit made there meanwhile is taken into the CRM by ownership, and
// nothing is reported synced that was not. The mirror switched off during a run stops that run
// before its next push bucket.

let w: MirrorWorld;
const run = () => w.t.app.mirror.runNow(TENANT_A);
const outlook = () => w.fake.outlook(TENANT_A, w.mailbox);
const ids = (folder: string) =>
  outlook()
    .contacts(folder)
    .map((c) => crmIdOf(c) ?? '-')
    .sort();

beforeAll(async () => {
  w = await startMirrorWorld({ env: { MIRROR_DEBOUNCE_SECONDS: '3600' } });
});
afterAll(() => w?.close());

describe('a folder renamed away and back', () => {
  it("relinks the first folder's copies and takes the edit made there meanwhile", async () => {
    const anna = await createContact(w.t, person('Anna', "O'Neil 😀 Müller", withEmail('anna@ex.de')));
    const firm = await createContact(w.t, company('Ümlaut & Söhne "GmbH"', withEmail('info@umlaut.de')));
    const first = "Kunden's \"CRM\" O''Brien";
    await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: first }]);
    await run();
    await run();
    const before = outlook().contacts(first);
    expect(ids(first)).toEqual([anna.id, firm.id].sort());

    await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: 'Zweiter' }]);
    await run();
    expect(ids('Zweiter')).toEqual([anna.id, firm.id].sort());
    // The first folder's copies stay in Outlook.
    expect(ids(first)).toEqual([anna.id, firm.id].sort());

    const annaCopy = before.find((c) => crmIdOf(c) === anna.id)!;
    outlook().update(first, annaCopy.id, { jobTitle: 'Im alten Ordner geändert' });
    await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: first }]);
    // (Saving the settings starts a run by itself; these follow it.)
    await run();
    const again = await run();
    expect(again).toMatchObject({ pushed: 0, pulled: 0, failed: 0 });
    const got = (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${anna.id}` })).json();
    expect(got.position).toBe('Im alten Ordner geändert');
    expect(got.syncStatus).toBe('synced');
    // The same copies, not a second set.
    expect(
      outlook()
        .contacts(first)
        .map((c) => c.id)
        .sort(),
    ).toEqual(before.map((c) => c.id).sort());
    expect(ids(first)).toEqual([anna.id, firm.id].sort());
    expect((await mirrorStatus(w.t)).counts.synced).toBe(2);
  }, 120_000);
});

describe('switched off during a run', () => {
  it('the run stops before its next bucket and writes nothing more', async () => {
    await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: 'Dritter' }]);
    await run();
    for (let i = 0; i < 40; i++) await createContact(w.t, person('Mid', `N${i}`, withEmail(`mid${i}@mid.de`)));
    w.fake.setLimits({ latencyMs: 200 });
    w.fake.resetStats();
    const running = run();
    // Switched off once the run has sent its first batch.
    while (w.fake.stats().batches === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await saveMirrorSettings(w.t, false, [{ mailbox: w.mailbox, folderName: 'Dritter' }]);
    const stopped = await running;
    w.fake.setLimits({ latencyMs: 0 });
    const mid = outlook()
      .contacts('Dritter')
      .filter((c) => String(c.surname ?? '').startsWith('N'));
    expect(mid.length).toBeLessThan(40);
    expect(stopped.pushed).toBeLessThan(40);
    // Nothing more follows while it is off.
    const after = await run();
    expect(after).toMatchObject({ pushed: 0, pulled: 0 });
    const status = await mirrorStatus(w.t);
    expect(status.enabled).toBe(false);
    expect(status.running).toBe(false);
  }, 120_000);
});
