import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type MirrorProblemCode } from '@klarkonform/shared';
import { startFakeMicrosoft, type FakeMicrosoft } from '../fake-graph/index';
import { createContact, person, withEmail } from '../support/contacts';
import {
  FOLDER,
  graphEnv,
  mirrorStatus,
  outlookByCrmId,
  registerGraphApp,
  saveMirrorSettings,
} from '../support/mirror-world';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// What goes wrong outside KlarKonform shows as one clear problem — for the tenant (no credentials,
// sign-in refused) or for one target mailbox (unknown, access denied) — with a text in German and
// English saying what to do; never a crash. Once fixed, the next run converges.

const de = createTranslator('de');
const en = createTranslator('en');

/** The problem's title and help in both languages (what the overview shows). */
function texts(code: MirrorProblemCode): string[] {
  return [
    de(`mirrorProblem.${code}.title`),
    de(`mirrorProblem.${code}.help`),
    en(`mirrorProblem.${code}.title`),
    en(`mirrorProblem.${code}.help`),
  ];
}

let fake: FakeMicrosoft;
beforeAll(async () => {
  fake = await startFakeMicrosoft({ seed: 7 });
});
afterAll(() => fake?.close());

describe('without Graph credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MIRROR_DEBOUNCE_SECONDS: '3600' });
  });
  afterAll(() => t.close());

  it('the overview names the missing setup once, and contacts show disabled', async () => {
    const c = await createContact(t, person('Karl', 'Konfig', withEmail('karl@konfig.de')));
    await saveMirrorSettings(t, true, [{ mailbox: 'crm@firma.de', folderName: FOLDER }]);
    const run = await t.app.mirror.runNow(TENANT_A);
    expect(run.problem?.code).toBe('notConfigured');
    const status = await mirrorStatus(t);
    expect(status).toMatchObject({ configured: false, enabled: true, problem: { code: 'notConfigured' } });
    expect(status.targets[0]?.problem).toBeUndefined();
    const contact = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json();
    expect(contact.syncStatus).toBe('disabled');
    expect(status.counts).toMatchObject({ disabled: 1, pending: 0 });
    // What to do, in the admin's language: the operator sets the app's credentials.
    expect(de('mirrorProblem.notConfigured.help')).toMatch(/GRAPH_CLIENT_ID/);
    expect(en('mirrorProblem.notConfigured.help')).toMatch(/GRAPH_CLIENT_ID/);
  });
});

describe('with a refused sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    const app = registerGraphApp(fake, TENANT_A);
    fake.addMailbox(TENANT_A, 'crm@contoso.de');
    t = await createTestApp({
      ...graphEnv(fake, { ...app, clientSecret: 'wrong-secret' }),
      MIRROR_DEBOUNCE_SECONDS: '3600',
    });
  });
  afterAll(() => t.close());

  it('a wrong secret is one tenant-level problem: authFailed with Entra ID’s code', async () => {
    await createContact(t, person('Greta', 'Graph', withEmail('greta@graph.de')));
    await createContact(t, person('Otto', 'Ohne'));
    await saveMirrorSettings(t, true, [{ mailbox: 'crm@contoso.de', folderName: FOLDER }]);
    const run = await t.app.mirror.runNow(TENANT_A);
    expect(run.problem).toMatchObject({
      code: 'authFailed',
      detail: expect.stringMatching(/invalid_client|AADSTS7000215/),
    });
    const status = await mirrorStatus(t);
    expect(status.problem?.code).toBe('authFailed');
    // The contact waits; one without an address needs no Microsoft 365 and is settled all the same.
    expect(status.counts).toMatchObject({ pending: 1, noEmail: 1, error: 0 });
    for (const text of texts('authFailed')) expect(text.length).toBeGreaterThan(10);
  });
});

describe('with an unknown mailbox and a denied one', () => {
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    const app = registerGraphApp(fake, TENANT_A);
    fake.addMailbox(TENANT_A, 'crm@contoso.de');
    fake.addMailbox(TENANT_A, 'vertrieb@contoso.de', { accessDenied: true });
    t = await createTestApp({ ...graphEnv(fake, app), MIRROR_DEBOUNCE_SECONDS: '3600' });
    contactId = String((await createContact(t, person('Greta', 'Graph', withEmail('greta@graph.de')))).id);
    await saveMirrorSettings(t, true, [
      { mailbox: 'crm@contoso.de', folderName: 'Problemordner' },
      { mailbox: 'nobody@contoso.de', folderName: 'Problemordner' },
      { mailbox: 'vertrieb@contoso.de', folderName: 'Problemordner' },
    ]);
  });
  afterAll(() => t.close());

  it('each shows its own problem, and the third mailbox works', async () => {
    const run = await t.app.mirror.runNow(TENANT_A);
    expect(run.problem).toBeUndefined();
    const status = await mirrorStatus(t);
    expect(status.problem).toBeUndefined();
    const byMailbox = Object.fromEntries(status.targets.map((target) => [target.mailbox, target]));
    expect(byMailbox['crm@contoso.de']).toMatchObject({ folderReady: true });
    expect(byMailbox['crm@contoso.de']?.problem).toBeUndefined();
    expect(byMailbox['nobody@contoso.de']?.problem).toMatchObject({
      code: 'mailboxNotFound',
      mailbox: 'nobody@contoso.de',
      detail: expect.stringMatching(/^ErrorInvalidUser/),
    });
    expect(byMailbox['vertrieb@contoso.de']?.problem).toMatchObject({
      code: 'accessDenied',
      detail: expect.stringMatching(/^ErrorAccessDenied/),
    });
    expect(outlookByCrmId(fake, 'crm@contoso.de', 'Problemordner').get(contactId)).toHaveLength(1);
    // Not in every mailbox yet: pending, not an error of the contact.
    const contact = (await t.request({ method: 'GET', url: `/api/v1/contacts/${contactId}` })).json();
    expect(contact.syncStatus).toBe('pending');
    expect(status.counts).toMatchObject({ pending: 1, error: 0, synced: 0 });
    for (const code of ['mailboxNotFound', 'accessDenied'] as const) {
      for (const text of texts(code)) expect(text.length).toBeGreaterThan(10);
    }
  });

  it('once the admin fixes it (access granted, the wrong mailbox removed), the next run converges', async () => {
    fake.setMailboxAccess(TENANT_A, 'vertrieb@contoso.de', false);
    await saveMirrorSettings(t, true, [
      { mailbox: 'crm@contoso.de', folderName: 'Problemordner' },
      { mailbox: 'vertrieb@contoso.de', folderName: 'Problemordner' },
    ]);
    await t.app.mirror.runNow(TENANT_A);
    const status = await mirrorStatus(t);
    expect(status.problem).toBeUndefined();
    expect(status.targets.every((target) => target.problem === undefined && target.folderReady)).toBe(true);
    expect(status.counts).toMatchObject({ synced: 1, pending: 0, error: 0 });
    expect(outlookByCrmId(fake, 'vertrieb@contoso.de', 'Problemordner').get(contactId)).toHaveLength(1);
    expect(outlookByCrmId(fake, 'crm@contoso.de', 'Problemordner').get(contactId)).toHaveLength(1);
    const contact = (await t.request({ method: 'GET', url: `/api/v1/contacts/${contactId}` })).json();
    expect(contact.syncStatus).toBe('synced');
  });
});
