import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import {
  FOLDER,
  type MirrorWorld,
  mirrorStatus,
  outlookByCrmId,
  saveMirrorSettings,
  startMirrorWorld,
} from '../support/mirror-world';
import { createTestApp, TENANT_A } from '../support/test-app';

// The mirror when Microsoft misbehaves (issue 13): a lost delta state (410 syncStateNotFound)
// means a full resync reconciled by id; throttling and failures — also after Graph already did a
// create — leave neither duplicates nor lost changes; a restarted API resumes from the database.

type Json = Record<string, unknown>;

let w: MirrorWorld;
const run = () => w.t.app.mirror.runNow(TENANT_A);
const outlook = () => w.fake.outlook(TENANT_A, w.mailbox);
const get = async (id: unknown): Promise<Json> =>
  (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();

/** Each contact exactly once in the folder, and nothing else there. */
function expectOneCopyEach(ids: readonly unknown[]): void {
  const byId = outlookByCrmId(w.fake, w.mailbox);
  for (const id of ids) expect(byId.get(String(id))?.length ?? 0, String(id)).toBe(1);
  expect(outlook().contacts(FOLDER)).toHaveLength(ids.length);
}

beforeAll(async () => {
  w = await startMirrorWorld({ seed: 21, env: { MIRROR_DEBOUNCE_SECONDS: '3600' } });
  await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: FOLDER }]);
});
afterAll(() => w?.close());

describe('a lost delta state', () => {
  it('is followed by a full resync: edits taken, deletions archived, nothing doubled', async () => {
    const a = await createContact(w.t, person('Rita', 'Resync', withEmail('rita@resync.de')));
    const b = await createContact(w.t, person('Rolf', 'Resync', withEmail('rolf@resync.de')));
    await run();
    const copies = outlookByCrmId(w.fake, w.mailbox);
    outlook().update(FOLDER, String(copies.get(String(a.id))?.[0]?.id), { jobTitle: 'Nach dem Verlust' });
    outlook().delete(FOLDER, String(copies.get(String(b.id))?.[0]?.id));
    w.fake.expireDeltaTokens(TENANT_A, w.mailbox);
    const gone = w.fake.stats().deltaGone;
    await run();
    expect(w.fake.stats().deltaGone).toBeGreaterThan(gone);
    expect((await get(a.id)).position).toBe('Nach dem Verlust');
    expect((await get(b.id)).archived).toMatchObject({ reason: expect.stringContaining(w.mailbox) });
    expectOneCopyEach([a.id]);
    await run();
    expectOneCopyEach([a.id]);
  });
});

