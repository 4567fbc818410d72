import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type RemoteFakeMicrosoft, startFakeMicrosoftProcess } from './remote';

// The fake in a child process (for benchmarks): same endpoints, controls over IPC.

let fake: RemoteFakeMicrosoft;
const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 'x' };

beforeAll(async () => {
  fake = await startFakeMicrosoftProcess({ seed: 3 });
});
afterAll(() => fake.close());

it('serves Graph from its own process and answers the controls', async () => {
  await fake.registerApp(tenant, app);
  await fake.addMailbox(tenant, 'remote@contoso.de');
  const client = graphClient(fake, msalClient(fake, tenant, app));
  await client.api('/users/remote@contoso.de/contactFolders').headers(IMMUTABLE_ID).post({ displayName: 'R' });
  const human = fake.outlook(tenant, 'remote@contoso.de');
  const made = await human.create('R', { givenName: 'Remote' });
  expect(await human.contacts('R')).toEqual([expect.objectContaining({ id: made.id, givenName: 'Remote' })]);
  expect(await fake.stats()).toMatchObject({ folderCreates: 1, tokenRequests: 1 });
  expect(fake.pid).not.toBe(process.pid);
});
