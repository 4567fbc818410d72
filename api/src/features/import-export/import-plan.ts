import { createHash } from 'node:crypto';
import {
  ContactCreate,
  companyKey,
  DUPLICATE_THRESHOLD,
  duplicateMatch,
  type DuplicateProbe,
  type ImportDefaults,
  type ImportRowProblem,
  type ImportRowReading,
  type ImportTarget,
  type ImportedContact,
  readImportRow,
  searchKeys,
} from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import { assertBodyShape } from '../../infra/validation';
import type { TenantUser } from '../users/users.repository';
import { matchKeysOf } from '../contacts/lookup-keys.rules';
import type { StoredRow } from './imports.model';

// Every row of an import read at once, before anything is looked up in the database: the contact
// each row becomes (shared import-row.rules.ts), checked against the create schema, its
// Idempotency-Key, the company it names, and which earlier row of the file it duplicates (the
// duplicate rules of the create dialog, duplicate.rules.ts, within the file).

/** Comparisons within one block of rows sharing a key; a larger block is a common key, not a duplicate. */
const MAX_BLOCK = 200;

export interface PlannedRow {
  /** Position among the data rows (0-based). */
  index: number;
  /** The row's number in the file. */
  row: number;
  cells: string[];
  reading: ImportRowReading;
  /** The create body (without the company link) when the row has no error. */
  body?: ContactCreate;
  /** `import:<sha-256 of the row's content>`: the same content in a tenant is the same create. */
  key: string;
  /**
   * A person's company by its key (legal form stripped), and the row that brings it: the file's
   * row of that company if it has one, else the first person row naming it.
   */
  companyKey?: string;
  companyFirstIndex?: number;
  /** The file's row of that company, when it has one (a run waits for it). */
  companyRow?: number;
  /** The earlier row (index) this one duplicates, and whether they share an e-mail address. */
  fileDuplicateOf?: number;
  sharesEmail?: boolean;
}

export interface ImportPlan {
  rows: PlannedRow[];
  byRow: Map<number, PlannedRow>;
  /**
   * The order a run goes through the rows (indexes): the file's companies first, then the rest,
   * each in file order — so that a person's "Firma" finds the company its own row imported,
   * wherever in the file that row is.
   */
  order: number[];
}

/** The create body of a row's contact, linked to `companyId`. */
export function createBody(contact: ImportedContact, companyId?: string): Record<string, unknown> {
  const { emails, leadSource, leadStatus, notes, roles, name, industry, ...rest } = contact;
  const body: Record<string, unknown> = {
    ...rest,
    emails: emails.map((address, i) => ({ address, primary: i === 0 })),
    ...(leadSource || leadStatus
      ? { lead: { ...(leadSource ? { source: leadSource } : {}), ...(leadStatus ? { status: leadStatus } : {}) } }
      : {}),
    ...(notes ? { notes: { specifics: notes } } : {}),
  };
  if (contact.kind === 'company') {
    for (const field of ['salutation', 'title', 'firstName', 'lastName', 'position', 'department'] as const)
      delete body[field];
    Object.assign(body, { name, ...(industry ? { industry } : {}) });
  } else {
    Object.assign(body, { roles, ...(companyId ? { companyId } : {}) });
  }
  return body;
}

/** The schema check of the create route, as a row problem instead of a 400. */
function schemaProblem(body: Record<string, unknown>): ImportRowProblem | undefined {
  try {
    assertBodyShape(ContactCreate, body);
    return undefined;
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    const field = err.errors?.[0]?.field.replace(/^body\./, '') ?? '';
    return { code: 'storeFailed', severity: 'error', value: field.slice(0, 200) };
  }
}

/** Resolves an owner cell: a user's id, e-mail or name (case-insensitive). */
export function ownerResolver(users: readonly TenantUser[]): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const user of users) {
    for (const key of [user.id, user.email, user.name]) if (key) byKey.set(key.trim().toLowerCase(), user.id);
  }
  return (text) => byKey.get(text.trim().toLowerCase());
}

/** The row as the duplicate rules see it, with the keys that block it (the check's lookup keys). */
export function probeOf(planned: PlannedRow): (DuplicateProbe & { blocks: string[] }) | undefined {
  const contact = planned.reading.contact;
  if (!contact) return undefined;
  const input =
    contact.kind === 'company'
      ? { kind: 'company' as const, name: contact.name ?? '' }
      : { kind: 'person' as const, firstName: contact.firstName ?? null, lastName: contact.lastName ?? '' };
  const keys = searchKeys(
    {
      ...input,
      emails: contact.emails.map((address) => ({ address })),
      businessPhones: contact.businessPhones,
      mobilePhone: contact.mobilePhone ?? null,
      homePhones: contact.homePhones,
      website: contact.website ?? null,
    },
    planned.reading.companyName ? { companyName: planned.reading.companyName } : {},
  );
  const companyId = planned.companyKey ? `file:${planned.companyKey}` : null;
  const blocks = [
    ...keys.emailsLower.map((e) => `e:${e}`),
    ...keys.phonesE164.map((p) => `p:${p}`),
    ...matchKeysOf(contact.kind, keys, companyId),
    ...(contact.kind === 'company' ? keys.companyDomains.map((d) => `d:${d}`) : []),
  ];
  return { kind: contact.kind, companyId, keys, blocks };
}

