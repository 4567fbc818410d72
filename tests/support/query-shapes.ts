import { Types } from 'mongoose';
import { koelnerPhonetik, monthOf } from '@klarkonform/shared';
import { seedContactId, seedOwners } from './seed-opportunities';

// The hot-path query shapes of the API (api/src/features/QUERY-RULES.md), as the repositories
// send them, for the explain test and the benchmark. A new hot-path query gets a line here.

type Doc = Record<string, unknown> & { _id: unknown; emailKeys: string[]; companyId?: string };

export interface QueryShape {
  readonly name: string;
  readonly collection: string;
  /** The lookup field whose index must serve the query. */
  readonly field: string;
  filter(tenantId: string, person: Doc): Record<string, unknown>;
}

const LIVE = { archived: null, mergedInto: { $exists: false } };

/** The import the import shapes ask for (query-plans.test.ts seeds it among many others). */
export const PLAN_IMPORT_ID = '6b0e47009b55d5889fda6e00';

export const HOT_PATH_SHAPES: readonly QueryShape[] = [
  { name: 'contact by id', field: '_id', collection: 'contacts', filter: (tenantId, p) => ({ tenantId, _id: p._id }) },
  {
    name: 'card: contact by address',
    field: 'emailKeys',
    collection: 'contacts',
    filter: (tenantId, p) => ({ emailKeys: p.emailKeys[0], ...LIVE, tenantId }),
  },
  {
    name: 'card: company by domain',
    field: 'companyDomainKeys',
    collection: 'contacts',
    filter: (tenantId, p) => ({
      kind: 'company',
      companyDomainKeys: String(p.emailKeys[0]).split('@')[1],
      ...LIVE,
      tenantId,
    }),
  },
  {
    name: 'card: people of a company',
    field: 'companyId',
    collection: 'contacts',
    filter: (tenantId, p) => ({ companyId: p.companyId, ...LIVE, tenantId }),
  },
  {
    name: 'search: name prefix',
    field: 'namePrefixes',
    collection: 'contacts',
    filter: (tenantId, p) => ({ namePrefixes: String(p.sortName).slice(0, 5), archived: null, tenantId }),
  },
  {
    name: 'search: whole name word (exact rank)',
    field: 'nameWords',
    collection: 'contacts',
    filter: (tenantId, p) => ({ nameWords: String(p.sortName).split(' ')[0], archived: null, tenantId }),
  },
  {
    name: 'search: phonetic name code',
    field: 'phoneticKeys',
    collection: 'contacts',
    filter: (tenantId, p) => ({
      phoneticKeys: koelnerPhonetik(String(p.sortName).split(' ')[0] ?? ''),
      archived: null,
      tenantId,
    }),
  },
  {
    name: 'search: address prefix',
    field: 'emailPrefixes',
    collection: 'contacts',
    filter: (tenantId, p) => ({ emailPrefixes: String(p.emailKeys[0]).slice(0, -3), archived: null, tenantId }),
  },
  {
    name: 'search: domain',
    field: 'emailDomainKeys',
    collection: 'contacts',
    filter: (tenantId, p) => ({ emailDomainKeys: String(p.emailKeys[0]).split('@')[1], archived: null, tenantId }),
  },
  {
    name: 'search: phone prefix',
    field: 'phonePrefixes',
    collection: 'contacts',
    filter: (tenantId) => ({ phonePrefixes: '030100012', archived: null, tenantId }),
  },
  {
    name: 'search: contact number',
    field: 'contactNumber',
    collection: 'contacts',
    filter: (tenantId) => ({ contactNumber: 'C00007', archived: null, tenantId }),
  },
  {
    name: 'duplicates: phonetic name at the company',
    field: 'matchKeys',
    collection: 'contacts',
    filter: (tenantId, p) => ({ matchKeys: (p.matchKeys as string[])[0], tenantId }),
  },
  {
    name: 'duplicates: phone',
    field: 'phoneKeys',
    collection: 'contacts',
    filter: (tenantId) => ({ phoneKeys: '+49301000007', mergedInto: { $exists: false }, tenantId }),
  },
  {
    name: 'list: leads, one letter (lead review)',
    field: 'listKeys',
    collection: 'contacts',
    filter: (tenantId) => ({ listKeys: 'active:lead:m', archived: null, tenantId }),
  },
  {
    name: 'list: bucket (unfiltered lists, scans)',
    field: 'listKeys',
    collection: 'contacts',
    filter: (tenantId) => ({ listKeys: 'active:m', archived: null, tenantId }),
  },
  {
    name: 'create: idempotency key',
    field: 'idempotencyKey',
    collection: 'contacts',
    filter: (tenantId) => ({ tenantId, idempotencyKey: 'bench-a-7' }),
  },
  {
    name: 'create: contact number counter',
    field: 'tenantId',
    collection: 'counters',
    filter: (tenantId) => ({ tenantId, name: 'contactNumber' }),
  },
  {
    name: 'history: audit of a contact',
    field: 'contactId',
    collection: 'audit',
    filter: (tenantId, p) => ({ tenantId, contactId: String(p._id) }),
  },
  {
    name: 'notes save: audit entry of a repeated request',
    field: '_id',
    collection: 'audit',
    filter: (tenantId, p) => ({ tenantId, _id: p._id }),
  },
  // Templates (query-plans.test.ts seeds them): the list is the tenant's (at most 500), names and
  // creates are looked up by their keys.
  {
    name: "templates: a tenant's list",
    field: 'tenantId',
    collection: 'templates',
    filter: (tenantId) => ({ tenantId }),
  },
  {
    name: 'templates: name taken (folded name)',
    field: 'nameKey',
    collection: 'templates',
    filter: (tenantId) => ({ tenantId, nameKey: 'vorlage 300' }),
  },
  {
    name: 'templates: create by idempotency key',
    field: 'idempotencyKey',
    collection: 'templates',
    filter: (tenantId) => ({ tenantId, idempotencyKey: 'plan-template-300' }),
  },
  // Opportunities (seed-opportunities.ts)
  {
    name: 'opportunities: create by idempotency key',
    field: 'idempotencyKey',
    collection: 'opportunities',
    filter: (tenantId) => ({ tenantId, idempotencyKey: 'opp-seed-7' }),
  },
  {
    name: 'opportunities: open ones of a contact (card, list by contact)',
    field: 'contactKeys',
    collection: 'opportunities',
    filter: (tenantId) => ({ contactKeys: seedContactId(70), open: true, tenantId }),
  },
  {
    name: 'opportunities: a forecast figure (close month, open, owner)',
    field: 'closeMonth',
    collection: 'opportunities',
    filter: (tenantId) => ({ closeMonth: monthOf(new Date()), open: true, ownerId: seedOwners(tenantId)[1], tenantId }),
  },
  {
    name: 'opportunities: an owner’s list, board column and forecast stage (owner, stage)',
    field: 'ownerId',
    collection: 'opportunities',
    filter: (tenantId) => ({ ownerId: seedOwners(tenantId)[2], stage: 'offer', tenantId }),
  },
  {
    name: 'opportunities: the team’s board column and forecast stage',
    field: 'stage',
    collection: 'opportunities',
    filter: (tenantId) => ({ stage: 'offer', tenantId }),
  },
  {
    name: 'opportunities: board closed column (closed month, stage)',
    field: 'closedMonth',
    collection: 'opportunities',
    filter: (tenantId) => ({ closedMonth: monthOf(new Date()), stage: 'won', tenantId }),
  },
  // Activities (issue 12): a timeline is one equality on timelineKeys per contact or company (with the keyset
  // cursor narrowing it); logging a mail or meeting looks up its tenant-wide key.
  {
    name: 'timeline: activities of a contact',
    field: 'timelineKeys',
    collection: 'activities',
    filter: (tenantId, p) => ({ tenantId, timelineKeys: String(p._id) }),
  },
  {
    name: 'timeline: next page of a contact',
    field: 'timelineKeys',
    collection: 'activities',
    filter: (tenantId, p) => ({
      tenantId,
      timelineKeys: String(p._id),
      $or: [
        { occurredAt: { $lt: new Date('2026-06-01') } },
        { occurredAt: new Date('2026-06-01'), _id: { $lt: p._id } },
      ],
    }),
  },
  {
    name: 'mail log: activity by Internet message id',
    field: 'logKey',
    collection: 'activities',
    filter: (tenantId) => ({ tenantId, logKey: 'mail:plan-42@example.de' }),
  },
  {
    name: 'activity create: idempotency key',
    field: 'idempotencyKey',
    collection: 'activities',
    filter: (tenantId) => ({ tenantId, idempotencyKey: 'plan-key-42' }),
  },
  // Follow-ups (issue 12): "Meine Wiedervorlagen" is one equality on the assignee's open bucket;
  // the card and the contact's list one on contactId (the state only narrows); creates look up
  // their idempotency key.
  {
    name: 'follow-ups: open ones of an assignee',
    field: 'assigneeState',
    collection: 'followUps',
    filter: (tenantId) => ({ tenantId, assigneeState: 'user-3:open' }),
  },
  {
    name: 'follow-ups: open ones of a contact (card)',
    field: 'contactId',
    collection: 'followUps',
    filter: (tenantId, p) => ({ tenantId, contactId: String(p._id), state: 'open' }),
  },
  {
    name: 'follow-up history: audit entries of a follow-up',
    field: 'followUpId',
    collection: 'audit',
    filter: (tenantId) => ({ tenantId, followUpId: '65a1b2c3d4e5f60718293a4b' }),
  },
  {
    name: 'follow-up create: idempotency key',
    field: 'idempotencyKey',
    collection: 'followUps',
    filter: (tenantId) => ({ tenantId, idempotencyKey: 'plan-follow-up-42' }),
  },
  // The Microsoft 365 contacts mirror (issue 13; query-plans.test.ts seeds its collections): each
  // contact's sync status on every response with contacts, the outbox read bucket by bucket, the
  // pull's lookup by Outlook id, the overview's counts and worklists, and the per-tenant documents.
  {
    name: 'mirror: sync status of a contact (every response with contacts)',
    field: 'contactId',
    collection: 'mirrorEntries',
    filter: (tenantId, p) => ({ tenantId, contactId: String(p._id) }),
  },
  {
    name: 'mirror: due contacts of one bucket (the push)',
    field: 'due',
    collection: 'mirrorEntries',
    filter: (tenantId) => ({ tenantId, due: 'a' }),
  },
  {
    name: 'mirror: contact by Outlook id (the pull)',
    field: 'outlookIds',
    collection: 'mirrorEntries',
    filter: (tenantId) => ({ tenantId, outlookIds: 'AAkALgPlan=0042=' }),
  },
  {
    name: 'mirror: contacts in sync error (overview, data care)',
    field: 'status',
    collection: 'mirrorEntries',
    filter: (tenantId) => ({ tenantId, status: 'error' }),
  },
  {
    name: 'mirror: contacts created in Outlook to review',
    field: 'review',
    collection: 'mirrorEntries',
    filter: (tenantId) => ({ tenantId, review: true }),
  },
  {
    name: 'mirror: entries of one bucket (reconciliation)',
    field: 'bucket',
    collection: 'mirrorEntries',
    filter: (tenantId) => ({ tenantId, bucket: 'b' }),
  },
  {
    name: "mirror: a tenant's settings",
    field: 'tenantId',
    collection: 'mirrorSettings',
    filter: (tenantId) => ({ tenantId }),
  },
  {
    name: "mirror: a tenant's lease",
    field: 'tenantId',
    collection: 'mirrorLeases',
    filter: (tenantId) => ({ tenantId }),
  },
  {
    // A tenant has at most ten targets: the planner rightly takes the tenant's own index.
    name: 'mirror: a target mailbox (the mailbox narrows the tenant’s few)',
    field: 'tenantId',
    collection: 'mirrorTargets',
    filter: (tenantId) => ({ tenantId, mailbox: 'crm@plan-7.de' }),
  },
  {
    name: "mirror: a tenant's target mailboxes",
    field: 'tenantId',
    collection: 'mirrorTargets',
    filter: (tenantId) => ({ tenantId }),
  },
  // The import assistant (issue 16): its rows, its results by block and by filter.
  {
    name: 'import: the rows of an import',
    field: 'rowsKey',
    collection: 'importRows',
    filter: (tenantId) => ({ tenantId, rowsKey: `${PLAN_IMPORT_ID}:1` }),
  },
  {
    name: 'import: a block of results (report, preview)',
    field: 'blockKey',
    collection: 'importResults',
    filter: (tenantId) => ({ tenantId, blockKey: `${PLAN_IMPORT_ID}:3` }),
  },
  {
    name: 'import: results by filter (preview)',
    field: 'filterKeys',
    collection: 'importResults',
    filter: (tenantId) => ({ tenantId, filterKeys: `${PLAN_IMPORT_ID}:failed` }),
  },
  // The DSGVO requests register and double opt-in links (issue 15; query-plans.test.ts seeds them):
  // a tenant's open requests, the requests naming a contact, a link by its id.
  {
    name: "privacy: a tenant's open requests",
    field: 'openKey',
    collection: 'privacyRequests',
    filter: (tenantId) => ({ tenantId, openKey: tenantId }),
  },
  {
    name: 'privacy: the requests naming a contact',
    field: 'contactIds',
    collection: 'privacyRequests',
    filter: (tenantId, p) => ({ tenantId, contactIds: String(p._id) }),
  },
  {
    name: 'privacy: a double opt-in link by id',
    field: '_id',
    collection: 'doubleOptInTokens',
    filter: (tenantId) => ({ tenantId, _id: new Types.ObjectId('6b0e47009b55d5889fda7000') }),
  },
];

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode | undefined): PlanNode[] {
  if (!plan) return [];
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The PostgreSQL plan nodes of a FerretDB explain, or of MongoDB's winning plan as pseudo-nodes. */
export function planNodes(explained: Record<string, unknown>): PlanNode[] {
  const planner = explained.queryPlanner as Record<string, unknown> | undefined;
  if (planner && 'Plan' in planner) return nodes(planner.Plan as PlanNode);
  const out: PlanNode[] = [];
  const walk = (stage: Record<string, unknown> | undefined) => {
    if (!stage) return;
    out.push({
      'Node Type': String(stage.stage),
      ...(stage.indexName ? { 'Index Name': String(stage.indexName) } : {}),
    });
    walk(stage.inputStage as Record<string, unknown> | undefined);
  };
  walk(planner?.winningPlan as Record<string, unknown> | undefined);
  return out;
}

/**
 * True when the plan reads through the index of `field` (PostgreSQL: an Index or Bitmap Index
 * Scan on its GIN twin, no Seq Scan; MongoDB: an IXSCAN/IDHACK on an index naming it).
 */
export function usesIndex(explained: Record<string, unknown>, field: string): boolean {
  const all = planNodes(explained);
  if (all.some((n) => /Seq Scan|COLLSCAN/.test(n['Node Type'] ?? ''))) return false;
  // The GIN twins are named <table>_<field, 16 characters>_<hash>_gin (tools/embedded-mongo/engine.sql).
  const wanted = field
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 16);
  return all.some(
    (n) =>
      /Index Scan|Index Only Scan|IXSCAN|IDHACK|EXPRESS/.test(n['Node Type'] ?? '') &&
      (n['Node Type'] === 'IDHACK' || (n['Index Name'] ?? '').toLowerCase().includes(wanted)),
  );
}

/** One line: the scan nodes with their index and estimated rows. */
export function planSummary(explained: Record<string, unknown>): string {
  return planNodes(explained)
    .map(
      (n) =>
        `${n['Node Type']}${n['Index Name'] ? ` on ${n['Index Name']}` : ''}${n['Plan Rows'] !== undefined ? ` (~${n['Plan Rows']} rows)` : ''}`,
    )
    .join(' → ');
}
