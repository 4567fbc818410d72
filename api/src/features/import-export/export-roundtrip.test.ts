import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type Contact,
  type ExportSubject,
  type ImportedContact,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LEGAL_BASES,
  mappingFor,
  RELATIONSHIPS,
  ROLES,
  readImportRow,
  recognisePreset,
} from '@klarkonform/shared';
import { csvWriter } from './export-writers';
import { readImportFile } from './import-file';
import { ownerResolver } from './import-plan';

// The CSV export → import round trip (issue 16), pure: contacts written by the export's CSV writer
// (";", BOM, German headers, TT.MM.JJJJ) and read back by the import's file reader and row rules
// are the same contacts — every importable field, opt-outs included.

const USERS = [
  { id: 'u-1', name: 'Anna Admin' },
  { id: 'u-2', name: 'Bernd Vertrieb', email: 'bernd@firma.de' },
];
const NOW = new Date('2026-11-30T12:00:00Z');

const word = fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{1,10}$/);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const domain = fc
  .tuple(fc.stringMatching(/^[a-z]{2,10}$/), fc.constantFrom('de', 'com', 'eu'))
  .map(([d, tld]) => `${d}.${tld}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/), domain)
  .map(([local, d]) => `${local.replace(/\.\.+/g, '.')}@${d}`);
const phone = fc.stringMatching(/^(\+49 [1-9]\d{1,3} \d{3,8}|0[1-9]\d{1,4}[ /-]\d{3,8})$/);
const tag = fc.oneof(words(3), fc.constant('=SUMME(A1)'), fc.constant('Kunde, VIP'), fc.constant('@home'));
const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const reach = fc.record({
  emails: fc.uniqueArray(email, { maxLength: 3, selector: (e) => e.toLowerCase() }),
  primary: fc.nat(2),
  businessPhones: fc.array(phone, { maxLength: 2 }),
  mobilePhone: opt(phone),
  homePhones: fc.array(phone, { maxLength: 2 }),
  address: opt(
    fc.record({
      street: fc.tuple(words(3), fc.integer({ min: 1, max: 199 })).map(([s, n]) => `${s} ${n}`),
      postcode: fc.stringMatching(/^\d{5}$/),
      city: word,
      country: fc.constantFrom('DE', 'AT', 'CH', 'FR', 'NL', 'GB', 'US', 'IT', 'PL'),
    }),
  ),
  website: opt(domain.map((d) => `www.${d}`)),
  relationships: subset(RELATIONSHIPS),
  tags: fc.uniqueArray(tag, { maxLength: 4 }),
  leadSource: opt(fc.constantFrom(...LEAD_SOURCES)),
  leadStatus: opt(fc.constantFrom(...LEAD_STATUSES)),
  customerSince: opt(day),
  owner: opt(fc.constantFrom(...USERS)),
  legalBasis: opt(fc.constantFrom(...LEGAL_BASES)),
  notes: fc.array(words(6), { maxLength: 3 }).map((lines) => lines.join('\n')),
  optOuts: subset(CONSENT_CHANNELS),
});

type Reach = typeof reach extends fc.Arbitrary<infer T> ? T : never;

const personFields = fc.record({
  salutation: fc.constantFrom('Herr', 'Frau', 'divers', 'none'),
  title: opt(fc.constantFrom('Dr.', 'Prof.', 'Prof. Dr.', 'Dipl.-Ing.')),
  firstName: opt(words(2)),
  lastName: words(2),
  companyName: opt(words(2).map((n) => `${n} GmbH`)),
  department: opt(words(2)),
  position: opt(words(3)),
  roles: subset(ROLES),
});
const companyFields = fc.record({ name: words(3).map((n) => `${n} KG`), industry: opt(words(2)) });
type Own = Record<string, unknown> & { companyName?: string };

/** A stored contact as the API answers it, with what the export needs beside it. */
function subjectOf(kind: 'person' | 'company', r: Reach, own: Own, n: number): ExportSubject {
  const channels = Object.fromEntries(
    CONSENT_CHANNELS.map((c) => [
      c,
      r.optOuts.includes(c)
        ? [
            {
              id: `${n}`.padStart(24, '0'),
              type: 'optOut',
              at: '2025-01-01T00:00:00.000Z',
              source: 'Telefon',
              recordedBy: { id: 'u-1', name: 'A' },
            },
          ]
        : [],
    ]),
  );
  const lead =
    r.leadSource || r.leadStatus
      ? { ...(r.leadSource ? { source: r.leadSource } : {}), ...(r.leadStatus ? { status: r.leadStatus } : {}) }
      : undefined;
  const contact = {
    id: `${n}`.padStart(24, 'a'),
    kind,
    ...(kind === 'person' ? { ...own, companyName: undefined } : own),
    emails: r.emails.map((address, i) => ({ address, primary: i === Math.min(r.primary, r.emails.length - 1) })),
    businessPhones: r.businessPhones,
    ...(r.mobilePhone ? { mobilePhone: r.mobilePhone } : {}),
    homePhones: r.homePhones,
    ...(r.address ? { address: r.address } : {}),
    ...(r.website ? { website: r.website } : {}),
    relationships: r.relationships,
    ...(r.customerSince ? { customerSince: r.customerSince } : {}),
    tags: r.tags,
    ...(lead ? { lead } : {}),
    ...(r.owner ? { ownerId: r.owner.id } : {}),
    notes: { specifics: r.notes, history: [], openItems: [], free: [] },
    consent: { ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}), channels },
    contactNumber: `C${String(n).padStart(5, '0')}`,
    version: 1,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    createdBy: { id: 'u-1', name: 'A' },
    updatedBy: { id: 'u-1', name: 'A' },
    syncStatus: 'pending',
    archived: null,
    displayName: 'x',
    letterSalutation: 'x',
  } as unknown as Contact;
  return { contact, companyName: own.companyName, ownerName: r.owner?.name };
}

/** What the import should read back: the contact's importable fields. */
function expected(subject: ExportSubject, optOuts: ConsentChannel[]): ImportedContact & { companyName?: string } {
  const c = subject.contact;
  const p = c.kind === 'person' ? (c as Contact & Record<string, string | undefined>) : undefined;
  const emails = [...c.emails].sort((a, b) => Number(b.primary) - Number(a.primary)).map((e) => e.address);
  const own: Record<string, unknown> = {
    kind: c.kind,
    emails,
    businessPhones: c.businessPhones,
    homePhones: c.homePhones,
    relationships: c.relationships,
    roles: c.kind === 'person' ? c.roles : [],
    tags: c.tags,
    ...(c.mobilePhone ? { mobilePhone: c.mobilePhone } : {}),
    ...(c.address ? { address: c.address } : {}),
    ...(c.website ? { website: c.website } : {}),
    ...(c.lead?.source ? { leadSource: c.lead.source } : {}),
    ...(c.lead?.status ? { leadStatus: c.lead.status } : {}),
    ...(c.customerSince ? { customerSince: c.customerSince } : {}),
    ...(c.ownerId ? { ownerId: c.ownerId } : {}),
    ...(c.notes.specifics ? { notes: c.notes.specifics } : {}),
    ...(c.consent.legalBasis ? { legalBasis: c.consent.legalBasis } : {}),
  };
  if (c.kind === 'company') Object.assign(own, { name: c.name, ...(c.industry ? { industry: c.industry } : {}) });
  else {
    for (const f of ['title', 'firstName', 'lastName', 'department', 'position'] as const) if (p?.[f]) own[f] = p[f];
    if (c.salutation !== 'none') own.salutation = c.salutation;
  }
  return {
    ...(own as ImportedContact),
    optOuts,
    ...(subject.companyName ? { companyName: subject.companyName } : {}),
  } as never;
}

const sorted = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      Array.isArray(v) && k !== 'emails' && !k.endsWith('Phones') ? [...v].sort() : v,
    ]),
  );

async function exportCsv(subjects: ExportSubject[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = csvWriter(out, NOW);
  await writer.write(subjects);
  await writer.end();
  return Buffer.concat(chunks);
}

describe('CSV export → import round trip', () => {
  it('reads back every importable field of every contact', async () => {
    const contactArb = fc.oneof(
      fc.tuple(fc.constant('person' as const), reach, personFields),
      fc.tuple(fc.constant('company' as const), reach, companyFields),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(contactArb, { minLength: 1, maxLength: 6 }), async (list) => {
        const subjects = list.map(([kind, r, own], i) => subjectOf(kind, r, own as Own, i + 1));
        const bytes = await exportCsv(subjects);
        const read = await readImportFile(bytes, 'kontakte.csv');
        expect(read).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: 'semicolon' });
        const header = read.table.header;
        expect(recognisePreset(header)).toBe('klarkonform');
        const mapping = mappingFor(header, 'klarkonform');
        const defaults = {
          kind: 'auto' as const,
          relationships: [],
          tags: [],
          onDuplicate: 'skip' as const,
          onFileDuplicate: 'skip' as const,
        };
        read.table.rows.forEach((row, i) => {
          const reading = readImportRow(row.cells, mapping, header, defaults, { resolveOwner: ownerResolver(USERS) });
          // Generated numbers need not exist; the import keeps them as written and says so.
          expect(reading.problems.filter((p) => p.code !== 'invalidPhone')).toEqual([]);
          const subject = subjects[i] as ExportSubject;
          const r = list[i]?.[1] as Reach;
          const got = {
            ...reading.contact,
            optOuts: reading.optOuts,
            ...(reading.companyName ? { companyName: reading.companyName } : {}),
          };
          expect(sorted(got)).toEqual(
            sorted(
              expected(
                subject,
                [...CONSENT_CHANNELS].filter((c) => r.optOuts.includes(c)),
              ),
            ),
          );
        });
      }),
      { numRuns: 150 },
    );
  });
});
