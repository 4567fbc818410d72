import {
  type DuplicateCandidate,
  duplicateMatch,
  emailDomain,
  type ImportAction,
  type ImportCompanyLink,
  type ImportDefaults,
  type ImportVerdict,
  isFreeMailDomain,
} from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { DuplicateSnapshot } from '../contacts/duplicate-snapshot';
import type { ContactDoc } from '../contacts/contacts.model';
import { searchKeysOf } from '../contacts/contacts.mapper';
import { type ContactFilter, LIVE } from '../contacts/contacts.repository';
import { toSummary } from '../contacts/contacts.search';
import { type PlannedRow, probeOf } from './import-plan';

// The duplicate verdict and the action of a row: was its content imported before (its
// Idempotency-Key is stored), does it duplicate an earlier row of the file or a contact in the
// database (DuplicatesService.check, the create dialog's check), which company does "Firma" name
// (an existing company by name, else by e-mail domain, else one to create), and what the run will
// do with it (the row's own choice, else the default for its verdict, where allowed).

/** Candidates a row shows. */
const MAX_CANDIDATES = 5;

/** What a run knows while it goes: companies by key, and the contact each processed row led to. */
export interface RunState {
  companies: Map<string, { id?: string; row?: number; name: string }>;
  rowContacts: Map<number, { id: string; contactNumber?: string | undefined }>;
}

export const newRunState = (): RunState => ({ companies: new Map(), rowContacts: new Map() });

export interface RowDecision {
  verdict: ImportVerdict;
  candidates: DuplicateCandidate[];
  sameAsRow?: number;
  actions: ImportAction[];
  action: ImportAction;
  actionChosen: boolean;
  mergeTargetId?: string;
  company?: ImportCompanyLink;
  /** The contact stored earlier under this row's key (verdict alreadyImported). */
  existing?: ContactDoc;
}

export interface RowChoice {
  action: ImportAction;
  targetId?: string | undefined;
}

/** The default action for a verdict. */
function defaultAction(verdict: ImportVerdict, defaults: ImportDefaults): ImportAction {
  if (verdict === 'new') return 'create';
  if (verdict === 'duplicate') return defaults.onDuplicate;
  if (verdict === 'fileDuplicate') return defaults.onFileDuplicate;
  return 'skip';
}

export class RowDecider {
  constructor(
    private readonly contacts: ContactsFeature,
    private readonly auth: AuthContext,
    private readonly rows: readonly PlannedRow[],
    private readonly defaults: ImportDefaults,
    private readonly choices: ReadonlyMap<number, RowChoice>,
    private readonly state: RunState,
    /** The tenant's contacts in memory for a large run (duplicate-snapshot.ts); else each row asks the database. */
    private readonly snapshot?: DuplicateSnapshot,
  ) {}

  private findAny(branches: ContactFilter[], limit: number): Promise<ContactDoc[]> {
    if (this.snapshot) return Promise.resolve(this.snapshot.findAny(branches, limit));
    return this.contacts.repo.findAny(this.auth.tenantId, branches, { limit });
  }

  /** The company a person's "Firma" names: found by name key (domain breaks a tie), by domain, or to create. */
  async company(planned: PlannedRow): Promise<ImportCompanyLink | undefined> {
    const name = planned.reading.companyName;
    const key = planned.companyKey;
    if (!name || !key) return undefined;
    const known = this.state.companies.get(key);
    if (known?.id) return { name: known.name, action: 'link', id: known.id };
    const domains = (planned.reading.contact?.emails ?? [])
      .map((email) => emailDomain(email) ?? '')
      .filter((domain) => domain !== '' && !isFreeMailDomain(domain));
    const byName = (await this.findAny([{ matchKeys: `ck:${key}`, kind: 'company', ...LIVE }], 20)).filter(
      (doc) => searchKeysOf(doc).companyKey === key,
    );
    let found = byName.find((doc) => searchKeysOf(doc).companyDomains.some((d) => domains.includes(d))) ?? byName[0];
    if (!found && domains.length > 0) {
      const byDomain = await this.findAny(
        domains.map((domain) => ({ companyDomainKeys: domain, kind: 'company', ...LIVE })),
        20,
      );
      found = byDomain.find((doc) => searchKeysOf(doc).companyKey === key);
    }
    if (found) {
      this.state.companies.set(key, { id: String(found._id), name: String(found.name) });
      return { name: String(found.name), action: 'link', id: String(found._id) };
    }
    // Not stored: the first row naming it creates it (in a run, the row that got there first).
    const first = known?.row ?? planned.companyFirstIndex;
    if (first !== undefined && first !== planned.index) {
      const creator = this.rows[first];
      if (creator) return { name: known?.name ?? name, action: 'link', row: creator.row };
    }
    return { name, action: 'create' };
  }

