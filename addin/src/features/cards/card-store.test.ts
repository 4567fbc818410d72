import { describe, expect, it } from 'vitest';
import { makeCompany, makePerson } from '../../../../shared/src/contacts/contact.fixtures';
import type { ApiClient, CardRequest, SenderCard } from '@klarkonform/shared/ui';
import { CardStore } from './card-store';

// The store against a scripted cards endpoint: a contact saved in the pane shows on every card
// that holds it at once, before the refresh.

const company = makeCompany({ id: 'c'.repeat(24) });
const max = makePerson({ id: 'a'.repeat(24), companyId: company.id, firstName: 'Max' });
const lisa = makePerson({ id: 'b'.repeat(24), companyId: company.id, firstName: 'Lisa', lastName: 'Müller' });

function store(cards: Record<string, SenderCard>) {
  const api = {
    cards: async (people: readonly CardRequest[]) => people.map((p) => cards[p.email] as SenderCard),
  } as unknown as ApiClient;
  return new CardStore(api);
}

const known = (email: string, contact = max): SenderCard => ({
  email,
  status: 'known',
  contact,
  company,
  companyPeople: [],
  owner: { id: 'u1', name: 'Sabine' },
});

describe('CardStore.applyContact', () => {
  it('puts the saved contact on every card showing it, as the person or as their company', async () => {
    const cards = store({ 'max@muster.de': known('max@muster.de'), 'lisa@muster.de': known('lisa@muster.de', lisa) });
    await cards.load([
      { email: 'max@muster.de', name: 'Max' },
      { email: 'lisa@muster.de', name: 'Lisa' },
    ]);
    const before = cards.getVersion();
    const renamed = { ...max, firstName: 'Maximilian', displayName: 'Maximilian Mustermann', version: 2 };
    cards.applyContact(renamed);
    expect(cards.get('MAX@muster.de')?.card?.contact).toBe(renamed);
    expect(cards.get('lisa@muster.de')?.card?.contact).toBe(lisa);
    expect(cards.getVersion()).toBeGreaterThan(before);

    const moved = { ...company, name: 'Muster AG', displayName: 'Muster AG', version: 2 };
    cards.applyContact(moved);
    expect(cards.get('lisa@muster.de')?.card?.company).toBe(moved);
  });

  it('drops the old company of a person linked elsewhere, until the refresh names the new one', async () => {
    const cards = store({ 'max@muster.de': known('max@muster.de') });
    await cards.load([{ email: 'max@muster.de', name: 'Max' }]);
    cards.applyContact({ ...max, companyId: 'd'.repeat(24), version: 2 });
    const card = cards.get('max@muster.de')?.card;
    expect(card?.company).toBeUndefined();
    expect(card?.companyPeople).toBeUndefined();
    expect(card?.owner).toEqual({ id: 'u1', name: 'Sabine' });
  });

  it('changes nothing (and tells no one) for a contact it does not show', async () => {
    const cards = store({ 'max@muster.de': known('max@muster.de') });
    await cards.load([{ email: 'max@muster.de', name: 'Max' }]);
    const before = cards.getVersion();
    cards.applyContact(makePerson({ id: 'e'.repeat(24) }));
    expect(cards.getVersion()).toBe(before);
  });
});

describe('CardStore.load', () => {
  it('loads again after the request on the way when a forced reload was asked for meanwhile', async () => {
    // The first answer was computed before the change the pane just saved; the forced reload brings the change.
    const answers = [known('max@muster.de'), known('max@muster.de', { ...max, firstName: 'Maximilian', version: 2 })];
    let release: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const api = {
      cards: async () => {
        const answer = answers[calls++] as SenderCard;
        if (calls === 1) await firstAnswered;
        return [answer];
      },
    } as unknown as ApiClient;
    const cards = new CardStore(api);
    const first = cards.load([{ email: 'max@muster.de', name: 'Max' }]);
    const forced = cards.load([{ email: 'max@muster.de', name: 'Max' }], true);
    release();
    await Promise.all([first, forced]);
    expect(calls).toBe(2);
    expect(cards.get('max@muster.de')?.card?.contact?.version).toBe(2);
  });

  it('does not load twice when nobody forced a reload during the request', async () => {
    let calls = 0;
    const api = {
      cards: async () => {
        calls++;
        return [known('max@muster.de')];
      },
    } as unknown as ApiClient;
    const cards = new CardStore(api);
    await Promise.all([
      cards.load([{ email: 'max@muster.de', name: 'Max' }]),
      cards.load([{ email: 'max@muster.de', name: 'Max' }]),
    ]);
    expect(calls).toBe(1);
  });
});
