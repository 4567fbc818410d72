import { afterAll, beforeAll, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { allContacts, fixture, rows, runImport, uploaded } from '../support/imports';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('scratch', async () => {
  for (const name of ['outlook-de-bom.csv', 'outlook-en.csv', 'excel-windows-1252.csv', 'excel-semicolon-utf8.csv', 'two-sheets.xlsx', 'contacts-3-and-4.vcf', 'duplicates.csv']) {
    const imp = await uploaded(t, fixture(name), name);
    console.log(name, imp.format, imp.encoding, imp.delimiter, imp.preset, imp.rowCount, imp.sheets, JSON.stringify(imp.columns.filter((c: any) => c.target !== 'ignore').map((c: any) => `${c.header}→${c.target}`)));
    const page = await rows(t, imp.id);
    for (const r of page.items) console.log('  ', r.row, r.verdict, r.action, JSON.stringify(r.contact), JSON.stringify(r.problems), JSON.stringify(r.company));
    const done = await runImport(t, imp.id);
    console.log('  run', done.status, JSON.stringify(done.run));
  }
  const contacts = await allContacts(t);
  console.log(contacts.length, contacts.map((c) => `${c.contactNumber} ${c.displayName} ${c.companyId ?? ''}`).join('\n'));
}, 120_000);
