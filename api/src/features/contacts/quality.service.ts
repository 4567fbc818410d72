import { type Contact, companyFindings, type QualityFinding, qualityFindings } from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import { type ContactsRepository, idValue } from './contacts.repository';
import { toSummary } from './contacts.search';

// Data care ("Datenpflege"): the quality checklist per contact, and the
// tenant-wide worklist of contacts that need attention.

const BATCH = 200;
const MAX_SCAN = 5000;

export class QualityService {
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
    if (!doc) throw new HttpError(404, 'notFound', 'Contact not found');
    const contact = toContact(doc);
    const people = contact.kind === 'company' ? await this.peopleOf(auth.tenantId, [id]) : new Map<string, Contact[]>();
    return { findings: qualityFindings(contact, new Date(), people.get(id) ?? []) };
  }

  private async peopleOf(tenantId: string, companyIds: string[]): Promise<Map<string, Contact[]>> {
    const map = new Map<string, Contact[]>();
    if (companyIds.length === 0) return map;
    const people = await this.repo.find(
      tenantId,
      { companyId: { $in: companyIds }, archived: null, mergedInto: { $exists: false } },
      { limit: 10_000 },
    );
    for (const p of people) {
      const list = map.get(p.companyId!) ?? [];
      list.push(toContact(p));
      map.set(p.companyId!, list);
    }
    return map;
  }

  /** Active contacts with findings, in _id order; pages are contiguous runs of the tenant's contacts. */
  async worklist(auth: AuthContext, limit: number, cursor?: string) {
    if (cursor !== undefined && !/^[0-9a-f]{24}$/.test(cursor)) {
      throw new HttpError(400, 'validationFailed', 'cursor: invalid cursor', {
        errors: [{ field: 'querystring.cursor', message: 'invalid cursor; use nextCursor from the previous page' }],
      });
    }
    const now = new Date();
    const items: Array<{ contact: ReturnType<typeof toSummary>; findings: QualityFinding[] }> = [];
    let after = cursor ? idValue(cursor) : undefined;
    let scanned = 0;
    let exhausted = false;
    // Read in batches until the page is full, so a clean stretch of data does not yield empty pages.
    for (;;) {
      const batch: ContactDoc[] = await this.repo.find(
        auth.tenantId,
        { archived: null, mergedInto: { $exists: false }, ...(after ? { _id: { $gt: after } } : {}) },
        { sort: { _id: 1 }, limit: BATCH },
      );
      const companies = batch.filter((d) => d.kind === 'company').map((d) => String(d._id));
      const people = await this.peopleOf(auth.tenantId, companies);
      let processedAll = true;
      for (const [i, doc] of batch.entries()) {
        after = doc._id;
        scanned++;
        const contact = toContact(doc);
        const findings = qualityFindings(contact, now, people.get(contact.id) ?? []);
        if (findings.length > 0) items.push({ contact: toSummary(doc), findings });
        if (items.length >= limit) {
          processedAll = i === batch.length - 1;
          break;
        }
      }
      if (batch.length < BATCH && processedAll) {
        exhausted = true;
        break;
      }
      if (items.length >= limit || scanned >= MAX_SCAN) break;
    }
    return { items, nextCursor: exhausted || !after ? null : String(after) };
  }
}
