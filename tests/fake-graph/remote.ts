import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeStats, Faults, Limits, OutlookContact } from './index';

// The fake Microsoft in a child process (serve.ts), with the same controls as async calls.

const here = path.dirname(fileURLToPath(import.meta.url));

type Fields = Record<string, unknown>;

/** FakeOutlookUser over IPC. */
export interface RemoteOutlookUser {
  folders(): Promise<Array<{ id: string; displayName: string }>>;
  contacts(folderName: string): Promise<OutlookContact[]>;
  create(folderName: string, fields: Fields): Promise<OutlookContact>;
  update(folderName: string, id: string, patch: Fields): Promise<OutlookContact>;
  delete(folderName: string, id: string): Promise<void>;
}

/** FakeMicrosoft over IPC; `pid` is the fake's process. */
export interface RemoteFakeMicrosoft {
  graphBaseUrl: string;
  authorityHost: string;
  caFile: string;
  caPem: string;
  pid: number;
  registerApp(tenantId: string, app: { clientId: string; clientSecret?: string; consented?: boolean }): Promise<void>;
  addMailbox(tenantId: string, smtp: string, opts?: { accessDenied?: boolean }): Promise<void>;
  outlook(tenantId: string, smtp: string): RemoteOutlookUser;
  setLimits(l: Partial<Limits>): Promise<void>;
  setFaults(f: Faults | null): Promise<void>;
  stats(): Promise<FakeStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** Starts serve.ts under tsx and waits for its address. */
export async function startFakeMicrosoftProcess(opts: { seed?: number } = {}): Promise<RemoteFakeMicrosoft> {
  const child: ChildProcess = fork(path.join(here, 'serve.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FAKE_SEED: String(opts.seed ?? 13) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  type Info = { graphBaseUrl: string; authorityHost: string; caFile: string; caPem: string };
  const info = await new Promise<Info>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake Microsoft process exited (${code})`)));
    child.on('message', (m: { ready?: Info; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) return resolve(m.ready);
      const w = waiting.get(m.id ?? -1);
      if (!w) return;
      waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
  });
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id: next, method, args });
    });
  return {
    ...info,
    pid: child.pid!,
    registerApp: (t, a) => call('registerApp', t, a),
    addMailbox: (t, s, o) => call('addMailbox', t, s, o),
    outlook: (t, s) => ({
      folders: () => call('outlook', t, s, 'folders'),
      contacts: (f) => call('outlook', t, s, 'contacts', f),
      create: (f, fields) => call('outlook', t, s, 'create', f, fields),
      update: (f, id, patch) => call('outlook', t, s, 'update', f, id, patch),
      delete: (f, id) => call('outlook', t, s, 'delete', f, id),
    }),
    setLimits: (l) => call('setLimits', l),
    setFaults: (f) => call('setFaults', f),
    stats: () => call('stats'),
    resetStats: () => call('resetStats'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call('close').catch(() => undefined);
      await exited;
    },
  };
}
