import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@klarkonform/shared';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';
import { allContacts } from '../support/imports';

// Issue 16: exports of everything, a filter or a selection as CSV for German Excel, .xlsx and
// vCard; audited; and an export imported into an empty tenant gives the same contacts.

let t: TestApp;
let firm: Record<string, unknown>;
let max: Record<string, unknown>;

/** An empty tenant per format of the round trip. */
const EMPTY_TENANTS = {
  csv: TENANT_B,
  xlsx: '44444444-4444-4444-8444-444444444444',
  vcard: '55555555-5555-4555-8555-555555555555',
};

beforeAll(async () => {
  t = await createTestApp({ ALLOWED_TENANTS: [TENANT_A, ...Object.values(EMPTY_TENANTS)].join(',') });
  firm = await createContact(
    t,
    company('Muster GmbH', {
      ...withEmail('info@muster.de'),
      industry: 'Maschinenbau',
      relationships: ['customer'],
      customerSince: '2020-03-15',
      tags: ['Weihnachtskarte'],
      address: { street: 'Hauptstraße 1', postcode: '10115', city: 'Berlin', country: 'DE' },
    }),
  );
  max = await createContact(
    t,
    person('Max', 'Mustermann', {
      ...withEmail('max@muster.de'),
      salutation: 'Herr',
      title: 'Dr.',
      companyId: firm.id,
      position: 'Geschäftsführer',
      businessPhones: ['+49 30 1234567'],
      mobilePhone: '0171 1234567',
      roles: ['decisionMaker'],
      tags: ['Weihnachtskarte', 'VIP'],
      notes: { specifics: 'Mag keine Anrufe vor 10 Uhr.\n=Formel? Nein.' },
      legalBasis: 'contract',
    }),
  );
  await t.request({
    method: 'POST',
    url: `/api/v1/contacts/${max.id}/consent-events`,
    payload: { channel: 'email', type: 'optOut', source: 'Anruf' },
  });
  await createContact(
    t,
    person('Erika', 'Lead', { ...withEmail('erika@lead.de'), relationships: ['lead'], lead: { source: 'tradeFair' } }),
  );
});
afterAll(async () => t.close());

const exportOf = (payload: Record<string, unknown>, as = {}) =>
  t.request({ method: 'POST', url: '/api/v1/exports', payload }, as);

describe('CSV for German Excel', () => {
  it('has a BOM, ";", German headers, TT.MM.JJJJ dates, tags and consent per channel', async () => {
    const res = await exportOf({ format: 'csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-export-count']).toBe('3');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kontakte-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\uFEFFKontaktnummer;Art (Firma/Person);Anrede;Titel;Vorname;Nachname;Firma;')).toBe(
      true,
    );
    const [header, ...lines] = parse(res.body.slice(1), { delimiter: ';' }) as string[][];
    const col = (line: string[] | undefined, name: string) => line?.[header?.indexOf(name) ?? -1];
    const maxLine = lines.find((l) => l.includes('Mustermann'));
    expect(col(maxLine, 'Anrede')).toBe('Herr');
    expect(col(maxLine, 'Firma')).toBe('Muster GmbH');
    expect(col(maxLine, 'Rollen')).toBe('Entscheider');
    expect(col(maxLine, 'Tags')).toBe('Weihnachtskarte; VIP');
    expect(col(maxLine, 'Einwilligung E-Mail')).toBe('Widersprochen');
    expect(col(maxLine, 'Einwilligung Telefon')).toBe('Keine Einwilligung');
    expect(col(maxLine, 'Rechtsgrundlage')).toBe('Vertrag');
    expect(col(maxLine, 'Besonderheiten')).toBe('Mag keine Anrufe vor 10 Uhr.\n=Formel? Nein.');
    expect(col(maxLine, 'Erstellt am')).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const firmLine = lines.find((l) => l.includes('Muster GmbH') && l.includes('Firma'));
    expect(col(firmLine, 'Kunde seit')).toBe('15.03.2020');
    expect(col(firmLine, 'Land')).toBe('Deutschland');
    expect(col(firmLine, 'Beziehung')).toBe('Kunde');
  });

  it('exports a filter of the contact list or a selection, and audits every export', async () => {
    const tagged = await exportOf({ format: 'csv', tag: 'VIP' });
    expect(tagged.headers['x-export-count']).toBe('1');
    const leads = await exportOf({ format: 'csv', relationship: 'lead' });
    expect(leads.headers['x-export-count']).toBe('1');
    expect(leads.body).toContain('erika@lead.de');
    const searched = await exportOf({ format: 'csv', q: 'muster' });
    expect(searched.headers['x-export-count']).toBe('2');
    const picked = await exportOf({ format: 'csv', ids: [max.id] });
    expect(picked.headers['x-export-count']).toBe('1');
    const recent = (await t.request({ method: 'GET', url: '/api/v1/exports' })).json();
    expect(recent.items[0]).toMatchObject({
      format: 'csv',
      filter: { ids: 1 },
      count: 1,
      actor: { id: 'user-a', name: 'Test User' },
    });
    expect(recent.items[1]).toMatchObject({ filter: { q: 'muster' }, count: 2 });
    expect(recent.items).toHaveLength(5);
  });
});

