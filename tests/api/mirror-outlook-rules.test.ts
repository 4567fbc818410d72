import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import {
  FOLDER,
  type MirrorWorld,
  outlookByCrmId,
  saveMirrorSettings,
  startMirrorWorld,
} from '../support/mirror-world';
import { TENANT_A } from '../support/test-app';

// A change made in Outlook passes the same rules as a user's PATCH: what the API would refuse
// (another contact's address, an address twice, a text over its limit) is not stored; the CRM
// keeps its value, writes it back to Outlook and puts the contact on the review list with the
// reason — never a silent "synced".

interface Contact {
  version: number;
  lastName?: string;
  position?: string;
  emails: { address: string; primary: boolean }[];
}
interface ReviewItem {
  contact: { id: string };
  problem?: { code: string; mailbox?: string; detail?: string };
}
let w: MirrorWorld;
const run = () => w.t.app.mirror.runNow(TENANT_A);
const outlook = () => w.fake.outlook(TENANT_A, w.mailbox);
const copies = (id: unknown) => outlookByCrmId(w.fake, w.mailbox).get(String(id)) ?? [];
const get = async (id: unknown): Promise<Contact> =>
  (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
const reviewList = async (): Promise<ReviewItem[]> =>
  (await w.t.request({ method: 'GET', url: '/api/v1/mirror/contacts?list=review' })).json().items;

beforeAll(async () => {
  w = await startMirrorWorld({ env: { MIRROR_DEBOUNCE_SECONDS: '3600' } });
  await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: FOLDER }]);
  await run();
});
afterAll(() => w?.close());

describe('changes from Outlook follow the CRM e-mail and input rules', () => {
  it("drops another contact's address and a repeat in other case, one primary; the review list says why", async () => {
    const x = await createContact(w.t, person('Xaver', 'X', withEmail('xaver@x.de')));
    const y = await createContact(w.t, person('Yvonne', 'Y', withEmail('yvonne@y.de')));
    await run();
    outlook().update(FOLDER, copies(y.id)[0]!.id, {
      emailAddresses: [
        { address: 'xaver@x.de', name: 'x' },
        { address: 'YVONNE@y.de', name: 'y' },
        { address: 'yvonne@y.de', name: 'y' },
      ],
    });
    await run();
    await run();
    const yvonne = await get(y.id);
    expect(yvonne.emails).toEqual([{ address: 'YVONNE@y.de', primary: true }]);
    expect((await get(x.id)).emails).toEqual([{ address: 'xaver@x.de', primary: true }]);
    // The CRM's value went back to Outlook.
    expect(copies(y.id).map((c) => c.emailAddresses?.map((e) => e.address))).toEqual([['YVONNE@y.de']]);
    const item = (await reviewList()).find((i) => i.contact.id === y.id);
    expect(item?.problem).toMatchObject({ code: 'outlookRefused', mailbox: w.mailbox });
    expect(item?.problem?.detail).toContain('xaver@x.de');
    // The API refuses the same data.
    const res = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${y.id}`,
      headers: { 'if-match': `"${yvonne.version}"` },
      payload: { emails: [{ address: 'xaver@x.de', primary: true }] },
    });
    expect(res.statusCode).toBe(409);
  }, 120_000);

  it('keeps the CRM list when only addresses of others came, and refuses a text over its limit', async () => {
    const a = await createContact(w.t, person('Anke', 'A', withEmail('anke@a.de')));
    const b = await createContact(w.t, person('Bert', 'B', withEmail('bert@b.de')));
    await run();
    outlook().update(FOLDER, copies(b.id)[0]!.id, {
      emailAddresses: [{ address: 'anke@a.de', name: 'a' }],
      surname: 'L'.repeat(5000),
      jobTitle: 'Einkauf',
    });
    await run();
    await run();
    const bert = await get(b.id);
    expect(bert.emails).toEqual([{ address: 'bert@b.de', primary: true }]);
    expect(bert.lastName).toBe('B');
    expect(bert.position).toBe('Einkauf');
    expect((await get(a.id)).emails).toEqual([{ address: 'anke@a.de', primary: true }]);
    const copy = copies(b.id)[0]!;
    expect(copy.surname).toBe('B');
    expect(copy.emailAddresses?.map((e) => e.address)).toEqual(['bert@b.de']);
    const item = (await reviewList()).find((i) => i.contact.id === b.id);
    expect(item?.problem?.code).toBe('outlookRefused');
    expect(item?.problem?.detail).toMatch(/surname/);
    // Marked reviewed: off the list, problem gone.
    await w.t.request({ method: 'POST', url: `/api/v1/mirror/contacts/${b.id}/reviewed`, payload: {} });
    expect((await reviewList()).some((i) => i.contact.id === b.id)).toBe(false);
  }, 120_000);

  it('a contact created in Outlook with a repeated address and an over-long field is created within the rules', async () => {
    const made = outlook().create(FOLDER, {
      givenName: 'Olga',
      surname: 'Outlook',
      jobTitle: 'J'.repeat(500),
      emailAddresses: [
        { address: 'olga@o.de', name: 'o' },
        { address: 'OLGA@o.de', name: 'o' },
      ],
    });
    await run();
    await run();
    const copy = outlook()
      .contacts(FOLDER)
      .find((c) => c.id === made.id);
    const id = copy
      ? [...outlookByCrmId(w.fake, w.mailbox)].find(([, cs]) => cs.some((c) => c.id === made.id))?.[0]
      : undefined;
    expect(id).toBeDefined();
    const olga = await get(id);
    expect(olga.lastName).toBe('Outlook');
    expect(olga.emails).toEqual([{ address: 'olga@o.de', primary: true }]);
    expect(olga.position).toBeUndefined();
  }, 120_000);
});
