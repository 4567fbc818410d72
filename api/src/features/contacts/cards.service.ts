import {
  type Activity,
  CARD_OPEN_FOLLOW_UPS,
  CARD_OPEN_OPPORTUNITIES,
  CARD_RECENT_ACTIVITIES,
  type FollowUp,
  type Opportunity,
  type CardOwner,
  type CompanyPerson,
  type Contact,
  consentSummary,
  createSuggestion,
  emailDomain,
  isFreeMailDomain,
  marketingEmailDecision,
  normalizeEmail,
  primaryEmail,
  type SenderCard,
} from '@klarkonform/shared';
import { notFound } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { UsersRepository } from '../users/users.repository';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import { type ContactFilter, type ContactsRepository, LIVE } from './contacts.repository';
import type { QualityService } from './quality.service';

// The sender card: one request for every address on a mail or meeting, and
// two rounds of parallel equality lookups however many addresses there are —
// the owners of the addresses and domains, then their companies and the
// companies' people, beside them the owners' names (one lookup by tenant and user id per
// distinct owner). Each lookup is one index (QUERY-RULES.md).

const PEOPLE_PER_COMPANY = 50;
const PER_KEY_LIMIT = 200;

/**
 * The sales work a known card shows, read from the features that own it (activities, follow-ups,
 * opportunities) through their services. Each method takes contact ids and answers per id with
 * parallel equality lookups (QUERY-RULES.md), so the card stays one request with one more round
 * beside its second one.
 */
export interface CardSalesWork {
  /** The newest `limit` activities per contact id, newest first. */
  recentActivities(tenantId: string, contactIds: readonly string[], limit: number): Promise<Map<string, Activity[]>>;
  /** The open follow-ups per contact id, due first. */
  openFollowUps(tenantId: string, contactIds: readonly string[]): Promise<Map<string, FollowUp[]>>;
  /** The open opportunities per contact id (a company's include its people's), closing first. */
  openOpportunities(tenantId: string, contactIds: readonly string[]): Promise<Map<string, Opportunity[]>>;
}

interface SalesWorkByContact {
  activities: Map<string, Activity[]>;
  followUps: Map<string, FollowUp[]>;
  opportunities: Map<string, Opportunity[]>;
}

const NO_SALES_WORK: SalesWorkByContact = { activities: new Map(), followUps: new Map(), opportunities: new Map() };

const byContactNumber = (a: ContactDoc, b: ContactDoc) => a.contactNumber.localeCompare(b.contactNumber);

export class CardsService {
  private salesWork: CardSalesWork | undefined;

  constructor(
    private readonly repo: ContactsRepository,
    private readonly quality: QualityService,
    private readonly users: UsersRepository,
  ) {}

  /** Connects the features the card reads sales work from (they are built after the contacts feature). */
  attachSalesWork(source: CardSalesWork): void {
    this.salesWork = source;
  }

