import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contactModels } from '../../api/src/features/contacts/contacts.model';
import { createContact, person, withEmail } from '../support/contacts';
import { HOT_PATH_SHAPES, PLAN_IMPORT_ID, planSummary, usesIndex } from '../support/query-shapes';
import { seedContacts } from '../support/seed-contacts';
import { seedOpportunities } from '../support/seed-opportunities';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

// Every hot-path query shape is an index lookup (QUERY-RULES.md, R25): on the embedded engine
// a Bitmap Index Scan on a GIN twin, on MongoDB an IXSCAN. Enough contacts in two tenants that
// the planner would rather scan if no index fitted.

let t: TestApp;
let sample: Record<string, unknown> & { _id: unknown; emailKeys: string[] };

beforeAll(async () => {
  t = await createTestApp();
  await seedContacts(t.app.mongo, TENANT_A, 3000, 'a');
  await seedContacts(t.app.mongo, TENANT_B, 1000, 'b');
  await seedOpportunities(t.app.mongo, TENANT_A, 3000);
  await seedOpportunities(t.app.mongo, TENANT_B, 1000);
  // One contact through the API, then the audit trail and the counters of a busier install
  // (thousands of audit entries, many tenants), so a scan of them would not be the cheap plan.
  await createContact(t, person('Erika', 'Explain', withEmail('erika@explain.de')));
  const db = t.app.mongo.db!;
  await db.collection('audit').insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      tenantId: i % 2 ? TENANT_A : TENANT_B,
      contactId: `c${i % 700}`,
      action: 'update',
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      actor: { id: 'u', name: 'U' },
      changes: [{ field: 'position', before: null, after: `P${i}` }],
    })),
  );
  await db
    .collection('counters')
    .insertMany(
      Array.from({ length: 2000 }, (_, i) => ({ tenantId: `tenant-${i}`, name: 'contactNumber', seq: i, version: 1 })),
    );
  // Activities of those contacts (a few per contact), for the timeline and mail-log shapes.
  const people = await db.collection('contacts').find({ tenantId: TENANT_A }).project({ _id: 1 }).toArray();
  await db.collection('activities').insertMany(
    Array.from({ length: 6000 }, (_, i) => ({
      tenantId: i % 3 ? TENANT_A : TENANT_B,
      type: 'note',
      occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
      subject: `Plan ${i}`,
      contactIds: [String(people[i % people.length]?._id)],
      timelineKeys: [String(people[i % people.length]?._id)],
      contactNames: ['Plan'],
      createdBy: { id: 'u', name: 'U' },
      createdAt: new Date(),
      version: 1,
      idempotencyKey: `plan-key-${i}`,
      requestHash: 'h',
      logKey: `mail:plan-${i}@example.de`,
    })),
  );
  // Follow-ups of those contacts, spread over 20 assignees, most of them done (as in a busy year).
  await db.collection('followUps').insertMany(
    Array.from({ length: 6000 }, (_, i) => ({
      tenantId: i % 3 ? TENANT_A : TENANT_B,
      title: `Plan ${i}`,
      dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
      assigneeId: `user-${i % 20}`,
      contactId: String(people[i % people.length]?._id),
      contactName: 'Plan',
      state: i % 5 ? 'done' : 'open',
      assigneeState:
        i % 5 ? `user-${i % 20}:done:2026-${String((i % 12) + 1).padStart(2, '0')}` : `user-${i % 20}:open`,
      createdBy: { id: 'u', name: 'U' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      idempotencyKey: `plan-follow-up-${i}`,
      requestHash: 'h',
    })),
  );
  // Templates of many tenants (a handful each), for the template list, name and create lookups.
  await db.collection('templates').insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      tenantId: i % 300 === 0 ? TENANT_A : `tenant-${i % 300}`,
      name: `Vorlage ${i}`,
      nameKey: `vorlage ${i}`,
      subject: 'Hallo {{vorname}}',
      bodyHtml: '<p>{{briefanrede}}</p>',
      language: 'de',
      purpose: 'marketing',
      placeholders: ['vorname', 'briefanrede'],
      createdBy: { id: 'u', name: 'U' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      idempotencyKey: `plan-template-${i}`,
      requestHash: 'h',
    })),
  );
  // The mirror's entries of those contacts (most synced, some due, few in error or to review) and
  // the per-tenant documents of many tenants.
  await db.collection('mirrorEntries').insertMany(
    Array.from({ length: 6000 }, (_, i) => {
      const contactId = String(people[i % people.length]?._id ?? `c${i}`);
      const bucket = contactId.slice(-1);
      return {
        tenantId: i % 3 ? TENANT_A : TENANT_B,
        contactId: i < people.length ? contactId : `${contactId}-${i}`,
        bucket,
        ...(i % 20 === 0 ? { due: bucket } : {}),
        status: i % 50 === 0 ? 'error' : i % 20 === 0 ? 'pending' : 'synced',
        ...(i % 100 === 0 ? { review: true } : {}),
        seq: 1,
        want: 1,
        version: 1,
        links: [],
        outlookIds: [`AAkALgPlan=${String(i).padStart(4, '0')}=`],
      };
    }),
  );
  for (const [collection, extra] of [
    ['mirrorSettings', { enabled: true, targets: [], backfill: 0 }],
    ['mirrorLeases', { active: true, until: 0, requested: 0, backfilled: 0 }],
    ['mirrorTargets', { folderName: 'KlarKonform CRM' }],
  ] as const) {
    await db.collection(collection).insertMany(
      Array.from({ length: 2000 }, (_, i) => ({
        // Tenant A (whose mirror is off) has only a target state; the other documents are others'.
        tenantId: i === 7 && collection === 'mirrorTargets' ? TENANT_A : `tenant-${i}`,
        ...(collection === 'mirrorTargets' ? { mailbox: `crm@plan-${i}.de` } : {}),
        ...extra,
        version: 1,
      })),
    );
  }
  // Imports of many tenants (issue 16): rows in chunks and a result per row with its keys.
  const importIds = Array.from({ length: 30 }, (_, i) =>
    i === 0 ? PLAN_IMPORT_ID : `6b0e47009b55d5889fda6f${String(i).padStart(2, '0')}`,
  );
  await db.collection('importRows').insertMany(
    importIds.flatMap((importId, i) =>
      Array.from({ length: 20 }, (_, chunk) => ({
        tenantId: i % 2 ? TENANT_B : TENANT_A,
        rowsKey: `${importId}:1`,
        chunk,
        rows: [{ n: 2, c: ['Max', 'Muster'] }],
      })),
    ),
  );
  await db.collection('importResults').insertMany(
    importIds.flatMap((importId, i) =>
      Array.from({ length: 300 }, (_, index) => ({
        tenantId: i % 2 ? TENANT_B : TENANT_A,
        importId,
        index,
        blockKey: `${importId}:${Math.floor(index / 50)}`,
        row: index + 2,
        verdict: 'new',
        result: { mode: 'import', outcome: index % 20 ? 'created' : 'failed' },
        filterKeys: [`${importId}:${index % 20 ? 'created' : 'failed'}`],
      })),
    ),
  );
  // The requests registers of many tenants (a tenant's few open among many closed) and their DOI links.
  await db.collection('privacyRequests').insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      tenantId: i % 300 === 0 ? TENANT_A : `tenant-${i % 300}`,
      state: i % 10 ? 'closed' : 'open',
      ...(i % 10 ? {} : { openKey: i % 300 === 0 ? TENANT_A : `tenant-${i % 300}` }),
      contactIds: [`c${i}`],
      reference: `DS-2026-${String(i).padStart(4, '0')}`,
      version: 1,
      idempotencyKey: `plan-request-${i}`,
    })),
  );
  await db.collection('doubleOptInTokens').insertMany(
    Array.from({ length: 3000 }, (_, i) => ({
      tenantId: i % 300 === 0 ? TENANT_A : `tenant-${i % 300}`,
      contactId: `c${i}`,
      state: 'used',
      version: 2,
    })),
  );
  // As autovacuum would after a load: the planner's statistics of the fresh tables.
  const postgresUrl = inject('postgresUrl');
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query('ANALYZE');
    await client.end();
  }
  sample = (await contactModels(t.app.mongo)
    .contacts.findOne({ tenantId: TENANT_A, kind: 'person', companyId: { $exists: true } })
    .lean()) as typeof sample;
}, 120_000);
afterAll(async () => t.close());

describe('query plans of the hot paths', () => {
  for (const shape of HOT_PATH_SHAPES) {
    it(`${shape.name} reads through an index`, async () => {
      const explained = await t.app.mongo.db!.command({
        explain: { find: shape.collection, filter: shape.filter(TENANT_A, sample) },
      });
      expect(usesIndex(explained, shape.field), planSummary(explained)).toBe(true);
    });
  }

  it('a filter on a field without an index is reported as a scan (the check can fail)', async () => {
    const explained = await t.app.mongo.db!.command({
      explain: { find: 'contacts', filter: { tenantId: TENANT_A, position: 'Einkauf' } },
    });
    // tenantId alone is indexed but matches a whole tenant; position is not indexed at all.
    const summary = planSummary(explained);
    expect(summary).toMatch(/Seq Scan|COLLSCAN|Index Scan|IXSCAN/);
    const unindexed = await t.app.mongo.db!.command({
      explain: { find: 'contacts', filter: { position: 'Einkauf' } },
    });
    expect(usesIndex(unindexed, 'position'), planSummary(unindexed)).toBe(false);
  });
});
