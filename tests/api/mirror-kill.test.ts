import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MirrorStatus } from '@klarkonform/shared';
import { type FakeMicrosoft, startFakeMicrosoft } from '../fake-graph/index';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { type Api, CONVERGED, compareMirror, httpApi, liveContacts } from '../support/mirror-check';
import { FOLDER, graphEnv, registerGraphApp } from '../support/mirror-world';
import { TENANT_A } from '../support/test-app';

// The mirror when its API process dies: SIGKILL in the middle of a run (once while it takes
// contacts created in Outlook into the CRM, once while it creates Outlook contacts in batches),
// a restart on the same database, and the runs after it. And two API processes on one database
// asked to run the same tenant over and over: never both at once. In the end every contact is
// in Outlook exactly once and every Outlook contact in the CRM exactly once.

const mailbox = 'crm@contoso.de';
let fake: FakeMicrosoft;
let dataDir: string;
const running: ApiProcess[] = [];

beforeAll(async () => {
  fake = await startFakeMicrosoft({ seed: 99 });
  fake.addMailbox(TENANT_A, mailbox);
  dataDir = mkdtempSync(path.join(tmpdir(), 'kk-mirror-kill-'));
});
afterAll(async () => {
  for (const p of running) await p.kill().catch(() => undefined);
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function apiEnv(db: string, app: { clientId: string; clientSecret: string }): Record<string, string> {
  return {
    ...graphEnv(fake, app),
    DATA_DIR: dataDir,
    MONGODB_URI: inject('mongodbUri'),
    MONGODB_DB: db,
    MIRROR_DEBOUNCE_SECONDS: '1',
    MIRROR_INTERVAL_SECONDS: '10',
  };
}

async function start(env: Record<string, string>): Promise<{ proc: ApiProcess; api: Api }> {
  const proc = await startApiProcess(env);
  running.push(proc);
  return { proc, api: httpApi(proc.baseUrl, await proc.token()) };
}

async function must(api: Api, method: string, url: string, payload?: unknown): Promise<unknown> {
  const key: Record<string, string> =
    method === 'POST' && url === '/api/v1/contacts' ? { 'idempotency-key': randomUUID() } : {};
  const res = await api(method, url, payload, key);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function enable(api: Api, box: string): Promise<void> {
  const current = (await must(api, 'GET', '/api/v1/mirror/settings')) as { version: number };
  const payload = { enabled: true, targets: [{ mailbox: box, folderName: FOLDER }] };
  const res = await api('PUT', '/api/v1/mirror/settings', payload, { 'if-match': `"${current.version}"` });
  if (res.status !== 200) throw new Error(`enable: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Asks for runs until one that started after `since` has finished with nothing pending. */
async function settle(api: Api, since: number, timeoutMs = 180_000): Promise<MirrorStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await must(api, 'POST', '/api/v1/mirror/run', {});
    await sleep(1000);
    const s = (await must(api, 'GET', '/api/v1/mirror/status')) as MirrorStatus;
    const run = s.lastRun;
    const done = run?.finishedAt && Date.parse(run.startedAt) >= since;
    if (done && !s.running && s.counts.pending === 0) return s;
    if (Date.now() > deadline) throw new Error(`the mirror did not settle: ${JSON.stringify(s)}`);
  }
}

async function waitFor(what: string, test: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(fake.stats())}`);
    await sleep(5);
  }
}

describe('an API process killed in the middle of a run', () => {
  it('leaves nothing doubled and nothing missing after a restart', { timeout: 600_000 }, async () => {
    const app = registerGraphApp(fake);
    const env = apiEnv(`kill_${randomUUID().slice(0, 8)}`, app);
    let { proc, api } = await start(env);
    const people = 120;
    for (let i = 0; i < people; i++) {
      await must(api, 'POST', '/api/v1/contacts', {
        kind: 'person',
        firstName: `Karl${i}`,
        lastName: 'Kill',
        emails: [{ address: `karl${i}@kill.de`, primary: true }],
      });
    }
    // Contacts made in Outlook before the mirror was switched on: the first run takes them in.
    const human = fake.outlook(TENANT_A, mailbox);
    human.createFolder(FOLDER);
    for (let i = 0; i < 20; i++)
      human.create(FOLDER, {
        givenName: `Olga${i}`,
        surname: 'Outlook',
        emailAddresses: [{ address: `olga${i}@outlook.de` }],
      });
    fake.setLimits({ latencyMs: 25 });
    fake.resetStats();

    await enable(api, mailbox);
    // Kill 1: while the run reads the Outlook contacts it does not know yet.
    await waitFor('the pull to be under way', () => fake.stats().contactReads >= 8);
    await proc.kill();
    const firstKill = fake.stats();
    ({ proc, api } = await start(env));
    // Kill 2: in the middle of creating Outlook contacts (after the dead run's lease ran out).
    await waitFor(
      'creates to be under way',
      () => fake.stats().contactCreates >= firstKill.contactCreates + 40,
      150_000,
    );
    await proc.kill();
    const secondKill = fake.stats().contactCreates;
    expect(secondKill).toBeLessThan(people);

    const restarted = Date.now();
    ({ proc, api } = await start(env));
    fake.setLimits({ latencyMs: 0 });
    await settle(api, restarted);

    const crm = await liveContacts(api);
    expect(compareMirror(crm, human.contacts(FOLDER))).toEqual(CONVERGED);
    expect(crm).toHaveLength(people + 20);
    for (let i = 0; i < 20; i++) {
      const holders = crm.filter((c) =>
        (c.emails as Array<{ address: string }>).some((e) => e.address === `olga${i}@outlook.de`),
      );
      expect(holders, `olga${i}`).toHaveLength(1);
    }
    await proc.stop();
  });
});

describe('two API processes on one database', () => {
  it('never run a tenant at the same time, and leave one Outlook contact per contact', {
    timeout: 600_000,
  }, async () => {
    // Two app registrations, so the fake tells the processes apart even without the instance header.
    const db = `two_${randomUUID().slice(0, 8)}`;
    const one = await start(apiEnv(db, registerGraphApp(fake)));
    const two = await start(apiEnv(db, registerGraphApp(fake)));
    const box = 'zwei@contoso.de';
    fake.addMailbox(TENANT_A, box);
    await enable(one.api, box);
    fake.setLimits({ latencyMs: 15 });
    fake.resetStats();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const api = i % 2 ? two.api : one.api;
      const made = (await must(api, 'POST', '/api/v1/contacts', {
        kind: 'person',
        firstName: `Zwilling${i}`,
        lastName: 'Prozess',
        emails: [{ address: `z${i}@prozess.de`, primary: true }],
      })) as { id: string };
      ids.push(made.id);
      // Both keep asking for runs while contacts keep changing.
      if (i % 5 === 0)
        await Promise.all([
          must(one.api, 'POST', '/api/v1/mirror/run', {}),
          must(two.api, 'POST', '/api/v1/mirror/run', {}),
        ]);
    }
    // On a loaded machine one process may have held the lease all along: keep changing contacts
    // through both until each has had its turn (bounded), so that "never at the same time" is tested.
    for (let extra = 0; extra < 30 && Object.keys(fake.stats().callsByClient).length < 2; extra++) {
      for (const api of [one.api, two.api]) {
        const made = (await must(api, 'POST', '/api/v1/contacts', {
          kind: 'person',
          firstName: `Nachzügler${extra}`,
          lastName: api === one.api ? 'Eins' : 'Zwei',
          emails: [{ address: `n${extra}-${api === one.api ? 1 : 2}@prozess.de`, primary: true }],
        })) as { id: string };
        ids.push(made.id);
        await must(api, 'POST', '/api/v1/mirror/run', {});
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    fake.setLimits({ latencyMs: 0 });
    const since = Date.now();
    await Promise.all([settle(one.api, since), settle(two.api, since)]);

    const s = fake.stats();
    // Both processes did run the tenant (in turns), and never at the same time.
    expect(Object.keys(s.callsByClient)).toHaveLength(2);
    expect(s.tenantOverlaps).toBe(0);
    const crm = await liveContacts(one.api);
    expect(crm.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(compareMirror(crm, fake.outlook(TENANT_A, box).contacts(FOLDER))).toEqual(CONVERGED);
    await one.proc.stop();
    await two.proc.stop();
  });
});