describe('faults on one request in five', () => {
  it('converge to one Outlook contact per contact with every change', async () => {
    const ids: unknown[] = [...outlookByCrmId(w.fake, w.mailbox).keys()];
    for (let i = 0; i < 45; i++) {
      ids.push((await createContact(w.t, person(`Frieda${i}`, 'Fehler', withEmail(`frieda${i}@fehler.de`)))).id);
    }
    w.fake.setFaults({ rate: 0.2, kinds: ['503', '429', 'drop', 'batch429', 'batch503'] });
    for (let i = 0; i < 8; i++) await run().catch(() => undefined);
    const changed = ids[3];
    const current = await get(changed);
    await w.t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${changed}`,
      headers: { 'if-match': `"${current.version}"` },
      payload: { position: 'Während der Störung' },
    });
    for (let i = 0; i < 4; i++) await run().catch(() => undefined);
    w.fake.setFaults(null);
    await run();
    await run();
    expectOneCopyEach(ids);
    expect(outlookByCrmId(w.fake, w.mailbox).get(String(changed))?.[0]?.jobTitle).toBe('Während der Störung');
    const status = await mirrorStatus(w.t);
    expect(status.counts).toMatchObject({ pending: 0, error: 0, synced: ids.length });
    const stats = w.fake.stats();
    expect(stats.faults.drop + stats.faults['503'] + stats.faults.batch429).toBeGreaterThan(0);
    expect(stats.retryAfterIgnored).toBe(0);
    expect(stats.missingImmutableIdPrefer).toBe(0);
  });
});

describe('a restarted API', () => {
  it('resumes the due contacts from the database without doubling them', async () => {
    const added = await createContact(w.t, person('Nach', 'Neustart', withEmail('nach@neustart.de')));
    const second = await createTestApp({
      GRAPH_BASE_URL: w.fake.graphBaseUrl,
      GRAPH_AUTHORITY_HOST: w.fake.authorityHost,
      GRAPH_CA_FILE: w.fake.caFile,
      GRAPH_CLIENT_ID: w.app.clientId,
      GRAPH_CLIENT_SECRET: w.app.clientSecret,
      MIRROR_DEBOUNCE_SECONDS: '3600',
      MONGODB_DB: w.t.config.mongodbDb,
    });
    try {
      await second.app.mirror.runNow(TENANT_A);
      expect(outlookByCrmId(w.fake, w.mailbox).get(String(added.id))).toHaveLength(1);
      // The first instance's run finds nothing left to create.
      const creates = w.fake.stats().contactCreates;
      await run();
      expect(w.fake.stats().contactCreates).toBe(creates);
      expect(w.fake.stats().tenantOverlaps).toBe(0);
    } finally {
      // Not second.close(): it would drop the shared database.
      await second.app.close();
    }
  });
});

describe('runs', () => {
  const env = () => ({
    GRAPH_BASE_URL: w.fake.graphBaseUrl,
    GRAPH_AUTHORITY_HOST: w.fake.authorityHost,
    GRAPH_CA_FILE: w.fake.caFile,
    GRAPH_CLIENT_ID: w.app.clientId,
    GRAPH_CLIENT_SECRET: w.app.clientSecret,
    MONGODB_DB: w.t.config.mongodbDb,
  });

  it('follow a change by themselves after the debounce', async () => {
    const other = await createTestApp({ ...env(), MIRROR_DEBOUNCE_SECONDS: '1' });
    try {
      const c = await createContact(other, person('Debbie', 'Debounce', withEmail('debbie@debounce.de')));
      for (let i = 0; i < 200 && !outlookByCrmId(w.fake, w.mailbox).has(String(c.id)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(outlookByCrmId(w.fake, w.mailbox).get(String(c.id))).toHaveLength(1);
    } finally {
      await other.app.close();
    }
  });

  it('of two instances at once never overlap, and an instance closed mid-run leaves nothing doubled', async () => {
    const ids: unknown[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await createContact(w.t, person(`Zora${i}`, 'Zwei', withEmail(`zora${i}@zwei.de`)))).id);
    w.fake.setLimits({ latencyMs: 40 });
    const second = await createTestApp({ ...env(), MIRROR_DEBOUNCE_SECONDS: '3600' });
    const overlaps = w.fake.stats().tenantOverlaps;
    // The second instance starts a run and is shut down in the middle of it.
    const cut = second.app.mirror.runNow(TENANT_A).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await second.app.close();
    await cut;
    w.fake.setLimits({ latencyMs: 0 });
    // Two instances asked at once: the lease lets one run at a time.
    const third = await createTestApp({ ...env(), MIRROR_DEBOUNCE_SECONDS: '3600' });
    try {
      await Promise.all([run(), third.app.mirror.runNow(TENANT_A)]);
    } finally {
      await third.app.close();
    }
    await run();
    const byId = outlookByCrmId(w.fake, w.mailbox);
    for (const id of ids) expect(byId.get(String(id))?.length ?? 0, String(id)).toBe(1);
    expect(w.fake.stats().tenantOverlaps).toBe(overlaps);
    expect((await mirrorStatus(w.t)).counts).toMatchObject({ pending: 0, error: 0 });
  });
});
