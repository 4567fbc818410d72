import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Every problem the API answers says what is wrong in the reader's language (Accept-Language),
// German and English alike, and names fields by their labels, never by a machine path.

type Json = Record<string, unknown>;
type Problem = { status: number; title: string; detail: string; errors?: Array<{ field: string; message: string }> };

let t: TestApp;
let lead: Json;
let worker: Json;
beforeAll(async () => {
  t = await createTestApp();
  lead = await createContact(t, company('Budget GmbH', { relationships: ['lead'], lead: { status: 'new' } }));
  worker = await createContact(t, person('Petra', 'Patch', { position: 'Einkauf' }));
});
afterAll(() => t.close());

/** The same request in German and in English, with the stored contacts before and after. */
async function inBoth(options: InjectOptions, as = {}): Promise<{ de: Problem; en: Problem; status: number }> {
  const before = await stored();
  const send = (lang: string) =>
    t.request({ ...options, headers: { ...(options.headers ?? {}), 'accept-language': lang } }, as);
  const de = await send('de-DE,de;q=0.9');
  const en = await send('en-GB,en;q=0.8');
  expect(de.statusCode).toBe(en.statusCode);
  expect(de.headers['content-type']).toMatch(/^application\/problem\+json/);
  // A refused request changes nothing.
  expect(await stored()).toBe(before);
  return { de: de.json(), en: en.json(), status: de.statusCode };
}

async function stored(): Promise<string> {
  const ids = [lead.id, worker.id];
  const docs = await Promise.all(ids.map((id) => t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })));
  return JSON.stringify(docs.map((d) => d.json()));
}

const create = (payload: Json, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url: '/api/v1/contacts',
  headers: { 'idempotency-key': randomUUID(), ...headers },
  payload,
});
/** A PATCH with If-Match of the contact's version, of `ifMatch`, or (null) without one. */
const patch = (contact: Json, payload: Json, ifMatch: string | null = `"${contact.version}"`): InjectOptions => ({
  method: 'PATCH',
  url: `/api/v1/contacts/${contact.id}`,
  headers: ifMatch === null ? {} : { 'if-match': ifMatch },
  payload,
});

/** German details read as German and carry no machine path; English ones differ from them. */
function expectReadable({ de, en }: { de: Problem; en: Problem }) {
  for (const problem of [de, en]) expect(problem.detail).not.toMatch(/\b(body|querystring|params|headers)\.\w/);
  expect(de.detail).not.toBe(en.detail);
  expect(de.detail).not.toMatch(/\b(must|allowed|not|the)\b/);
}

