import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { readPdf } from '../support/pdf-text';
import { seedActivities } from '../support/seed-activities';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The export of a person with 1,000 activities (issue 15: "within 60 s"): every activity is in
// the JSON (read in timeline pages, never one unbounded find) and the PDF runs over many pages.
// The time is printed for the report, not asserted (no timed assertions).

let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await createTestApp();
  // The person is tenant B's only contact, so all seeded activities are theirs.
  const c = await createContact(t, person('Viktor', 'Vielfach', withEmail('viktor@vielfach.de')), {
    tenantId: TENANT_B,
  });
  id = c.id as string;
  expect(await seedActivities(t.app.mongo, TENANT_B, 1000)).toBe(1000);
}, 120_000);
afterAll(() => t.close());

describe('a person with 1,000 activities', () => {
  it('exports all of them as JSON and as a PDF of many pages', async () => {
    const as = { tenantId: TENANT_B };
    let started = performance.now();
    const json = await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${id}/export?format=json` }, as);
    const jsonMs = performance.now() - started;
    expect(json.statusCode).toBe(200);
    const data = json.json();
    expect(data.activities).toHaveLength(1000);
    expect(new Set(data.activities.map((a: { id: string }) => a.id)).size).toBe(1000);
    started = performance.now();
    const pdf = await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${id}/export?format=pdf` }, as);
    const pdfMs = performance.now() - started;
    expect(pdf.statusCode).toBe(200);
    const { pages, text } = readPdf(pdf.rawPayload);
    expect(pages).toBeGreaterThan(10);
    expect(text).toContain('Aktivitäten (1000)');
    console.log(
      `privacy export, 1,000 activities: JSON ${Math.round(jsonMs)} ms (${json.rawPayload.length} bytes), PDF ${Math.round(pdfMs)} ms (${pages} pages, ${pdf.rawPayload.length} bytes)`,
    );
  }, 120_000);
});
