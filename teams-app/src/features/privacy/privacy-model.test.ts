import { describe, expect, it } from 'vitest';
import { dueLine, numberProblems, type RequestForm, requestCreateBody, requestFormProblems } from './privacy-model';

const form: RequestForm = {
  type: 'access',
  name: ' Erika Muster ',
  email: '',
  channel: 'email',
  receivedOn: '',
  contacts: [{ id: 'c1', name: 'Erika Muster' }],
  description: '',
};

describe('privacy model', () => {
  it('says since when a request is overdue: the day after its due day', () => {
    expect(dueLine({ status: 'open', dueOn: '2026-11-30', overdue: true })).toEqual({
      kind: 'overdue',
      since: '2026-12-01',
    });
    expect(dueLine({ status: 'inProgress', dueOn: '2026-12-31', overdue: false })).toEqual({
      kind: 'due',
      on: '2026-12-31',
    });
    expect(dueLine({ status: 'done', dueOn: '2026-11-30', overdue: false, closedAt: '2026-11-20T10:00:00Z' })).toEqual({
      kind: 'closed',
      at: '2026-11-20T10:00:00Z',
    });
  });

  it('refuses a request without a name, with a typed non-date or a future date', () => {
    expect(requestFormProblems({ ...form, name: ' ' }, '2026-12-01')).toEqual({ name: 'nameRequired' });
    expect(requestFormProblems({ ...form, receivedOn: '31.02.2026' }, '2026-12-01')).toEqual({
      receivedOn: 'dateInvalid',
    });
    expect(requestFormProblems({ ...form, receivedOn: '2026-12-02' }, '2026-12-01')).toEqual({
      receivedOn: 'dateFuture',
    });
    expect(requestFormProblems(form, '2026-12-01')).toEqual({});
  });

  it('sends only what was filled in', () => {
    expect(requestCreateBody(form)).toEqual({
      type: 'access',
      requester: { name: 'Erika Muster', channel: 'email' },
      contactIds: ['c1'],
    });
    expect(requestCreateBody({ ...form, email: 'e@x.de', receivedOn: '2026-11-02', description: 'Brief' })).toEqual({
      type: 'access',
      requester: { name: 'Erika Muster', channel: 'email', email: 'e@x.de' },
      contactIds: ['c1'],
      receivedOn: '2026-11-02',
      description: 'Brief',
    });
  });

  it('checks the settings numbers against their bounds', () => {
    expect(
      numberProblems({
        businessLetter: '6',
        bookingVoucher: '31',
        books: 'zehn',
        consentReviewMonths: '0',
        doubleOptInValidHours: '72',
      }),
    ).toEqual(['bookingVoucher', 'books', 'consentReviewMonths']);
  });
});