describe('validation problems name the field by its label, in German or English', () => {
  it('a lead budget whose minimum is above its maximum (create and patch)', async () => {
    const body = { lead: { status: 'new', budget: { minEur: 50_000, maxEur: 5_000 } } };
    for (const options of [create({ ...company('Neu GmbH'), relationships: ['lead'], ...body }), patch(lead, body)]) {
      const answer = await inBoth(options);
      expect(answer.status).toBe(400);
      expect(answer.de.detail).toBe('Budget: Das Mindestbudget ist größer als das Höchstbudget.');
      expect(answer.en.detail).toBe('Budget: The minimum budget is greater than the maximum.');
      expect(answer.de.errors).toEqual([
        { field: 'body.lead.budget', message: 'Das Mindestbudget ist größer als das Höchstbudget.' },
      ]);
      expectReadable(answer);
    }
  });

  it('several problems: the first in the detail, the number of the others said as such', async () => {
    const answer = await inBoth(patch(worker, { salutation: 'Exzellenz', position: 7 }));
    expect(answer.status).toBe(400);
    expect(answer.de.errors).toHaveLength(2);
    expect(answer.de.detail).toMatch(/ \(weitere Fehler: 1\)$/);
    expect(answer.en.detail).toMatch(/ \(further problems: 1\)$/);
  });

  it('a company-only field in a person patch, also beside a valid field', async () => {
    for (const body of [{ industry: 'Bau' }, { position: 'Leitung', industry: 'Bau' }]) {
      const answer = await inBoth(patch(worker, body));
      expect(answer.status).toBe(400);
      expect(answer.de.detail).toBe('„Branche“ gibt es nur bei Firmen.');
      expect(answer.en.detail).toBe('“Industry” only exists for companies.');
      expect(answer.de.errors).toEqual([{ field: 'body.industry', message: '„Branche“ gibt es nur bei Firmen.' }]);
      expectReadable(answer);
    }
  });

  it('a person-only field in a company patch, and in a company create', async () => {
    const patched = await inBoth(patch(lead, { firstName: 'Max' }));
    expect(patched.de.detail).toBe('„Vorname“ gibt es nur bei Personen.');
    expect(patched.en.detail).toBe('“First name” only exists for people.');
    const created = await inBoth(create({ ...company('Falsch GmbH'), position: 'Chef' }));
    expect(created.de.detail).toBe('„Position“ gibt es nur bei Personen.');
    expect(created.en.detail).toBe('“Position” only exists for people.');
    expect(created.de.errors?.map((e) => e.field)).toEqual(['body.position']);
  });

  it('an unknown field in a person patch or create, without the other shape’s noise', async () => {
    for (const options of [patch(worker, { position: 'Leitung', xyz: 1 }), create({ ...person('A', 'B'), xyz: 1 })]) {
      const answer = await inBoth(options);
      expect(answer.status).toBe(400);
      expect(answer.de.detail).toBe('Unbekanntes Feld „xyz“');
      expect(answer.en.detail).toBe('Unknown field “xyz”');
      expect(answer.de.errors).toEqual([{ field: 'body.xyz', message: 'Unbekanntes Feld „xyz“' }]);
    }
    const kind = await inBoth(patch(worker, { kind: 'company' }));
    expect(kind.de.detail).toBe('„Art“ kann hier nicht angegeben werden.');
    expect(kind.en.detail).toBe('“Type” cannot be given here.');
  });

  it('an enumeration value that does not exist lists the allowed values by their labels, each with the value to send', async () => {
    const status = await inBoth(patch(worker, { lead: { status: 'hot' } }));
    expect(status.de.detail).toBe(
      'Lead-Status: unbekannter Wert „hot“; erlaubt sind: Neu (new), In Qualifizierung (qualifying), Angebot (offer), Gewonnen (won), Verloren (lost), Archiviert (archived)',
    );
    expect(status.en.detail).toBe(
      'Lead status: unknown value “hot”; allowed values: New, Qualifying, Offer, Won, Lost, Archived',
    );
    expect(status.de.errors?.[0]?.field).toBe('body.lead.status');
    expectReadable(status);
    const salutation = await inBoth(patch(worker, { salutation: 'Mr' }));
    expect(salutation.de.detail).toBe(
      'Anrede: unbekannter Wert „Mr“; erlaubt sind: Herr, Frau, Divers, Keine Angabe (none)',
    );
    const kind = await inBoth(create({ kind: 'robot', name: 'R2' }));
    expect(kind.de.detail).toBe('Art: unbekannter Wert „robot“; erlaubt sind: Firma (company), Person');
    expect(kind.en.detail).toBe('Type: unknown value “robot”; allowed values: Company, Person');
    const filter = await inBoth({ method: 'GET', url: '/api/v1/contacts?relationship=friend' });
    expect(filter.de.detail).toBe(
      'Beziehung: unbekannter Wert „friend“; erlaubt sind: Kunde (customer), Lieferant (supplier), Lead, Partner',
    );
  });

  it('nested fields: address parts, the entry of a list, the budget’s bounds', async () => {
    const postcode = await inBoth(patch(worker, { address: { postcode: 10115 } }));
    expect([postcode.de.detail, postcode.en.detail]).toEqual(['PLZ: muss ein Text sein', 'Postcode: must be text']);
    const email = await inBoth(
      patch(worker, {
        emails: [
          { address: 'petra@patch.de', primary: true },
          { address: 'kein-at-zeichen', primary: false },
        ],
      }),
    );
    expect(email.de.detail).toBe('E-Mail-Adressen, Eintrag 2: ist keine gültige E-Mail-Adresse');
    expect(email.en.detail).toBe('Email addresses, entry 2: is not a valid email address');
    expect(email.de.errors?.[0]?.field).toBe('body.emails.1.address');
    const negative = await inBoth(patch(lead, { lead: { budget: { minEur: -5 } } }));
    expect([negative.de.detail, negative.en.detail]).toEqual([
      'Budget von (€): muss mindestens 0 sein',
      'Budget from (€): must be at least 0',
    ]);
    const address = await inBoth(patch(worker, { address: 'Hauptstraße 1' }));
    expect(address.de.detail).toBe('Adresse: muss ein Objekt oder leer (null) sein');
    const empty = await inBoth(patch(worker, {}));
    expect([empty.de.detail, empty.en.detail]).toEqual([
      'Bitte mindestens ein Feld angeben.',
      'Please give at least one field.',
    ]);
  });
});

