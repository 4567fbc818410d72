import {
  type CompanyPerson,
  type Contact,
  consentSummary,
  createSuggestion,
  emailDomain,
  isFreeMailDomain,
  mayContact,
  normalizeEmail,
  type SenderCard,
} from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import type { ContactsRepository } from './contacts.repository';
import type { QualityService } from './quality.service';

// The sender card: one request for every address on a mail or meeting, a
// fixed number of indexed queries however many addresses there are — by
// address, then by domain for the rest, then the companies and their people.

const PEOPLE_PER_COMPANY = 50;

export class CardsService {
  constructor(
    private readonly repo: ContactsRepository,
    private readonly quality: QualityService,
  ) {}

  async cards(
    auth: AuthContext,
    emails: readonly string[],
    names: readonly (string | undefined)[],
  ): Promise<SenderCard[]> {
    const now = new Date();
    const tenantId = auth.tenantId;
    const normalized = emails.map((e) => normalizeEmail(e));
    const valid = [...new Set(normalized.filter((e): e is string => e !== null))];
    const live = { archived: null, mergedInto: { $exists: false } };

    const byEmail = new Map<string, ContactDoc>();
    if (valid.length > 0) {
      const docs = await this.repo.find(tenantId, { 'keys.emailsLower': { $in: valid }, ...live }, { limit: 500 });
      for (const doc of docs) {
        for (const email of doc.keys.emailsLower) {
          const current = byEmail.get(email);
          // A person's own address beats a company's general one.
          if (valid.includes(email) && (!current || (current.kind === 'company' && doc.kind === 'person'))) {
            byEmail.set(email, doc);
          }
        }
      }
    }

    const unknownDomains = [
      ...new Set(
        valid
          .filter((e) => !byEmail.has(e))
          .map((e) => emailDomain(e))
          .filter((d): d is string => d !== null && !isFreeMailDomain(d)),
      ),
    ];
    const companyByDomain = new Map<string, ContactDoc>();
    if (unknownDomains.length > 0) {
      const companies = await this.repo.find(
        tenantId,
        { kind: 'company', 'keys.companyDomains': { $in: unknownDomains }, ...live },
        { sort: { contactNumber: 1 }, limit: 200 },
      );
      for (const c of companies) {
        for (const d of c.keys.companyDomains) if (!companyByDomain.has(d)) companyByDomain.set(d, c);
      }
    }

    const companyIds = new Set<string>();
    for (const doc of byEmail.values()) {
      if (doc.kind === 'company') companyIds.add(String(doc._id));
      else if (doc.companyId) companyIds.add(doc.companyId);
    }
    for (const c of companyByDomain.values()) companyIds.add(String(c._id));
    const ids = [...companyIds];
    const [companies, people] = await Promise.all([
      this.repo.findByIds(tenantId, ids),
      ids.length > 0
        ? this.repo.find(tenantId, { companyId: { $in: ids }, ...live }, { sort: { 'keys.sortName': 1 }, limit: 2000 })
        : Promise.resolve([]),
    ]);
    const companyById = new Map(companies.map((c) => [String(c._id), c]));
    const peopleOf = new Map<string, ContactDoc[]>();
    for (const p of people) {
      const list = peopleOf.get(p.companyId!) ?? [];
      list.push(p);
      peopleOf.set(p.companyId!, list);
    }

    return emails.map((raw, i) => {
      const email = normalized[i];
      const doc = email ? byEmail.get(email) : undefined;
      if (doc) return this.knownCard(raw, doc, companyById, peopleOf, now);
      const domain = email ? emailDomain(email) : null;
      const company = domain ? companyByDomain.get(domain) : undefined;
      const card: SenderCard = { email: raw, status: 'unknown' };
      if (company) {
        card.company = toContact(company);
        card.companyPeople = companyPeople(peopleOf.get(String(company._id)) ?? []);
      }
      const suggestion = createSuggestion({
        email: raw,
        displayName: names[i] ?? null,
        company: company ? { id: String(company._id), name: String(company.name) } : null,
      });
      if (suggestion) card.suggestion = suggestion;
      return card;
    });
  }

  private knownCard(
    raw: string,
    doc: ContactDoc,
    companyById: Map<string, ContactDoc>,
    peopleOf: Map<string, ContactDoc[]>,
    now: Date,
  ): SenderCard {
    const contact = toContact(doc);
    const companyDoc = doc.kind === 'company' ? doc : doc.companyId ? companyById.get(doc.companyId) : undefined;
    const people = companyDoc ? (peopleOf.get(String(companyDoc._id)) ?? []) : [];
    const card: SenderCard = {
      email: raw,
      status: 'known',
      contact,
      consent: consentSummary(contact.consent, now),
      marketingEmailAllowed: mayContact(contact, 'email', 'marketing', now),
      quality: this.quality.cardFindings(
        contact,
        companyDoc ? toContact(companyDoc) : undefined,
        people.map(toContact),
      ),
    };
    if (companyDoc && companyDoc !== doc) card.company = toContact(companyDoc);
    if (companyDoc) card.companyPeople = companyPeople(people);
    return card;
  }
}

function companyPeople(people: ContactDoc[]): CompanyPerson[] {
  return people.slice(0, PEOPLE_PER_COMPANY).map((p) => {
    const c = toContact(p) as Extract<Contact, { kind: 'person' }>;
    return { id: c.id, displayName: c.displayName, roles: c.roles, ...(c.position ? { position: c.position } : {}) };
  });
}
