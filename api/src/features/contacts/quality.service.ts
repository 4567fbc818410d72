import {
  type PrivacyRequest,
  type Contact,
  companyFindings,
  type QualityFinding,
  qualityFindings,
} from '@klarkonform/shared';
import { fieldProblems, notFound } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { toContact } from './contacts.mapper';
import { type ContactsRepository, LIVE } from './contacts.repository';
import { LIST_BUCKETS } from './lookup-keys.rules';
import { toSummary } from './contacts.search';

// Data care ("Datenpflege"): the quality checklist per contact, and the
// tenant-wide worklist of contacts that need attention.

const BATCH = 100;
const MAX_SCAN = 5000;

/** Overdue data-subject requests as data care shows them: how many, and the most overdue few. */
export interface PrivacyOverdue {
  count: number;
  items: PrivacyRequest[];
}
export type PrivacyOverdueSource = (tenantId: string) => Promise<PrivacyOverdue>;

export class QualityService {
  private privacyOverdue: PrivacyOverdueSource | undefined;
  constructor(private readonly repo: ContactsRepository) {}

  /** Findings shown on a card: the contact's own and, for staff, their company's. */
  cardFindings(contact: Contact, company: Contact | undefined, people: readonly Contact[]): QualityFinding[] {
    const now = new Date();
    if (contact.kind === 'company') return qualityFindings(contact, now, people);
    const own = qualityFindings(contact, now);
    if (company?.kind !== 'company') return own;
    const ofCompany = companyFindings(company, people).filter((f) => !own.some((o) => o.code === f.code));
    return [...own, ...ofCompany];
  }

  async forContact(auth: AuthContext, id: string): Promise<{ findings: QualityFinding[] }> {
    const doc = await this.repo.findById(auth.tenantId, id);
    if (!doc) throw notFound();
    const contact = toContact(doc);
    const people = contact.kind === 'company' ? await this.peopleOf(auth.tenantId, [id]) : new Map<string, Contact[]>();
    return { findings: qualityFindings(contact, new Date(), people.get(id) ?? []) };
  }

  private async peopleOf(tenantId: string, companyIds: string[]): Promise<Map<string, Contact[]>> {
    const map = new Map<string, Contact[]>();
    if (companyIds.length === 0) return map;
    const people = await this.repo.findAny(
      tenantId,
      companyIds.map((companyId) => ({ companyId, ...LIVE })),
      { limit: 10_000 },
    );
    for (const p of people) {
      const list = map.get(p.companyId!) ?? [];
      list.push(toContact(p));
      map.set(p.companyId!, list);
    }
    return map;
  }

  /**
   * Active contacts with findings, list bucket by list bucket and in _id order within one; the
   * cursor `<bucket>:<id>` is the last contact looked at, so pages are contiguous runs.
   */
  /**
   * Lets the privacy feature (issue 15) add its overdue data-subject requests to the worklist's
   * first page, for users with `privacy:manage`.
   */
  attachPrivacyOverdue(source: PrivacyOverdueSource): void {
    this.privacyOverdue = source;
  }

  /** The overdue requests for the worklist's first page: undefined without permission or source. */
  async overdueRequests(auth: AuthContext): Promise<PrivacyOverdue | undefined> {
    if (!this.privacyOverdue || !auth.permissions.has('privacy:manage')) return undefined;
    return this.privacyOverdue(auth.tenantId);
  }

  async worklist(auth: AuthContext, limit: number, cursor?: string) {
    const from = parseWorklistCursor(cursor);
    // The first page also lists overdue data-subject requests (privacy:manage only).
    const overdue = (cursor ? Promise.resolve(undefined) : this.overdueRequests(auth)).then((o) =>
      o ? { privacyOverdue: o } : {},
    );
    const now = new Date();
    const items: Array<{ contact: ReturnType<typeof toSummary>; findings: QualityFinding[] }> = [];
    let last: { bucket: string; id: string } | undefined;
    let scanned = 0;
    const startAt = from ? LIST_BUCKETS.indexOf(from.bucket) : 0;
    for (const bucket of LIST_BUCKETS.slice(startAt)) {
      const docs = (await this.repo.findInBucket(auth.tenantId, 'active', bucket, { mergedInto: { $exists: false } }))
        .filter((d) => !from || bucket !== from.bucket || String(d._id) > from.id)
        .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
      // In slices, so a company's people are fetched only for the slice being looked at.
      for (let i = 0; i < docs.length; i += BATCH) {
        const slice = docs.slice(i, i + BATCH);
        const companies = slice.filter((d) => d.kind === 'company').map((d) => String(d._id));
        const people = await this.peopleOf(auth.tenantId, companies);
        for (const doc of slice) {
          last = { bucket, id: String(doc._id) };
          scanned++;
          const contact = toContact(doc);
          const findings = qualityFindings(contact, now, people.get(contact.id) ?? []);
          if (findings.length > 0) items.push({ contact: toSummary(doc), findings });
          if (items.length >= limit || scanned >= MAX_SCAN) {
            const more = doc !== docs[docs.length - 1] || bucket !== LIST_BUCKETS[LIST_BUCKETS.length - 1];
            return { items, nextCursor: more ? `${last.bucket}:${last.id}` : null };
          }
        }
      }
    }
    return { items, nextCursor: null, ...(await overdue) };
  }
}

/** `<bucket>:<24 hex id>`, as handed out in nextCursor. */
function parseWorklistCursor(cursor: string | undefined): { bucket: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(.):([0-9a-f]{24})$/.exec(cursor);
  if (!match?.[1] || !match[2] || !LIST_BUCKETS.includes(match[1])) {
    throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
  }
  return { bucket: match[1], id: match[2] };
}
