import { describe, expect, it } from 'vitest';
import type { MailItem } from '../../office/mailbox-host';
import { defaultParticipant, participantsOf } from './participants';

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

  it('has nobody without an item', () => {
    expect(participantsOf(null)).toEqual([]);
  });
});
