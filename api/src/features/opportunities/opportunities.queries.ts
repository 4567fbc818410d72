import {
  type BoardColumn,
  computeForecast,
  type Forecast,
  forecastMonths,
  monthOf,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  type OpportunityBoard,
  type OpportunityListQuery,
  type OpportunityPage,
  type OpportunityStage,
  weightedCents,
} from '@klarkonform/shared';
import { Types } from 'mongoose';
import { fieldProblems } from '../../infra/http-error';
import { toOpportunity } from './opportunity-keys';
import type { OpportunityDoc } from './opportunities.model';
import type { OpportunitiesRepository, OpportunityFilter } from './opportunities.repository';

// Lists, the pipeline board and the forecast. Each reads through equality lookups on one key
// (QUERY-RULES.md R22/R24) and stays bounded:
// - a list page: one query per branch (a contact, a close month, a stage, an owner, else one per
//   stage), each sorted and limited to the page size + 1 — the sort runs on the key's bucket;
// - the board: one query per stage, at most BOARD_READ_MAX each; the closed columns read only the
//   months of the last CLOSED_COLUMN_DAYS days (closedMonth equality);
// - the forecast: one query per open stage, at most FORECAST_MAX_PER_STAGE each (`truncated`
//   says when more exist).

/** Opportunities a board column lists; count and sums cover up to BOARD_READ_MAX. */
export const BOARD_COLUMN_ITEMS = 200;
/** Most opportunities read per board column. */
export const BOARD_READ_MAX = 5000;
/** The board's won/lost/later columns show what closed in this many days. */
export const CLOSED_COLUMN_DAYS = 30;
/** Most open opportunities the forecast reads per stage. */
export const FORECAST_MAX_PER_STAGE = 5000;

const CLOSED_STAGES = OPPORTUNITY_STAGES.filter((s) => !(OPEN_STAGES as readonly string[]).includes(s));

interface Cursor {
  s: string;
  id: string;
}

function encodeCursor(doc: OpportunityDoc): string {
  return Buffer.from(JSON.stringify({ s: doc.listSort, id: String(doc._id) })).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.s === 'string' && typeof value.id === 'string' && /^[0-9a-f]{24}$/.test(value.id)) return value;
  } catch {
    // not ours: refused below
  }
  throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
}

/** Opportunities after a cursor position in list order (narrows what the key's index found). */
function after(cursor: Cursor | undefined): OpportunityFilter {
  if (!cursor) return {};
  return {
    $or: [{ listSort: { $gt: cursor.s } }, { listSort: cursor.s, _id: { $gt: new Types.ObjectId(cursor.id) } }],
  };
}

/** The conditions of a list query: equalities, and for overdue/beyond a narrowing range. */
function conditionsOf(query: OpportunityListQuery, now: Date): OpportunityFilter {
  const c: Record<string, unknown> = {};
  if (query.owner) c.ownerId = query.owner;
  if (query.stage) c.stage = query.stage;
  if (query.contactId) c.contactKeys = query.contactId;
  if (query.open !== undefined) c.open = query.open;
  const months = forecastMonths(now);
  switch (query.closeMonth) {
    case undefined:
      break;
    case 'undated':
      Object.assign(c, { closeMonth: 'none', open: true });
      break;
    case 'overdue':
      // "none" sorts after every "YYYY-MM", so undated ones are not overdue.
      Object.assign(c, { closeMonth: { $lt: months[0] }, open: true });
      break;
    case 'beyond':
      Object.assign(c, { closeMonth: { $gt: months[months.length - 1], $ne: 'none' }, open: true });
      break;
    default:
      c.closeMonth = query.closeMonth;
  }
  return c as OpportunityFilter;
}