  async decide(planned: PlannedRow): Promise<RowDecision> {
    const contact = planned.reading.contact;
    if (!contact || !planned.body) {
      return { verdict: 'invalid', candidates: [], actions: ['skip'], action: 'skip', actionChosen: false };
    }
    const { repo, duplicates } = this.contacts;
    const company = await this.company(planned);
    const fileRow = planned.fileDuplicateOf === undefined ? undefined : this.rows[planned.fileDuplicateOf];
    // A row like an earlier one of the file is that one's duplicate, even when their content is
    // the same (the same key): only a row's first occurrence can have been imported before.
    const existing = fileRow
      ? null
      : this.snapshot
        ? this.snapshot.findByIdempotencyKey(planned.key)
        : await repo.findByIdempotencyKey(this.auth.tenantId, planned.key);
    if (existing) {
      return {
        verdict: 'alreadyImported',
        candidates: [await this.summaries(planned, existing)],
        actions: ['skip'],
        action: 'skip',
        actionChosen: false,
        existing,
        ...(company ? { company } : {}),
      };
    }
    const body = { ...planned.body, ...(company?.id && contact.kind === 'person' ? { companyId: company.id } : {}) };
    const { candidates: all } = this.snapshot
      ? await duplicates.checkIn(this.snapshot, body as never)
      : await duplicates.check(this.auth, body as never);
    const candidates = all.slice(0, MAX_CANDIDATES);
    let verdict: ImportVerdict = candidates.length > 0 ? 'duplicate' : 'new';
    if (fileRow) verdict = 'fileDuplicate';
    const emailTaken =
      (verdict === 'fileDuplicate' && planned.sharesEmail === true) ||
      candidates.some((c) => c.reasons.includes('sameEmail') && c.contact.kind === contact.kind);
    const actions: ImportAction[] =
      verdict === 'new' ? ['create', 'skip'] : [...(emailTaken ? [] : (['create'] as const)), 'merge', 'skip'];
    const chosen = this.choices.get(planned.row);
    const fallback = defaultAction(verdict, this.defaults);
    const action =
      chosen && actions.includes(chosen.action) ? chosen.action : actions.includes(fallback) ? fallback : 'skip';
    const earlier = fileRow ? this.state.rowContacts.get(fileRow.index) : undefined;
    const target =
      verdict === 'fileDuplicate'
        ? (earlier?.id ?? candidates[0]?.contact.id)
        : (candidates.find((c) => c.contact.id === chosen?.targetId)?.contact.id ?? candidates[0]?.contact.id);
    return {
      verdict,
      candidates,
      ...(fileRow ? { sameAsRow: fileRow.row } : {}),
      actions,
      action,
      actionChosen: Boolean(chosen && chosen.action === action),
      ...(target ? { mergeTargetId: target } : {}),
      ...(company ? { company } : {}),
    };
  }

  /** The contact a row's content was imported as, with what they share (by the duplicate rules). */
  private async summaries(planned: PlannedRow, doc: ContactDoc): Promise<DuplicateCandidate> {
    const row = probeOf(planned);
    const stored = { kind: doc.kind, companyId: null, keys: searchKeysOf(doc) };
    const match = row ? duplicateMatch(row, stored) : null;
    const reasons = match?.reasons.length
      ? match.reasons
      : [doc.kind === 'company' ? 'sameCompanyName' : 'phoneticName'];
    return { contact: toSummary(doc), score: match?.score ?? 100, reasons } as DuplicateCandidate;
  }
}
