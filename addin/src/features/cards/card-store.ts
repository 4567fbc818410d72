import type { ApiClient, Contact, SenderCard } from '@klarkonform/shared/ui';

// Cards by address, kept in memory for the life of the pane: switching back to a mail shows
// its cards at once, and every switch refreshes them in the background (stale while
// revalidate). Requests for addresses already on the way are not sent twice.

export interface CardEntry {
  card?: SenderCard;
  fetchedAt?: number;
  loading: boolean;
  error?: unknown;
}

export interface CardPerson {
  email: string;
  name: string;
}

const MAX_ENTRIES = 500;
const FRESH_MS = 5_000;

export class CardStore {
  private readonly entries = new Map<string, CardEntry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  // Forced reloads asked for while a load of the same address was on the way: that load may
  // have started before the change the caller just saved, so another one follows it.
  private readonly reloadAfter = new Map<string, CardPerson>();

  constructor(private readonly api: ApiClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get(email: string): CardEntry | undefined {
    return this.entries.get(email.toLowerCase());
  }

  /** Loads cards for everyone on the item in one request; `force` ignores freshness. */
  async load(people: readonly CardPerson[], force = false): Promise<void> {
    const now = Date.now();
    const wanted = people.filter((person) => {
      const entry = this.get(person.email);
      if (!entry) return true;
      if (entry.loading) {
        if (force) this.reloadAfter.set(person.email.toLowerCase(), person);
        return false;
      }
      return force || entry.fetchedAt === undefined || now - entry.fetchedAt > FRESH_MS;
    });
    if (wanted.length === 0) return;
    for (const person of wanted) this.patch(person.email, { loading: true });
    this.emit();
    try {
      const cards = await this.api.cards(wanted);
      const fetchedAt = Date.now();
      wanted.forEach((person, index) => {
        const card = cards[index];
        this.patch(person.email, card ? { card, fetchedAt, loading: false, error: undefined } : { loading: false });
      });
    } catch (error) {
      // Keep what was shown before; the pane says the data may be stale.
      for (const person of wanted) this.patch(person.email, { loading: false, error });
    }
    this.emit();
    const again = wanted.filter((person) => this.reloadAfter.delete(person.email.toLowerCase()));
    if (again.length > 0) await this.load(again, true);
  }

  /**
   * A contact was saved here: every card showing it (as the person or as their company) shows
   * the saved version at once, before the next load brings the rest (owner, findings) up to date.
   */
  applyContact(contact: Contact): void {
    let changed = false;
    for (const [email, entry] of this.entries) {
      const card = entry.card;
      if (!card) continue;
      const next: SenderCard = { ...card };
      if (card.contact?.id === contact.id) {
        next.contact = contact;
        // Linked to another company (or none): the old one's name must not show meanwhile.
        if (contact.kind === 'person' && card.company && card.company.id !== contact.companyId) {
          delete next.company;
          delete next.companyPeople;
        }
      }
      if (card.company?.id === contact.id) next.company = contact;
      if (next.contact !== card.contact || next.company !== card.company) {
        this.entries.set(email, { ...entry, card: next });
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  private patch(email: string, change: Partial<CardEntry>): void {
    const key = email.toLowerCase();
    const current = this.entries.get(key) ?? { loading: false };
    this.entries.delete(key);
    this.entries.set(key, { ...current, ...change });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