/** Rows read between two turns of the event loop (a row takes about a millisecond; requests go on meanwhile). */
const ROWS_PER_TURN = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Marks each row that duplicates an earlier one (`fileDuplicateOf`: the first row of its group). */
async function markFileDuplicates(rows: PlannedRow[]): Promise<void> {
  const blocks = new Map<string, number[]>();
  const probes: ReturnType<typeof probeOf>[] = [];
  for (const planned of rows) {
    if (planned.index > 0 && planned.index % ROWS_PER_TURN === 0) await nextTurn();
    const probe = probeOf(planned);
    probes.push(probe);
    if (!probe) continue;
    const earlier = [
      ...new Set(
        probe.blocks.flatMap((key) => {
          const block = blocks.get(key) ?? [];
          return block.length > MAX_BLOCK ? [] : block;
        }),
      ),
    ].sort((a, b) => a - b);
    for (const other of earlier) {
      const match = duplicateMatch(probe, probes[other] as DuplicateProbe);
      if (match && match.score >= DUPLICATE_THRESHOLD) {
        planned.fileDuplicateOf = rows[other]?.fileDuplicateOf ?? other;
        planned.sharesEmail = match.reasons.includes('sameEmail') && probes[other]?.kind === probe.kind;
        break;
      }
    }
    for (const key of probe.blocks) {
      const block = blocks.get(key);
      if (block) block.push(planned.index);
      else blocks.set(key, [planned.index]);
    }
  }
}

/** What decides how rows are read: the mapping, the headers (for the problems) and the values for all rows. */
export interface PlanSettings {
  mapping: readonly ImportTarget[];
  headers: readonly string[];
  defaults: ImportDefaults;
}

/** Reads every row of an import with its settings; pure apart from the users given. */
export async function planImport(
  stored: readonly StoredRow[],
  settings: PlanSettings,
  users: readonly TenantUser[],
): Promise<ImportPlan> {
  const resolveOwner = ownerResolver(users);
  const firstOfCompany = new Map<string, number>();
  const rows: PlannedRow[] = [];
  for (let index = 0; index < stored.length; index++) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn();
    rows.push(planRow(stored[index] as StoredRow, index));
  }
  // A company row brings its company for every person naming it.
  const companyRows = new Map<string, number>();
  for (const planned of rows) {
    const contact = planned.reading.contact;
    const ck = contact?.kind === 'company' && contact.name ? companyKey(contact.name) : '';
    if (ck && !companyRows.has(ck)) companyRows.set(ck, planned.index);
  }
  for (const planned of rows) {
    const own = planned.companyKey ? companyRows.get(planned.companyKey) : undefined;
    if (own !== undefined) {
      planned.companyFirstIndex = own;
      planned.companyRow = own;
    }
  }
  await markFileDuplicates(rows);
  const isCompany = (r: PlannedRow) => r.reading.contact?.kind === 'company';
  const order = [...rows.filter(isCompany), ...rows.filter((r) => !isCompany(r))].map((r) => r.index);
  return { rows, byRow: new Map(rows.map((r) => [r.row, r])), order };

  function planRow(row: StoredRow, index: number): PlannedRow {
    const reading = readImportRow(row.c, settings.mapping, settings.headers, settings.defaults, { resolveOwner });
    const key = `import:${createHash('sha256').update(reading.content).digest('hex')}`;
    const planned: PlannedRow = { index, row: row.n, cells: row.c, reading, key };
    if (reading.contact) {
      const body = createBody(reading.contact);
      const problem = schemaProblem(body);
      if (problem) {
        reading.problems.push(problem);
        delete reading.contact;
      } else {
        planned.body = body as ContactCreate;
      }
    }
    if (reading.contact && reading.companyName) {
      const ck = companyKey(reading.companyName);
      if (ck) {
        planned.companyKey = ck;
        if (!firstOfCompany.has(ck)) firstOfCompany.set(ck, index);
        planned.companyFirstIndex = firstOfCompany.get(ck);
      }
    }
    return planned;
  }
}
