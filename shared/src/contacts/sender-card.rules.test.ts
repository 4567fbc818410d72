import { describe, expect, it } from 'vitest';
import { companyNameFromDomain, createSuggestion } from './sender-card.rules';

describe('createSuggestion', () => {
  it('prefills an unknown business sender', () => {
    expect(createSuggestion({ email: 'Max.Mustermann@Muster-Bau.de', displayName: 'Dr. Max Mustermann' })).toEqual({
      title: 'Dr.',
      firstName: 'Max',
      lastName: 'Mustermann',
      email: 'max.mustermann@muster-bau.de',
      freeMail: false,
      companyName: 'Muster-Bau',
    });
  });

  it('uses the company matched by domain', () => {
    expect(
      createSuggestion({
        email: 'e.musterfrau@muster.de',
        displayName: 'Frau Musterfrau',
        company: { id: 'a'.repeat(24), name: 'Muster GmbH' },
      }),
    ).toEqual({
      salutation: 'Frau',
      lastName: 'Musterfrau',
      email: 'e.musterfrau@muster.de',
      freeMail: false,
      companyId: 'a'.repeat(24),
      companyName: 'Muster GmbH',
    });
  });

  it('guesses no company for free-mail senders and no name for role mailboxes', () => {
    expect(createSuggestion({ email: 'anna.schmidt@gmx.de' })).toEqual({
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna.schmidt@gmx.de',
      freeMail: true,
    });
    expect(createSuggestion({ email: 'info@muster.de', displayName: 'Muster GmbH' })).toEqual({
      email: 'info@muster.de',
      freeMail: false,
      companyName: 'Muster',
    });
  });

  it('refuses unusable addresses', () => {
    expect(createSuggestion({ email: '/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=abc' })).toBeNull();
    expect(createSuggestion({ email: '' })).toBeNull();
  });
});

describe('companyNameFromDomain', () => {
  it.each([
    ['muster.de', 'Muster'],
    ['mail.muster-bau.de', 'Muster-Bau'],
    ['muster.co.uk', 'Muster'],
    ['localhost', undefined],
    ['123.de', undefined],
  ])('%j → %j', (domain, expected) => {
    expect(companyNameFromDomain(domain)).toBe(expected);
  });
});