describe('.xlsx and vCard', () => {
  it('writes a workbook with one sheet of contacts and date cells', async () => {
    const res = await exportOf({ format: 'xlsx', tag: 'Weihnachtskarte' });
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.getWorksheet('Kontakte');
    if (!sheet) throw new Error('no sheet Kontakte');
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const firmRow = sheet.getRow(2).values as unknown[];
    const since = firmRow[header.indexOf('Kunde seit') + 1];
    expect(since).toEqual(new Date('2020-03-15T00:00:00Z'));
  });

  it('writes vCard 3.0 for Outlook and 4.0 on request', async () => {
    const v3 = await exportOf({ format: 'vcard', ids: [max.id] });
    expect(v3.headers['content-type']).toBe('text/vcard; charset=utf-8; version=3.0');
    expect(v3.body).toContain('VERSION:3.0');
    expect(v3.body).toContain('EMAIL;TYPE=INTERNET,WORK,PREF:max@muster.de');
    const card = new ICAL.Component(ICAL.parse(v3.body) as never);
    expect(card.getFirstProperty('n')?.getFirstValue()).toEqual(['Mustermann', 'Max', '', 'Herr Dr.', '']);
    expect(card.getFirstProperty('org')?.getFirstValue()).toBe('Muster GmbH');
    expect(card.getFirstPropertyValue('title')).toBe('Geschäftsführer');
    expect(card.getAllProperties('categories')[0]?.getValues()).toEqual(['Weihnachtskarte', 'VIP']);
    const v4 = await exportOf({ format: 'vcard', vcardVersion: '4.0', ids: [firm.id] });
    expect(v4.body).toContain('VERSION:4.0');
    expect(v4.body).toContain('KIND:org');
  });

  it('is for CRM.Admin only', async () => {
    expect((await exportOf({ format: 'csv' }, { roles: ['CRM.Sales'] })).statusCode).toBe(403);
    expect((await exportOf({ format: 'pdf' })).statusCode).toBe(400);
  });
});

/** The fields a contact keeps through export and import (not its number, stamps or ids). */
function portable(c: Contact, companies: Map<string, string>): Record<string, unknown> {
  const {
    id: _i,
    contactNumber: _n,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    ...rest
  } = c;
  const { consent, notes, syncStatus: _s, ownerId: _o, lead, ...fields } = rest;
  const companyId = c.kind === 'person' ? c.companyId : undefined;
  const { companyId: _ci, ...own } = fields as typeof fields & { companyId?: string };
  return {
    ...own,
    company: companyId ? companies.get(companyId) : undefined,
    optOuts: Object.entries(consent.channels)
      .filter(([, events]) => events.some((e) => e.type === 'optOut'))
      .map(([channel]) => channel),
    legalBasis: consent.legalBasis,
    notes: notes.specifics,
    lead: lead ? { source: lead.source, status: lead.status } : undefined,
  };
}

describe('export → import round trip', () => {
  it.each(['csv', 'xlsx', 'vcard'] as const)(
    '%s: importing an export into an empty tenant gives the same contacts',
    async (format) => {
      const tenant = { tenantId: EMPTY_TENANTS[format], userId: `user-${format}` };
      const exported = await exportOf({ format });
      const fileName = `export.${format === 'vcard' ? 'vcf' : format}`;
      const res = await t.request(
        {
          method: 'POST',
          url: `/api/v1/imports?fileName=${fileName}`,
          headers: { 'content-type': 'application/octet-stream' },
          payload: exported.rawPayload,
        },
        tenant,
      );
      expect(res.statusCode, res.body).toBe(201);
      const imp = res.json();
      expect(imp.preset).toBe(format === 'vcard' ? 'vcard' : 'klarkonform');
      const started = await t.request(
        { method: 'POST', url: `/api/v1/imports/${imp.id}/run`, payload: { dryRun: false } },
        tenant,
      );
      expect(started.statusCode).toBe(202);
      for (let i = 0; i < 200; i++) {
        const now = (await t.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` }, tenant)).json();
        if (now.status === 'done') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const source = await allContacts(t);
      const copy = await allContactsOf(tenant);
      const names = (list: Contact[]) =>
        new Map(list.filter((c) => c.kind === 'company').map((c) => [c.id, c.displayName]));
      const shape = (list: Contact[]) =>
        list
          .map((c) => portable(c, names(list)))
          .sort((a, b) => String(a.displayName).localeCompare(String(b.displayName)));
      const expected = shape(source);
      if (format === 'vcard') {
        // vCards carry what Outlook knows: names, organisation, reach, tags, notes — not CRM data.
        for (const c of expected as Record<string, unknown>[]) {
          Object.assign(c, { relationships: [], optOuts: [], lead: undefined, legalBasis: undefined });
          if (c.kind === 'person') c.roles = [];
          delete c.customerSince;
          delete c.industry;
        }
      }
      expect(shape(copy)).toEqual(expected);
    },
  );
});

async function allContactsOf(as: Record<string, string>): Promise<Contact[]> {
  const out: Contact[] = [];
  const page = (await t.request({ method: 'GET', url: '/api/v1/contacts?limit=100' }, as)).json();
  for (const item of page.items)
    out.push((await t.request({ method: 'GET', url: `/api/v1/contacts/${item.id}` }, as)).json());
  return out;
}
