import { describe, expect, it } from 'vitest';
import { makeCompany, makePerson } from '../../contacts/contact.fixtures';
import { draftOf, type EditDraft } from './edit-model';
import { blockingProblems, editProblems, maxLengthOf } from './edit-validation';

const personDraft = (changes: Partial<EditDraft> = {}) => ({ ...draftOf(makePerson()), ...changes });
const keys = (draft: EditDraft, kind: 'person' | 'company' = 'person') =>
  Object.fromEntries([...editProblems(kind, draft)].map(([field, p]) => [field, [p.key, p.severity]]));

describe('editProblems: what the form refuses before sending', () => {
  it('finds nothing in a stored contact', () => {
    expect(editProblems('person', personDraft()).size).toBe(0);
    expect(editProblems('company', draftOf(makeCompany())).size).toBe(0);
  });

  it('wants a last name, or a company name', () => {
    expect(keys(personDraft({ lastName: '  ' }))).toEqual({ lastName: ['form.required', 'error'] });
    expect(keys({ ...draftOf(makeCompany()), name: '' }, 'company')).toEqual({ name: ['form.required', 'error'] });
  });

  it('checks each e-mail address and the list as a whole', () => {
    const draft = personDraft({
      emails: [
        { address: 'max@muster.de', primary: true },
        { address: 'kein-at-zeichen', primary: false },
        { address: 'MAX@Muster.de', primary: false },
      ],
    });
    expect(keys(draft)).toEqual({
      'emails.1': ['edit.emailInvalid', 'error'],
      emails: ['inputProblem.duplicateEmail', 'error'],
    });
  });

  it('only hints at a phone number it cannot read, in the address’s country', () => {
    const draft = personDraft({ businessPhones: ['030 1234567', '12'], mobilePhone: 'abc' });
    expect(keys(draft)).toEqual({
      'businessPhones.1': ['edit.phoneUnreadable', 'warning'],
      mobilePhone: ['edit.phoneUnreadable', 'warning'],
    });
    expect(blockingProblems(editProblems('person', draft))).toEqual([]);
    // 01 2345678 can be dialled in Germany, not in Switzerland (whose numbers have ten digits).
    expect(keys(personDraft({ homePhones: ['01 2345678'] }))).toEqual({});
    expect(keys(personDraft({ homePhones: ['01 2345678'], businessPhones: [], country: 'CH' }))).toEqual({
      'homePhones.0': ['edit.phoneUnreadable', 'warning'],
    });
  });

  it('checks the budget: whole euros, minimum not above maximum', () => {
    expect(keys(personDraft({ budgetMin: '5.000', budgetMax: '1.000' }))).toEqual({
      'lead.budget.maxEur': ['inputProblem.budgetRange', 'error'],
    });
    expect(keys(personDraft({ budgetMin: 'viel', budgetMax: '1.000' }))).toEqual({
      'lead.budget.minEur': ['edit.budgetNumber', 'error'],
    });
  });

  it('applies the schemas’ length limits and the website’s no-spaces rule', () => {
    expect(maxLengthOf('person', 'title')).toBe(40);
    expect(maxLengthOf('person', 'address.postcode')).toBe(20);
    expect(maxLengthOf('company', 'emails.0.address')).toBe(254);
    expect(maxLengthOf('company', 'lead.nextSteps')).toBe(2000);
    expect(maxLengthOf('person', 'notes.specifics')).toBe(4000);
    const problems = editProblems('person', personDraft({ title: 'x'.repeat(41), website: 'www.muster .de' }));
    expect(problems.get('title')).toEqual({ key: 'edit.tooLong', params: { max: 40, count: 41 }, severity: 'error' });
    expect(problems.get('website')?.key).toBe('edit.websiteSpaces');
    expect(keys(personDraft({ tags: `${'t'.repeat(51)}, VIP` }))).toEqual({ tags: ['edit.tagTooLong', 'error'] });
    expect(keys(personDraft({ company: { id: '', name: 'G'.repeat(201) } }))).toEqual({
      companyId: ['edit.tooLong', 'error'],
    });
  });

  it('refuses a "Kunde seit" that is no date', () => {
    expect(keys(personDraft({ customerSince: '31.02.2020' }))).toEqual({
      customerSince: ['form.dateInvalid', 'error'],
    });
  });
});
