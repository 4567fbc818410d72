import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';
import { allContacts, fixture, personNamed, rows, runImport, uploaded } from '../support/imports';

// Issue 16: duplicates within the file and against the database get a verdict by the create
// dialog's rules and an action (skip, merge = fill empty fields only, create anyway); a dry run
// changes nothing; importing the same file again creates nothing; the report lists every row.

let t: TestApp;
let altkunde: Record<string, unknown>;
let eva: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  altkunde = await createContact(t, company('Altkunde AG', { website: 'altkunde.de' }));
  eva = await createContact(
    t,
    person('Eva', 'Bestand', { ...withEmail('eva.bestand@altkunde.de'), companyId: altkunde.id, position: 'Einkauf' }),
  );
  // Sounds like the file's "Hans Maier" and works at the same company (by domain).
  await createContact(t, person('Hans', 'Meier', { ...withEmail('h.meier@altkunde.de'), companyId: altkunde.id }));
});
afterAll(async () => t.close());

describe('duplicates in the file and in the database', () => {
  let importId: string;

  it('shows a verdict per row: new, duplicate of an earlier row, duplicate of a stored contact', async () => {
    const imp = await uploaded(t, fixture('duplicates.csv'), 'duplicates.csv');
    importId = imp.id;
    const page = await rows(t, imp.id);
    const verdicts = page.items.map((r) => [r.row, r.verdict, r.sameAsRow ?? null, r.action, r.actions]);
    expect(verdicts).toEqual([
      [2, 'new', null, 'create', ['create', 'skip']],
      [3, 'fileDuplicate', 2, 'skip', ['merge', 'skip']],
      [4, 'fileDuplicate', 2, 'skip', ['create', 'merge', 'skip']],
      [5, 'duplicate', null, 'skip', ['merge', 'skip']],
      [6, 'duplicate', null, 'skip', ['create', 'merge', 'skip']],
      [7, 'new', null, 'create', ['create', 'skip']],
    ]);
    const evaRow = page.items[3];
    expect(evaRow?.candidates[0]).toMatchObject({
      contact: { id: eva.id, displayName: 'Eva Bestand' },
      reasons: expect.arrayContaining(['sameEmail']),
    });
    expect(evaRow?.mergeTargetId).toBe(eva.id);
    expect(evaRow?.company).toEqual({ name: 'Altkunde AG', action: 'link', id: altkunde.id });
    expect(page.items[4]?.candidates[0]?.reasons).toEqual(expect.arrayContaining(['phoneticName', 'sameCompanyName']));
  });

  it('a dry run records what would happen and changes nothing', async () => {
    const before = await allContacts(t);
    const done = await runImport(t, importId, true);
    expect(done).toMatchObject({ status: 'done', run: { mode: 'dryRun', total: 6, done: 6 } });
    expect(done.run?.counts).toEqual({ created: 2, merged: 0, skipped: 4, failed: 0 });
    expect(await allContacts(t)).toEqual(before);
    const skipped = await rows(t, importId, '&filter=skipped');
    expect(skipped.items.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(skipped.total).toBe(4);
    const dupes = await rows(t, importId, '&filter=duplicates');
    expect(dupes.items.map((r) => [r.row, r.result?.mode, r.result?.outcome])).toEqual([
      [3, 'dryRun', 'skipped'],
      [4, 'dryRun', 'skipped'],
      [5, 'dryRun', 'skipped'],
      [6, 'dryRun', 'skipped'],
    ]);
  });

  it('takes a row’s own action: merge fills only empty fields, create anyway stores a second contact', async () => {
    const merge = await t.request({
      method: 'PUT',
      url: `/api/v1/imports/${importId}/rows/5/action`,
      payload: { action: 'merge' },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toMatchObject({ row: 5, action: 'merge', actionChosen: true, mergeTargetId: eva.id });
    const create = await t.request({
      method: 'PUT',
      url: `/api/v1/imports/${importId}/rows/6/action`,
      payload: { action: 'create' },
    });
    expect(create.json()).toMatchObject({ action: 'create', actionChosen: true });
    // "Neu anlegen" is not offered for an address another person has.
    const refused = await t.request({
      method: 'PUT',
      url: `/api/v1/imports/${importId}/rows/5/action`,
      headers: { 'accept-language': 'de' },
      payload: { action: 'create' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('Aktion: „Neu anlegen“ ist für diese Zeile nicht möglich.');
    const imp = (await t.request({ method: 'GET', url: `/api/v1/imports/${importId}` })).json();
    expect(imp).toMatchObject({ rowActions: 2, status: 'done' });
    expect(imp.lastDryRun).toBeUndefined();
  });

  it('imports: new rows created, file duplicates skipped, the chosen merge and create carried out', async () => {
    const done = await runImport(t, importId);
    expect(done).toMatchObject({ status: 'done', run: { mode: 'import', done: 6 }, lastDryRun: { mode: 'dryRun' } });
    expect(done.run?.counts).toEqual({ created: 3, merged: 1, skipped: 2, failed: 0 });
    const contacts = await allContacts(t);
    expect(contacts.filter((c) => c.displayName === 'Thomas Müller')).toHaveLength(1);
    expect(contacts.some((c) => c.displayName === 'Tomas Mueller')).toBe(false);
    // Eva kept her position; her empty fields stay as they were (the file has nothing else for her).
    const evaNow = personNamed(contacts, 'Eva Bestand');
    expect(evaNow).toMatchObject({ position: 'Einkauf', companyId: altkunde.id, version: 1 });
    expect(personNamed(contacts, 'Hans Maier')).toMatchObject({
      companyId: altkunde.id,
      emails: [{ address: 'hans.maier@altkunde.de', primary: true }],
    });
    expect(personNamed(contacts, 'Hans Meier').id).not.toBe(personNamed(contacts, 'Hans Maier').id);
    expect(
      contacts
        .filter((c) => c.kind === 'company')
        .map((c) => c.displayName)
        .sort(),
    ).toEqual(['Altkunde AG', 'Neufirma GmbH', 'Schreinerei Holz GmbH']);
  });

  it('writes the report: one line per row with outcome, contact number, verdict and the row’s values', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/imports/${importId}/report.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="duplicates-bericht.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = parse(res.body.slice(1), { delimiter: ';' }) as string[][];
    expect(lines[0]).toEqual([
      'Zeile',
      'Ergebnis',
      'Kontaktnummer',
      'Dublettenprüfung',
      'Begründung',
      'Hinweise',
      'Vorname',
      'Nachname',
      'Firma',
      'E-Mail',
      'Telefon',
    ]);
    const contacts = await allContacts(t);
    const thomas = personNamed(contacts, 'Thomas Müller');
    expect(lines.slice(1).map((l) => l.slice(0, 4))).toEqual([
      ['2', 'Angelegt', thomas.contactNumber, 'Neu'],
      ['3', 'Übersprungen', thomas.contactNumber, 'Dublette in der Datei'],
      ['4', 'Übersprungen', thomas.contactNumber, 'Dublette in der Datei'],
      ['5', 'Zusammengeführt', String(eva.contactNumber), 'Dublette in KlarKonform'],
      ['6', 'Angelegt', personNamed(contacts, 'Hans Maier').contactNumber, 'Dublette in KlarKonform'],
      ['7', 'Angelegt', personNamed(contacts, 'Lisa Neu').contactNumber, 'Neu'],
    ]);
    expect(lines[4]?.slice(6)).toEqual(['Eva', 'Bestand', 'Altkunde AG', 'eva.bestand@altkunde.de', '']);
  });

  it('a finished import is final: no second run, no changes', async () => {
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/imports/${importId}/run`,
      payload: { dryRun: false },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
  });

  it('importing the same file again creates nothing', async () => {
    const before = await allContacts(t);
    const imp = await uploaded(t, fixture('duplicates.csv'), 'duplicates.csv');
    const page = await rows(t, imp.id);
    expect(page.items.map((r) => r.verdict)).toEqual([
      'alreadyImported',
      'fileDuplicate',
      'fileDuplicate',
      'duplicate',
      'alreadyImported',
      'alreadyImported',
    ]);
    const done = await runImport(t, imp.id);
    expect(done.run?.counts).toEqual({ created: 0, merged: 0, skipped: 6, failed: 0 });
    expect(await allContacts(t)).toEqual(before);
  });
});

describe('merge fills empty fields only', () => {
  it('adds what is missing and keeps what is there', async () => {
    const stored = await createContact(
      t,
      person('Greta', 'Garbe', { ...withEmail('greta@garbe-design.de'), position: 'Inhaberin', tags: ['Alt'] }),
    );
    const csv =
      'Vorname;Nachname;E-Mail;Position;Abteilung;Mobil;Tags\nGreta;Garbe;greta@garbe-design.de;Praktikantin;Design;0170 555;Neu\n';
    const imp = await uploaded(t, csv, 'garbe.csv');
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/imports/${imp.id}`,
      headers: { 'if-match': `"${imp.version}"` },
      payload: {
        defaults: { kind: 'auto', relationships: [], tags: [], onDuplicate: 'merge', onFileDuplicate: 'skip' },
      },
    });
    expect(patched.statusCode).toBe(200);
    const done = await runImport(t, imp.id);
    expect(done.run?.counts).toEqual({ created: 0, merged: 1, skipped: 0, failed: 0 });
    const greta = (await t.request({ method: 'GET', url: `/api/v1/contacts/${stored.id}` })).json();
    expect(greta).toMatchObject({
      position: 'Inhaberin',
      department: 'Design',
      mobilePhone: '0170 555',
      tags: ['Alt', 'Neu'],
      version: 2,
    });
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${stored.id}/history` })).json();
    expect(history.items[0]).toMatchObject({ action: 'merge', actor: { id: 'user-a' } });
    // Again: nothing left to fill, nothing written.
    const twice = await uploaded(t, csv, 'garbe.csv');
    await t.request({
      method: 'PATCH',
      url: `/api/v1/imports/${twice.id}`,
      headers: { 'if-match': `"${twice.version}"` },
      payload: {
        defaults: { kind: 'auto', relationships: [], tags: [], onDuplicate: 'merge', onFileDuplicate: 'skip' },
      },
    });
    expect((await runImport(t, twice.id)).run?.counts).toEqual({ created: 0, merged: 1, skipped: 0, failed: 0 });
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${stored.id}` })).json().version).toBe(2);
  });
});

describe('opt-outs in the file', () => {
  it('are recorded as consent events with the file as source; consents are not imported', async () => {
    const csv =
      'Vorname;Nachname;E-Mail;Einwilligung E-Mail;Einwilligung Newsletter\nOtto;Opt;otto@opt.de;Widersprochen;Erteilt\n';
    const imp = await uploaded(t, csv, 'einwilligung.csv');
    const page = await rows(t, imp.id);
    expect(page.items[0]?.contact?.optOuts).toEqual(['email']);
    expect(page.items[0]?.problems).toEqual([
      {
        code: 'consentNotImported',
        severity: 'warning',
        target: 'consentNewsletter',
        column: 'Einwilligung Newsletter',
        value: 'Erteilt',
      },
    ]);
    await runImport(t, imp.id);
    const otto = personNamed(await allContacts(t), 'Otto Opt');
    expect(otto.consent.channels.email).toEqual([
      expect.objectContaining({
        type: 'optOut',
        source: 'Import: einwilligung.csv',
        proof: `Import ${imp.id}, Zeile 2`,
      }),
    ]);
    expect(otto.consent.channels.newsletter).toEqual([]);
  });
});
