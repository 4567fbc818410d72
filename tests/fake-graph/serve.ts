import { startFakeMicrosoft } from './index';

// The fake Microsoft in a process of its own, driven over IPC by remote.ts (so that a benchmark
// measures the API's memory and CPU without the fake's). Messages: { id, method, args } for the
// FakeMicrosoft methods and { id, method: 'outlook', args: [tenant, smtp, op, ...opArgs] }.

interface Message {
  id: number;
  method: string;
  args: unknown[];
}

const seed = Number(process.env.FAKE_SEED ?? 13);
const fake = await startFakeMicrosoft({ seed });
const send = (m: unknown) => process.send?.(m);
send({
  ready: {
    graphBaseUrl: fake.graphBaseUrl,
    authorityHost: fake.authorityHost,
    caFile: fake.caFile,
    caPem: fake.caPem,
    port: fake.port,
  },
});

process.on('message', async (m: Message) => {
  try {
    let result: unknown;
    if (m.method === 'outlook') {
      const [tenant, smtp, op, ...rest] = m.args as [string, string, string, ...unknown[]];
      const user = fake.outlook(tenant, smtp) as unknown as Record<string, (...a: unknown[]) => unknown>;
      result = user[op]!(...rest);
    } else if (m.method === 'close') {
      await fake.close();
      send({ id: m.id, result: null });
      process.exit(0);
    } else {
      const f = fake as unknown as Record<string, (...a: unknown[]) => unknown>;
      result = await f[m.method]!(...m.args);
    }
    send({ id: m.id, result: result ?? null });
  } catch (err) {
    send({ id: m.id, error: String(err) });
  }
});
process.on('disconnect', () => {
  void fake.close().finally(() => process.exit(0));
});
