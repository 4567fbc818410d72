import { describe, expect, it } from 'vitest';
import { createOf, EMPTY_FORM, formOf, patchOf } from './opportunity-form';
import { opportunity } from './opportunity.fixture';

describe('the edit form', () => {
  const original = opportunity({ amountCents: 1_234_567, probability: 20, expectedCloseDate: '2026-12-15' });

  it('shows the amount in the UI language', () => {
    expect(formOf(original, 'de').amount).toBe('12.345,67');
    expect(formOf(original, 'en').amount).toBe('12,345.67');
  });

  it('sends only what changed, the amount in cents', () => {
    const form = { ...formOf(original, 'de'), amount: '20.000,5', title: ' Wartung 2027 ' };
    expect(patchOf(form, original, 'de')).toEqual({ patch: { title: 'Wartung 2027', amountCents: 2_000_050 } });
    expect(patchOf(formOf(original, 'en'), original, 'en')).toEqual({ patch: {} });
  });

  it('sends no date that is none: a typed "30.02.2027" stays in the form as an error', () => {
    const form = { ...formOf(original, 'de'), expectedCloseDate: '30.02.2027', offerDate: '2027-02-30' };
    expect(patchOf(form, original, 'de')).toEqual({
      errors: { expectedCloseDate: 'date.invalid', offerDate: 'date.invalid' },
    });
    expect(createOf({ ...EMPTY_FORM, title: 'Neu', amount: '1', offerDate: 'morgen' }, 'a'.repeat(24), 'de')).toEqual({
      errors: { offerDate: 'date.invalid' },
    });
    // A real day and a cleared field go through.
    expect(patchOf({ ...formOf(original, 'de'), expectedCloseDate: '2028-02-29' }, original, 'de')).toEqual({
      patch: { expectedCloseDate: '2028-02-29' },
    });
    expect(patchOf({ ...formOf(original, 'de'), expectedCloseDate: '' }, original, 'de')).toEqual({
      patch: { expectedCloseDate: null },
    });
  });

  it('refuses a bad amount, probability or title, and Verloren without a reason', () => {
    const form = {
      ...formOf(original, 'de'),
      amount: '12,345',
      probability: '120',
      title: ' ',
      stage: 'lost' as const,
    };
    expect(patchOf(form, original, 'de')).toEqual({
      errors: {
        amount: 'money.decimals',
        probability: 'probability.invalid',
        title: 'title.required',
        lossReason: 'lost.required',
      },
    });
    const lost = { ...formOf(original, 'de'), stage: 'lost' as const, lossReason: 'Preis zu hoch' };
    expect(patchOf(lost, original, 'de')).toEqual({ patch: { stage: 'lost', lossReason: 'Preis zu hoch' } });
  });
});

describe('the create form', () => {
  it('needs a contact and builds the POST body', () => {
    const form = { ...EMPTY_FORM, title: 'Neue Anlage', amount: '5.000', expectedCloseDate: '2027-01-31' };
    expect(createOf(form, undefined, 'de')).toEqual({ errors: { contact: 'contact.required' } });
    expect(createOf(form, 'c1', 'de')).toEqual({
      body: {
        title: 'Neue Anlage',
        contactId: 'c1',
        amountCents: 500_000,
        stage: 'needsAnalysis',
        expectedCloseDate: '2027-01-31',
      },
    });
    expect(createOf({ ...form, probability: '35' }, 'c1', 'de')).toMatchObject({ body: { probability: 35 } });
  });
});