describe('other problems explain themselves in the reader’s language', () => {
  it('401 without a token and with an expired one', async () => {
    const send = async (headers: Record<string, string>) =>
      Promise.all(
        ['de', 'en'].map(async (lang) =>
          (
            await t.app.inject({
              method: 'GET',
              url: '/api/v1/contacts',
              headers: { ...headers, 'accept-language': lang },
            })
          ).json(),
        ),
      );
    const [deMissing, enMissing] = await send({});
    expect(deMissing).toMatchObject({ status: 401, title: 'Nicht angemeldet' });
    expect(deMissing.detail).toBe('Bitte melden Sie sich an: Die Anfrage enthält kein Bearer-Token.');
    expect(enMissing).toMatchObject({
      title: 'Not signed in',
      detail: 'Please sign in: the request carries no bearer token.',
    });
    const expired = await t.token({ expiresInSeconds: -3600 });
    const [deExpired, enExpired] = await send({ authorization: `Bearer ${expired}` });
    expect(deExpired.detail).toBe(
      'Das Anmelde-Token wurde nicht angenommen (abgelaufen). Bitte melden Sie sich erneut an.',
    );
    expect(enExpired.detail).toBe('The sign-in token was not accepted (expired). Please sign in again.');
  });

  it('404 for a contact that does not exist, another tenant’s contact, and an unknown address', async () => {
    const missing = await inBoth({ method: 'GET', url: '/api/v1/contacts/0123456789abcdef01234567' });
    expect(missing.status).toBe(404);
    expect([missing.de.detail, missing.en.detail]).toEqual([
      'Der Kontakt existiert nicht (mehr).',
      'The contact does not exist (any more).',
    ]);
    const foreign = await inBoth({ method: 'GET', url: `/api/v1/contacts/${worker.id}` }, { tenantId: TENANT_B });
    expect(foreign.status).toBe(404);
    expect(foreign.de.detail).toBe(missing.de.detail);
    const route = await inBoth({ method: 'GET', url: '/api/v1/nirgends?x=1' });
    expect([route.de.detail, route.en.detail]).toEqual([
      'Diese Adresse gibt es nicht: GET /api/v1/nirgends',
      'There is no such address: GET /api/v1/nirgends',
    ]);
  });

  it('409 for a reused Idempotency-Key and for archiving twice', async () => {
    const key = randomUUID();
    const first = await t.request(create(person('Erst', 'Einmal'), { 'idempotency-key': key }));
    expect(first.statusCode).toBe(201);
    const reused = await inBoth(create(person('Ganz', 'Anders'), { 'idempotency-key': key }));
    expect(reused.status).toBe(409);
    expect(reused.de).toMatchObject({ title: 'Konflikt' });
    expect(reused.de.detail).toBe(
      'Dieser Idempotency-Key wurde bereits für eine Anfrage mit anderem Inhalt verwendet.',
    );
    expect(reused.en.detail).toBe('This Idempotency-Key was already used for a request with different content.');

    const gone = await createContact(t, person('Alt', 'Archiv'));
    const archive = {
      method: 'POST',
      url: `/api/v1/contacts/${gone.id}/archive`,
      payload: { reason: 'Firma aufgelöst' },
    } as const;
    expect((await t.request(archive)).statusCode).toBe(200);
    const twice = await inBoth(archive);
    expect(twice.status).toBe(409);
    expect([twice.de.detail, twice.en.detail]).toEqual([
      'Der Kontakt ist bereits archiviert.',
      'The contact is already archived.',
    ]);
  });

  it('412 for an If-Match of an older version, 428 without If-Match, 400 for a malformed one', async () => {
    const stale = await inBoth(patch(worker, { position: 'Leitung' }, '"7"'));
    expect(stale.status).toBe(412);
    expect(stale.de).toMatchObject({ title: 'Vorbedingung fehlgeschlagen' });
    expect(stale.de.detail).toBe(`Gespeichert ist inzwischen Version ${worker.version}, nicht 7. Bitte neu laden.`);
    expect(stale.en.detail).toBe(`The stored version is ${worker.version} now, not 7. Please reload.`);
    const missing = await inBoth(patch(worker, { position: 'Leitung' }, null));
    expect(missing.status).toBe(428);
    expect(missing.de.detail).toBe(
      'Änderungen brauchen die Version, die Sie bearbeitet haben (If-Match mit dem ETag).',
    );
    expect(missing.en.detail).toBe('Changes need the version you edited (If-Match with its ETag).');
    const malformed = await inBoth(patch(worker, { position: 'Leitung' }, 'version-eins'));
    expect(malformed.status).toBe(400);
    expect(malformed.de.detail).toBe('If-Match muss eine Version wie "3" sein.');
  });
});
