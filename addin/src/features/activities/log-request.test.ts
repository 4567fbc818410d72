import { describe, expect, it } from 'vitest';
import { MAX_MAIL_BODY_LENGTH } from '@klarkonform/shared/ui';
import type { MailItem } from '../../office/mailbox-host';
import { mailLogRequest, meetingKey, meetingLogRequest, storableBody } from './log-request';

const message: MailItem = {
  kind: 'message',
  key: 'k',
  subject: 'Angebot\tRückfrage',
  from: { name: 'Max', email: 'max@muster.de' },
  to: [
    { name: 'Ich', email: 'me@firma.de' },
    { name: 'Kollege', email: '/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=abc' },
  ],
  cc: [],
  requiredAttendees: [],
  optionalAttendees: [],
  internetMessageId: '<m1@muster.de>',
  conversationId: 'c1',
  sentAt: '2026-11-20T09:30:00.000Z',
};

describe('the mail log request', () => {
  it('is received when someone else sent it, sent when the user did; X.500 names are left out', () => {
    const req = mailLogRequest(message, 'ME@firma.de');
    expect(req).toMatchObject({
      internetMessageId: '<m1@muster.de>',
      direction: 'in',
      subject: 'Angebot Rückfrage',
      occurredAt: '2026-11-20T09:30:00.000Z',
    });
    expect(req?.to).toEqual([{ name: 'Ich', email: 'me@firma.de' }]);
    expect(req?.body).toBeUndefined();
    expect(mailLogRequest({ ...message, from: { name: 'Ich', email: 'me@firma.de' } }, 'me@firma.de')?.direction).toBe(
      'out',
    );
  });

  it('carries the body only when given, cut to the limit and without control characters', () => {
    expect(mailLogRequest(message, undefined, 'Hallo\r\nWelt\u0007')?.body).toBe('Hallo\nWelt');
    expect(storableBody('x'.repeat(MAX_MAIL_BODY_LENGTH + 10))).toHaveLength(MAX_MAIL_BODY_LENGTH);
    // A surrogate pair at the cut is not split.
    const emoji = `${'x'.repeat(MAX_MAIL_BODY_LENGTH - 1)}😀`;
    expect(storableBody(emoji)).toHaveLength(MAX_MAIL_BODY_LENGTH - 1);
  });

  it('is null for a draft without a Message-ID and for an appointment', () => {
    expect(mailLogRequest({ ...message, internetMessageId: undefined }, undefined)).toBeNull();
    expect(mailLogRequest({ ...message, kind: 'appointment' }, undefined)).toBeNull();
  });
});

describe('the meeting log request', () => {
  const meeting: MailItem = {
    kind: 'appointment',
    key: 'item-id-of-this-mailbox',
    subject: 'Kickoff',
    to: [],
    cc: [],
    organizer: { name: 'Orga', email: 'Orga@firma.de' },
    requiredAttendees: [{ name: 'Max', email: 'max@muster.de' }],
    optionalAttendees: [{ name: 'Tom', email: 'tom@muster.de' }],
    start: '2026-11-25T13:00:00.000Z',
    end: '2026-11-25T14:00:00.000Z',
    location: 'Köln',
  };

  it('uses the iCalUId when the host has it, else a key every attendee’s copy shares', () => {
    expect(meetingKey({ ...meeting, iCalUId: 'uid-1' })).toBe('uid-1');
    expect(meetingKey(meeting)).toBe('outlook:orga@firma.de|2026-11-25T13:00:00.000Z|Kickoff');
    expect(meetingKey({ ...meeting, key: 'another-mailbox' })).toBe(meetingKey(meeting));
    expect(meetingKey({ ...meeting, start: undefined })).toBeNull();
  });

  it('lists required and optional attendees', () => {
    expect(meetingLogRequest(meeting)).toMatchObject({
      subject: 'Kickoff',
      start: '2026-11-25T13:00:00.000Z',
      location: 'Köln',
      attendees: [
        { name: 'Max', email: 'max@muster.de' },
        { name: 'Tom', email: 'tom@muster.de' },
      ],
    });
    expect(meetingLogRequest(message)).toBeNull();
  });
});

describe('a sent copy with a compose key', () => {
  it('carries a well-formed key from the header, and leaves out anything else', () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    expect(
      mailLogRequest(message, 'me@firma.de', undefined, now, '0f8e1c2a-1234-4abc-9def-000000000001')?.composeKey,
    ).toBe('0f8e1c2a-1234-4abc-9def-000000000001');
    expect(mailLogRequest(message, 'me@firma.de', undefined, now, '<script>')).not.toHaveProperty('composeKey');
    expect(mailLogRequest(message, 'me@firma.de', undefined, now, 'short')).not.toHaveProperty('composeKey');
  });
});
