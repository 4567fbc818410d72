import { describe, expect, it } from 'vitest';
import type { MailItem } from '../../office/mailbox-host';
import { defaultParticipant, isExchangeLegacyDn, participantsOf } from './participants';

const base = { key: 'k', subject: 's', to: [], cc: [], requiredAttendees: [], optionalAttendees: [] };

describe('participantsOf', () => {
  it('lists From, To and Cc once each, without the user', () => {
    const item: MailItem = {
      ...base,
      kind: 'message',
      from: { name: 'Max Mustermann', email: 'Max.Mustermann@muster.de' },
      to: [
        { name: 'Sabine', email: 'sabine@firma.de' },
        { name: 'Lisa', email: 'lisa@muster.de' },
      ],
      cc: [{ name: 'Max again', email: 'max.mustermann@muster.de' }],
    };
    expect(participantsOf(item, 'SABINE@firma.de')).toEqual([
      { email: 'max.mustermann@muster.de', name: 'Max Mustermann', role: 'from' },
      { email: 'lisa@muster.de', name: 'Lisa', role: 'to' },
    ]);
  });

  it('takes the first attendee when the user organizes the meeting', () => {
    const item: MailItem = {
      ...base,
      kind: 'appointment',
      organizer: { name: 'Sabine', email: 'sabine@firma.de' },
      requiredAttendees: [
        { name: 'Sabine', email: 'sabine@firma.de' },
        { name: 'Max', email: 'max@muster.de' },
      ],
      optionalAttendees: [{ name: '', email: 'tom@muster.de' }],
    };
    const people = participantsOf(item, 'sabine@firma.de');
    expect(people.map((p) => [p.email, p.role, p.name])).toEqual([
      ['max@muster.de', 'required', 'Max'],
      ['tom@muster.de', 'optional', 'tom@muster.de'],
    ]);
    expect(defaultParticipant(people)?.email).toBe('max@muster.de');
  });

  // Outlook may give the user's own address as an Exchange legacy DN (X.500) instead of SMTP.
  const legacyDn = (cn: string) =>
    `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${cn}`;

  it('defaults to the first real participant when the user organises the meeting as X.500', () => {
    const item: MailItem = {
      ...base,
      kind: 'appointment',
      organizer: { name: 'Sabine Sommer', email: legacyDn('3f2a9c0e41d24b6f8a1b2c3d4e5f6a7b-sabine.somm') },
      requiredAttendees: [{ name: 'Erika Kundin', email: 'erika.kundin@kunde.de' }],
    };
    const people = participantsOf(item, 'sabine.sommer@firma.de');
    expect(people.map((p) => p.email)).toEqual(['erika.kundin@kunde.de']);
    expect(defaultParticipant(people)?.email).toBe('erika.kundin@kunde.de');
  });

  it.each([
    ['upper case', `/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=SABINE`],
    ['an on-premises organisation', '/o=Firma AG/ou=First Administrative Group/cn=Recipients/cn=ssommer'],
    ['with spaces around', `  ${legacyDn('ssommer')} `],
  ])('leaves out an X.500 sender in %s and picks the first outside address', (_case, dn) => {
    const item: MailItem = {
      ...base,
      kind: 'message',
      from: { name: 'Sabine Sommer', email: dn },
      to: [{ name: 'Max', email: 'max@muster.de' }],
      cc: [{ name: 'Kollege', email: legacyDn('kollege') }],
    };
    const people = participantsOf(item, 'sabine.sommer@firma.de');
    expect(people.map((p) => p.email)).toEqual(['max@muster.de']);
    expect(defaultParticipant(people)?.email).toBe('max@muster.de');
  });

  it('keeps addresses that only look a little like X.500', () => {
    for (const email of ['o=firma@muster.de', 'cn@muster.de', '/o@muster.de']) {
      expect(isExchangeLegacyDn(email)).toBe(false);
    }
  });

  it('has nobody without an item', () => {
    expect(participantsOf(null)).toEqual([]);
  });
});
