import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateCheckRequest } from '@klarkonform/shared';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { DuplicateSnapshot } from '../../api/src/features/contacts/duplicate-snapshot';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import type { AuthContext } from '../../api/src/infra/token-verifier';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// A large import answers the duplicate check from a snapshot of the tenant's contacts instead of
// asking the database per row. The verdicts must not change: for any contact a row could bring,
// the snapshot finds the same candidates, scores and reasons as the database lookups do —
// archived contacts included, merged ones left out, contacts put back after a write seen.

let t: TestApp;
let feature: ReturnType<typeof createContactsFeature>;
const auth = { tenantId: TENANT_A } as AuthContext;

const FIRST = ['Hans', 'Anna', 'Jörg', 'Eva'];
const LAST = ['Meier', 'Meyer', 'Maier', 'Müller', 'Mueller', 'Schmidt', 'Schmitt'];
const FIRMS = ['Muster GmbH', 'Muster AG', 'Beispiel KG', 'Bäckerei Krause'];
const DOMAINS = ['muster.de', 'beispiel.de', 'gmail.com', 'krause-backt.de'];
const PHONES = ['+49 30 1234567', '030 1234567', '+49 89 555000'];

let firmIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  feature = createContactsFeature(t.app.mongo, new UsersRepository(t.app.mongo));
  firmIds = [];
  for (const [i, name] of FIRMS.entries()) {
    const firm = await createContact(t, company(name, { website: DOMAINS[i] }));
    firmIds.push(String(firm.id));
  }
  let n = 0;
  for (const last of LAST) {
    for (const first of FIRST.slice(0, 2)) {
      n++;
      const domain = DOMAINS[n % DOMAINS.length];
      await createContact(
        t,
        person(first, last, {
          ...withEmail(`${first}.${last}${n}@${domain}`.toLowerCase().replace('ö', 'oe').replace('ü', 'ue')),
          ...(n % 3 === 0 ? { businessPhones: [PHONES[n % PHONES.length]] } : {}),
          ...(n % 2 === 0 ? { companyId: firmIds[n % firmIds.length] } : {}),
        }),
      );
    }
  }
  // An archived one still counts for the check; a merged one does not.
  const archived = await createContact(t, person('Eva', 'Maier', withEmail('eva.maier@muster.de')));
  await t.request({
    method: 'POST',
    url: `/api/v1/contacts/${archived.id}/archive`,
    headers: { 'if-match': `"${archived.version}"` },
    payload: { reason: 'Firma verlassen' },
  });
  const survivor = await createContact(t, person('Jörg', 'Schmidt', withEmail('joerg@beispiel.de')));
  const duplicate = await createContact(t, person('Jörg', 'Schmitt', withEmail('j.schmitt@beispiel.de')));
  const merged = await t.request({
    method: 'POST',
    url: '/api/v1/contacts/merge',
    payload: { survivorId: survivor.id, duplicateId: duplicate.id },
  });
  expect(merged.statusCode).toBeLessThan(300);
});
afterAll(async () => t.close());

const probe = fc.record({
  kind: fc.constantFrom('person' as const, 'company' as const),
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  firm: fc.nat({ max: FIRMS.length - 1 }),
  domain: fc.constantFrom(...DOMAINS),
  local: fc.constantFrom('hans.meier2', 'anna.meyer4', 'info', 'eva.maier', 'j.schmitt', 'joerg'),
  phone: fc.option(fc.constantFrom(...PHONES), { nil: undefined }),
  linked: fc.boolean(),
});

function bodyOf(p: typeof probe extends fc.Arbitrary<infer R> ? R : never): DuplicateCheckRequest {
  const emails = [{ address: `${p.local}@${p.domain}`, primary: true }];
  const phones = p.phone ? { businessPhones: [p.phone] } : {};
  if (p.kind === 'company') return { kind: 'company', name: FIRMS[p.firm] ?? 'X', emails, ...phones } as never;
  return {
    kind: 'person',
    firstName: p.first,
    lastName: p.last,
    emails,
    ...phones,
    ...(p.linked ? { companyId: firmIds[p.firm] } : {}),
  } as never;
}

const outcome = (result: Awaited<ReturnType<typeof feature.duplicates.check>>) =>
  result.candidates
    .map((c) => `${c.contact.id} ${c.score} ${[...c.reasons].sort().join(',')} ${c.contact.companyName ?? ''}`)
    .sort();

describe('the duplicate snapshot of a large import', () => {
  it('finds exactly what the database lookups find, for any row', async () => {
    const snapshot = await DuplicateSnapshot.read(feature.repo, TENANT_A, 1000);
    expect(snapshot?.size).toBeGreaterThan(10);
    let withCandidates = 0;
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        const body = bodyOf(p);
        const fromDb = outcome(await feature.duplicates.check(auth, body));
        const fromSnapshot = outcome(await feature.duplicates.checkIn(snapshot as DuplicateSnapshot, body));
        if (fromDb.length > 0) withCandidates++;
        expect(fromSnapshot).toEqual(fromDb);
      }),
      { numRuns: 80 },
    );
    // The property is only worth something if rows did meet stored contacts.
    expect(withCandidates).toBeGreaterThan(20);
  });

  it('sees a contact put back after a write, and an Idempotency-Key it stored', async () => {
    const snapshot = (await DuplicateSnapshot.read(feature.repo, TENANT_A, 1000)) as DuplicateSnapshot;
    const body = { kind: 'person', firstName: 'Kai', lastName: 'Neumann', ...withEmail('kai@neu.de') } as never;
    expect(outcome(await feature.duplicates.checkIn(snapshot, body))).toEqual([]);
    const created = await createContact(t, person('Kai', 'Neumann', withEmail('kai@neu.de')));
    const doc = await feature.repo.findById(TENANT_A, String(created.id));
    snapshot.put(doc!);
    expect(outcome(await feature.duplicates.checkIn(snapshot, body))).toEqual(
      outcome(await feature.duplicates.check(auth, body)),
    );
    expect(snapshot.findByIdempotencyKey(doc!.idempotencyKey)?._id).toEqual(doc!._id);
  });

  it('gives up when the tenant holds more contacts than allowed', async () => {
    expect(await DuplicateSnapshot.read(feature.repo, TENANT_A, 5)).toBeNull();
  });
});
