import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** POST /contacts/merge, optionally with an Accept-Language. */
const merge = (survivorId: unknown, duplicateId: unknown, lang?: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/contacts/merge',
    headers: lang ? { 'accept-language': lang } : {},
    payload: { survivorId, duplicateId },
  });

const tags = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('merge within the limits of a contact', () => {
  it('refuses two companies with 30 different tags each with a 409 naming the tags, and changes nothing', async () => {
    const a = await createContact(t, company('Grenzfall GmbH', { tags: tags('a', 30), website: 'grenzfall.de' }));
    const b = await createContact(t, company('Grenzfall AG', { tags: tags('b', 30) }));
    const p = await createContact(t, person('Gerd', 'Grenz', { companyId: b.id, ...withEmail('gerd@grenzfall.de') }));

    const res = await merge(a.id, b.id, 'de');
    expect(res.statusCode).toBe(409);
    const problem = res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'tags' })]);
    expect(problem.detail).toContain('Schlagwörter');
    expect(problem.detail).toMatch(/60.*30/);

    for (const id of [a.id, b.id, p.id]) {
      const got = await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` });
      expect(got.statusCode).toBe(200);
      expect(got.json().version).toBe(1);
      expect(got.json().mergedInto).toBeUndefined();
    }
    const card = await t.request({ method: 'GET', url: '/api/v1/cards?email=gerd@grenzfall.de' });
    expect(card.statusCode).toBe(200);
  });

  it('answers in English when asked, and merges once the tags are trimmed', async () => {
    const a = await createContact(t, company('Trimm GmbH', { tags: tags('x', 20) }));
    const b = await createContact(t, company('Trimm AG', { tags: [...tags('x', 5), ...tags('y', 15)] }));
    const refused = await merge(a.id, b.id, 'en');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Tags');
    expect(refused.json().detail).toMatch(/35.*30.*5/);

    const trimmed = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${b.id}`,
      headers: { 'if-match': '"1"' },
      payload: { tags: [...tags('x', 5), ...tags('y', 10)] },
    });
    expect(trimmed.statusCode).toBe(200);
    const merged = await merge(a.id, b.id);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().tags).toHaveLength(30);
  });

  it('keeps every e-mail address of both people or refuses, never drops one', async () => {
    const addresses = (p: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ address: `${p}${i}@adressen.de`, primary: i === 0 }));
    const a = await createContact(t, person('Ada', 'Adresse', { emails: addresses('a', 2) }));
    const b = await createContact(t, person('Ada', 'Adresse', { emails: addresses('b', 2) }));
    const res = await merge(a.id, b.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'emails' })]);
    const card = await t.request({ method: 'GET', url: '/api/v1/cards?email=b1@adressen.de' });
    expect(card.json().cards[0].contact.id).toBe(b.id);
  });

  it('gives a survivor without an address the duplicate’s address as primary', async () => {
    const a = await createContact(t, person('Olga', 'Ohneadresse'));
    const b = await createContact(t, person('Olga', 'Ohneadresse', withEmail('olga@adresse.de')));
    const merged = await merge(a.id, b.id);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().emails).toEqual([{ address: 'olga@adresse.de', primary: true }]);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${a.id}`,
      headers: { 'if-match': `"${merged.json().version}"` },
      payload: { position: 'Einkauf' },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('refuses when the combined Besonderheiten would be cut', async () => {
    const a = await createContact(t, company('Lang GmbH', { notes: { specifics: 'A'.repeat(2500) } }));
    const b = await createContact(t, company('Lang AG', { notes: { specifics: 'B'.repeat(2500) } }));
    const res = await merge(a.id, b.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'notes.specifics' })]);
  });
});

// Any two contacts the API accepted can be merged into one it can still answer, or the merge is
// refused with a 4xx and changes nothing — never a 5xx, never a contact that breaks reads.
describe('merge property', () => {
  type Side = { tags: string[]; emails: number; specifics: string; history: number; consent: number };
  const TAG_POOL = Array.from({ length: 45 }, (_, i) => `Tag ${i}`);
  const side = fc.record({
    tags: fc.uniqueArray(fc.constantFrom(...TAG_POOL), { maxLength: 30 }),
    emails: fc.integer({ min: 0, max: 3 }),
    specifics: fc.oneof(
      fc.constant(''),
      fc.constant('Gemeinsam'),
      fc.integer({ min: 1, max: 4000 }).map((n) => 's'.repeat(n)),
    ),
    history: fc.integer({ min: 0, max: 2 }),
    consent: fc.integer({ min: 0, max: 2 }),
  });

  async function build(kind: 'company' | 'person', s: Side, run: string, tag: string) {
    const emails = Array.from({ length: s.emails }, (_, i) => ({
      address: `${tag}${i}@${run}.de`,
      primary: i === 0,
    }));
    const body =
      kind === 'company'
        ? company(`Eigenschaft ${tag} GmbH`, { tags: s.tags, emails })
        : person('Pia', `Probe${tag}`, { tags: s.tags, emails });
    const contact = await createContact(t, { ...body, notes: { specifics: s.specifics } });
    for (let i = 0; i < s.history; i++) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/notes/history`,
        payload: { event: `Termin ${i}` },
      });
      expect(res.statusCode).toBe(200);
    }
    for (let i = 0; i < s.consent; i++) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/consent-events`,
        payload: { channel: 'email', type: i === 0 ? 'optIn' : 'optOut', source: 'Messe' },
      });
      expect(res.statusCode).toBe(200);
    }
    const got = await t.request({ method: 'GET', url: `/api/v1/contacts/${contact.id}` });
    return { id: String(contact.id), version: got.json().version as number, emails: emails.map((e) => e.address) };
  }

  it('merging any two valid contacts yields a readable contact or a 4xx that changed nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('company', 'person'),
        fc.constantFrom('company', 'person'),
        side,
        side,
        async (ka, kb, sa, sb) => {
          const run = randomUUID().slice(0, 8);
          const a = await build(ka as 'company', sa, run, 'a');
          const b = await build(kb as 'company', sb, run, 'b');
          const res = await merge(a.id, b.id);
          expect([200, 400, 409]).toContain(res.statusCode);
          const survivor = await t.request({ method: 'GET', url: `/api/v1/contacts/${a.id}` });
          expect(survivor.statusCode).toBe(200);
          if (res.statusCode === 200) {
            expect(survivor.json().tags.length).toBeLessThanOrEqual(30);
            for (const address of [...a.emails, ...b.emails]) {
              const card = await t.request({ method: 'GET', url: `/api/v1/cards?email=${address}` });
              expect(card.statusCode).toBe(200);
              if (ka === 'person') expect(card.json().cards[0].contact.id).toBe(a.id);
            }
            const edit = await t.request({
              method: 'PATCH',
              url: `/api/v1/contacts/${a.id}`,
              headers: { 'if-match': `"${survivor.json().version}"` },
              payload: ka === 'company' ? { industry: 'Maschinenbau' } : { position: 'Einkauf' },
            });
            expect(edit.statusCode).toBe(200);
          } else {
            expect(survivor.json().version).toBe(a.version);
            const dup = await t.request({ method: 'GET', url: `/api/v1/contacts/${b.id}` });
            expect(dup.json().version).toBe(b.version);
            expect(dup.json().mergedInto).toBeUndefined();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

// Merges that share a contact run one at a time: never two contacts merged into each other.
describe('concurrent merges', () => {
  const get = async (id: unknown) => (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();

  it('lets only one of two opposite merges through, and leaves one live company with all the people', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createContact(t, company(`Gegenläufig ${round} GmbH`));
      const b = await createContact(t, company(`Gegenläufig ${round} AG`));
      const pa = await createContact(t, person('Ada', `A${round}`, { companyId: a.id }));
      const pb = await createContact(t, person('Bea', `B${round}`, { companyId: b.id }));
      const answers = await Promise.all([merge(a.id, b.id), merge(b.id, a.id)]);
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes).toContain(409);
      expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
      const [ga, gb] = [await get(a.id), await get(b.id)];
      expect(Boolean(ga.mergedInto) && Boolean(gb.mergedInto)).toBe(false);
      const live = ga.mergedInto ? gb : ga;
      if (codes.includes(200)) {
        for (const p of [pa, pb]) expect((await get(p.id)).companyId).toBe(live.id);
        expect(live.archived).toBeNull();
      }
    }
  });

  it('lets only one of two chained merges through (A←B and B←C at once)', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b, c] = [
        await createContact(t, company(`Kette ${round} A GmbH`)),
        await createContact(t, company(`Kette ${round} B GmbH`)),
        await createContact(t, company(`Kette ${round} C GmbH`)),
      ];
      const pc = await createContact(t, person('Cora', `C${round}`, { companyId: c.id }));
      const answers = await Promise.all([merge(a.id, b.id), merge(b.id, c.id)]);
      expect(answers.map((r) => r.statusCode)).toContain(409);
      // Wherever Cora ended up, her company is live.
      const employer = await get((await get(pc.id)).companyId);
      expect(employer.mergedInto).toBeUndefined();
      expect(employer.archived).toBeNull();
    }
  });

  it('answers 409 with Retry-After while another merge holds a contact, and takes over a lease left by a crash', async () => {
    const a = await createContact(t, company('Leasing GmbH'));
    const b = await createContact(t, company('Leasing AG'));
    const locks = t.app.mongo.collection('merge_locks');
    await locks.insertOne({ tenantId: TENANT_A, contactId: b.id, mergeId: 'other', at: new Date() });
    const busy = await merge(a.id, b.id);
    expect(busy.statusCode).toBe(409);
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.json().detail).toMatch(/Zusammenführung/);
    expect((await get(a.id)).version).toBe(1);

    await locks.updateOne({ contactId: b.id }, { $set: { at: new Date(Date.now() - 120_000) } });
    const done = await merge(a.id, b.id);
    expect(done.statusCode).toBe(200);
    expect((await get(b.id)).mergedInto).toBe(a.id);
    expect(await locks.countDocuments({ contactId: { $in: [a.id, b.id] } })).toBe(0);
  });
});