/** One query when a lookup key is among the conditions, else one per (open) stage. */
function branchesOf(conditions: OpportunityFilter): OpportunityFilter[] {
  const keyed =
    ['contactKeys', 'stage', 'ownerId'].some((k) => k in conditions) || typeof conditions.closeMonth === 'string';
  if (keyed) return [conditions];
  const stages =
    conditions.open === true ? OPEN_STAGES : conditions.open === false ? CLOSED_STAGES : OPPORTUNITY_STAGES;
  return stages.map((stage) => ({ ...conditions, stage }));
}

/**
 * One keyset page of opportunities in list order (close date, undated last; title; id).
 * `owner` is a user id (the route resolves "me"); `contactId` of a company includes its people's.
 */
export async function listOpportunities(
  repo: OpportunitiesRepository,
  tenantId: string,
  query: OpportunityListQuery,
  now = new Date(),
): Promise<OpportunityPage> {
  const limit = query.limit ?? 50;
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const branches = branchesOf(conditionsOf(query, now)).map((b) => ({ ...b, ...after(cursor) }));
  const docs = await repo.findAny(tenantId, branches, limit + 1);
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toOpportunity), nextCursor: docs.length > limit && last ? encodeCursor(last) : null };
}

function column(stage: OpportunityStage, docs: OpportunityDoc[]): BoardColumn {
  let amountCents = 0;
  let weighted = 0;
  for (const d of docs) {
    amountCents += d.amountCents;
    weighted += weightedCents(d.amountCents, d.probability);
  }
  return {
    stage,
    items: docs.slice(0, BOARD_COLUMN_ITEMS).map(toOpportunity),
    count: docs.length,
    amountCents,
    weightedCents: weighted,
    more: docs.length > BOARD_COLUMN_ITEMS,
  };
}

/**
 * The pipeline board of the tenant or of one owner: the open stages in list order, then won,
 * lost and later with what closed in the last CLOSED_COLUMN_DAYS days, newest first.
 */
export async function opportunityBoard(
  repo: OpportunitiesRepository,
  tenantId: string,
  owner: string | undefined,
  now = new Date(),
): Promise<OpportunityBoard> {
  const mine = owner ? { ownerId: owner } : {};
  const since = new Date(now.getTime() - CLOSED_COLUMN_DAYS * 86_400_000);
  const closedMonths = [...new Set([monthOf(since), monthOf(now)])];
  const open = OPEN_STAGES.map((stage) => repo.find(tenantId, { stage, ...mine }, BOARD_READ_MAX));
  const closed = CLOSED_STAGES.map(async (stage) => {
    const lists = await Promise.all(
      closedMonths.map((closedMonth) => repo.find(tenantId, { closedMonth, stage, ...mine }, BOARD_READ_MAX, false)),
    );
    const sinceIso = since.toISOString();
    return lists
      .flat()
      .filter((d) => (d.closedAt ?? '') >= sinceIso)
      .sort((a, b) => ((a.closedAt ?? '') > (b.closedAt ?? '') ? -1 : (a.closedAt ?? '') < (b.closedAt ?? '') ? 1 : 0));
  });
  const lists = await Promise.all([...open, ...closed]);
  const stages = [...OPEN_STAGES, ...CLOSED_STAGES];
  return { columns: stages.map((stage, i) => column(stage, lists[i] ?? [])), closedSince: since.toISOString() };
}

/**
 * The forecast at `now` (forecast.rules.ts) over the open opportunities of the tenant or of one
 * owner, read per open stage.
 */
export async function opportunityForecast(
  repo: OpportunitiesRepository,
  tenantId: string,
  owner: string | undefined,
  now = new Date(),
): Promise<Forecast> {
  const mine = owner ? { ownerId: owner } : {};
  const lists = await Promise.all(
    OPEN_STAGES.map((stage) => repo.find(tenantId, { stage, ...mine }, FORECAST_MAX_PER_STAGE, false)),
  );
  const result = computeForecast(lists.flat(), now);
  return { ...result, truncated: lists.some((l) => l.length >= FORECAST_MAX_PER_STAGE) };
}