  async cards(
    auth: AuthContext,
    emails: readonly string[],
    names: readonly (string | undefined)[],
  ): Promise<SenderCard[]> {
    const now = new Date();
    const tenantId = auth.tenantId;
    const normalized = emails.map((e) => normalizeEmail(e));
    const valid = [...new Set(normalized.filter((e): e is string => e !== null))];

    // Round 1: the contacts owning the addresses, and the companies owning their domains.
    const domains = [
      ...new Set(valid.map((e) => emailDomain(e)).filter((d): d is string => d !== null && !isFreeMailDomain(d))),
    ];
    const byEmail = new Map<string, ContactDoc>();
    const companyByDomain = new Map<string, ContactDoc>();
    const known = new Map<string, ContactDoc>();
    if (valid.length > 0) {
      const branches: ContactFilter[] = [
        ...valid.map((email) => ({ emailKeys: email, ...LIVE })),
        ...domains.map((domain) => ({ kind: 'company', companyDomainKeys: domain, ...LIVE })),
      ];
      const docs = (await this.repo.findAny(tenantId, branches, { limit: PER_KEY_LIMIT * branches.length })).sort(
        byContactNumber,
      );
      for (const doc of docs) {
        known.set(String(doc._id), doc);
        for (const email of doc.emailKeys) {
          const current = byEmail.get(email);
          // A person's own address beats a company's general one.
          if (valid.includes(email) && (!current || (current.kind === 'company' && doc.kind === 'person'))) {
            byEmail.set(email, doc);
          }
        }
        if (doc.kind === 'company') {
          for (const d of doc.companyDomainKeys) if (!companyByDomain.has(d)) companyByDomain.set(d, doc);
        }
      }
    }

    // Round 2: the companies of the people found, and every company's people.
    const companyIds = new Set<string>();
    for (const doc of byEmail.values())
      companyIds.add(doc.kind === 'company' ? String(doc._id) : (doc.companyId ?? ''));
    for (const email of valid) {
      const domain = byEmail.has(email) ? null : emailDomain(email);
      const company = domain ? companyByDomain.get(domain) : undefined;
      if (company) companyIds.add(String(company._id));
    }
    companyIds.delete('');
    const ids = [...companyIds];
    const missing = ids.filter((id) => !known.has(id));
    const ownerIds = [
      ...new Set([...byEmail.values()].map((doc) => doc.ownerId).filter((id): id is string => typeof id === 'string')),
    ];
    const [missingCompanies, people, owners, work] = await Promise.all([
      this.repo.findByIds(tenantId, missing),
      this.repo.findAny(
        tenantId,
        ids.map((id) => ({ companyId: id, ...LIVE })),
        { sort: 'sortName', limit: PER_KEY_LIMIT * ids.length },
      ),
      this.ownersById(tenantId, ownerIds),
      this.salesWorkOf(tenantId, [...byEmail.values()]),
    ]);
    const related = [...missingCompanies, ...people];
    const companyById = new Map<string, ContactDoc>();
    const peopleOf = new Map<string, ContactDoc[]>();
    for (const doc of [...known.values(), ...related]) {
      if (doc.kind === 'company') companyById.set(String(doc._id), doc);
    }
    for (const p of related) {
      if (p.kind !== 'person' || !p.companyId) continue;
      peopleOf.set(p.companyId, [...(peopleOf.get(p.companyId) ?? []), p]);
    }

    return emails.map((raw, i) => {
      const email = normalized[i];
      const doc = email ? byEmail.get(email) : undefined;
      if (doc) return withSalesWork(this.knownCard(raw, doc, companyById, peopleOf, owners, now), doc, work);
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

  /**
   * The card of contact `id` opened by id rather than by address (the Teams tab, a contact without
   * e-mail): the same fields as a sender card, `email` its primary address or "". One round of
   * parallel equality lookups after the contact itself. 404 for an unknown or merged-away id.
   */
  async contactCard(auth: AuthContext, id: string): Promise<SenderCard> {
    const tenantId = auth.tenantId;
    const doc = await this.repo.findById(tenantId, id);
    if (!doc || doc.mergedInto) throw notFound();
    const companyId = doc.kind === 'company' ? id : doc.companyId;
    const [companies, people, owners, work] = await Promise.all([
      doc.kind === 'person' && companyId ? this.repo.findByIds(tenantId, [companyId]) : Promise.resolve([]),
      companyId
        ? this.repo.findAny(tenantId, [{ companyId, ...LIVE }], { sort: 'sortName', limit: PER_KEY_LIMIT })
        : Promise.resolve([]),
      this.ownersById(tenantId, typeof doc.ownerId === 'string' ? [doc.ownerId] : []),
      this.salesWorkOf(tenantId, [doc]),
    ]);
    const companyById = new Map<string, ContactDoc>();
    for (const company of [doc, ...companies]) {
      if (company.kind === 'company') companyById.set(String(company._id), company);
    }
    const peopleOf = new Map<string, ContactDoc[]>(companyId ? [[companyId, people]] : []);
    const email = primaryEmail(toContact(doc)) ?? '';
    return withSalesWork(this.knownCard(email, doc, companyById, peopleOf, owners, new Date()), doc, work);
  }

  /**
   * The people of company `id` (sorted by name, at most 50, as on a card), for views that show a
   * company without going through an address. 404 for anything but a live company of the tenant.
   */
  async companyPeople(auth: AuthContext, id: string): Promise<CompanyPerson[]> {
    const company = await this.repo.findById(auth.tenantId, id);
    if (company?.kind !== 'company' || company.mergedInto) throw notFound();
    const people = await this.repo.findAny(auth.tenantId, [{ companyId: id, ...LIVE }], {
      sort: 'sortName',
      limit: PEOPLE_PER_COMPANY,
    });
    return companyPeople(people);
  }

  private knownCard(
    raw: string,
    doc: ContactDoc,
    companyById: Map<string, ContactDoc>,
    peopleOf: Map<string, ContactDoc[]>,
    owners: ReadonlyMap<string, CardOwner>,
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
      marketingEmailAllowed: marketingEmailDecision(contact, now),
      quality: this.quality.cardFindings(
        contact,
        companyDoc ? toContact(companyDoc) : undefined,
        people.map(toContact),
      ),
    };
    const owner = contact.ownerId ? owners.get(contact.ownerId) : undefined;
    if (owner) card.owner = owner;
    if (companyDoc && companyDoc !== doc) card.company = toContact(companyDoc);
    if (companyDoc) card.companyPeople = companyPeople(people);
    return card;
  }

  /**
   * The sales work of the known contacts: activities and follow-ups of each contact itself, the
   * opportunities of the contact and of its company (a company's lookup includes its people's).
   */
  private async salesWorkOf(tenantId: string, docs: readonly ContactDoc[]): Promise<SalesWorkByContact> {
    const source = this.salesWork;
    if (!source || docs.length === 0) return NO_SALES_WORK;
    const ids = [...new Set(docs.map((d) => String(d._id)))];
    const companyIds = docs.map((d) => d.companyId).filter((id): id is string => typeof id === 'string');
    const [activities, followUps, opportunities] = await Promise.all([
      source.recentActivities(tenantId, ids, CARD_RECENT_ACTIVITIES),
      source.openFollowUps(tenantId, ids),
      source.openOpportunities(tenantId, [...new Set([...ids, ...companyIds])]),
    ]);
    return { activities, followUps, opportunities };
  }

  /** The names of the owners the tenant knows, by user id (an unknown id is left out). */
  private async ownersById(tenantId: string, ids: readonly string[]): Promise<Map<string, CardOwner>> {
    const found = await Promise.all(ids.map((id) => this.users.find(tenantId, id)));
    return new Map(found.filter((user) => user !== null).map((user) => [user.id, { id: user.id, name: user.name }]));
  }
}

function companyPeople(people: ContactDoc[]): CompanyPerson[] {
  return people.slice(0, PEOPLE_PER_COMPANY).map((p) => {
    const c = toContact(p) as Extract<Contact, { kind: 'person' }>;
    return { id: c.id, displayName: c.displayName, roles: c.roles, ...(c.position ? { position: c.position } : {}) };
  });
}

/** Puts the contact's sales work on its card; the opportunities of its company come after its own. */
function withSalesWork(card: SenderCard, doc: ContactDoc, work: SalesWorkByContact): SenderCard {
  if (work === NO_SALES_WORK) return card;
  const id = String(doc._id);
  const followUps = work.followUps.get(id) ?? [];
  const seen = new Set<string>();
  const opportunities = [
    ...(work.opportunities.get(id) ?? []),
    ...(doc.companyId ? (work.opportunities.get(doc.companyId) ?? []) : []),
  ]
    .filter((o) => !seen.has(o.id) && seen.add(o.id))
    .sort(byClosing);
  return {
    ...card,
    recentActivities: (work.activities.get(id) ?? []).slice(0, CARD_RECENT_ACTIVITIES),
    openFollowUps: followUps.slice(0, CARD_OPEN_FOLLOW_UPS),
    openFollowUpCount: followUps.length,
    openOpportunities: opportunities.slice(0, CARD_OPEN_OPPORTUNITIES),
    openOpportunityCount: opportunities.length,
  };
}

/** Closing first; an opportunity without a close date after all dated ones, then by title. */
function byClosing(a: Opportunity, b: Opportunity): number {
  const x = a.expectedCloseDate ?? '9999-12-31';
  const y = b.expectedCloseDate ?? '9999-12-31';
  if (x !== y) return x < y ? -1 : 1;
  return a.title.localeCompare(b.title, 'de');
}
