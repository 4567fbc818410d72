import { describe, expect, it } from 'vitest';
import { makeCompany } from '../../contacts/contact.fixtures';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { companyCreate, draftProblems, duplicateProbes, initialDraft, personCreate } from './create-model';

const unknown = (suggestion: SenderCard['suggestion'], email = suggestion?.email ?? 'x@y.de'): SenderCard => ({
  email,
  status: 'unknown',
  ...(suggestion ? { suggestion } : {}),
});

describe('initialDraft', () => {
  it('takes the API suggestion and the company found by the domain', () => {
    const draft = initialDraft(
      unknown({
        salutation: 'Frau',
        firstName: 'Jana',
        lastName: 'Maier',
        email: 'j.maier@muster.de',
        companyId: '0123456789abcdef01234567',
        companyName: 'Muster GmbH',
        freeMail: false,
      }),
      'Maier, Jana',
    );
    expect(draft).toMatchObject({
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Maier',
      email: 'j.maier@muster.de',
      companyChoice: 'existing',
      existingCompanyId: '0123456789abcdef01234567',
      existingCompanyName: 'Muster GmbH',
      relationships: ['lead'],
    });
  });

  it("starts a person at a known customer or supplier with the company's relationships", () => {
    const customer = makeCompany({ relationships: ['customer', 'partner'] });
    const card = {
      ...unknown({ lastName: 'Maier', email: 'j.maier@muster.de', companyId: customer.id, freeMail: false }),
      company: customer,
    };
    expect(initialDraft(card, 'Maier').relationships).toEqual(['customer', 'partner']);
    const blank = makeCompany({ relationships: [] });
    const atBlank = {
      ...unknown({ lastName: 'Maier', email: 'j.maier@muster.de', companyId: blank.id, freeMail: false }),
      company: blank,
    };
    expect(initialDraft(atBlank, 'Maier').relationships).toEqual(['lead']);
  });

  it('proposes no company for free-mail senders', () => {
    const draft = initialDraft(
      unknown({ firstName: 'Jonas', lastName: 'Neumann', email: 'jonas.neumann@gmx.de', freeMail: true }),
      'Jonas Neumann',
    );
    expect(draft.companyChoice).toBe('none');
    expect(draft.newCompanyName).toBe('');
  });

  it('proposes a new company named after the domain when none is known', () => {
    const draft = initialDraft(unknown({ lastName: 'Kurz', email: 'k@muster-bau.de', freeMail: false }), 'Kurz');
    expect(draft.companyChoice).toBe('new');
    expect(draft.newCompanyName).toBe('Muster-Bau');
    expect(companyCreate(draft)).toEqual({
      kind: 'company',
      name: 'Muster-Bau',
      website: 'muster-bau.de',
      relationships: ['lead'],
    });
  });

  it('leaves the names empty when the API found no person (a team mailbox, a mailing list)', () => {
    const team = initialDraft(unknown({ email: 'geschaeftsleitung@muster.de', freeMail: false }), 'Geschäftsleitung');
    expect([team.target, team.firstName, team.lastName]).toEqual(['person', '', '']);
    const list = initialDraft(
      unknown({ email: 'muster-liste@googlegroups.com', freeMail: true }),
      "'Max Mustermann' via Muster-Liste",
    );
    expect([list.firstName, list.lastName, list.companyChoice]).toEqual(['', '', 'none']);
  });

  it('offers a sender that is a firm as a company of its own, with its address', () => {
    const draft = initialDraft(
      unknown({ kind: 'company', companyName: 'Neue Firma GmbH', email: 'info@neue-firma.de', freeMail: false }),
      'Neue Firma GmbH',
    );
    expect(draft).toMatchObject({ target: 'company', newCompanyName: 'Neue Firma GmbH', lastName: '' });
    expect(draftProblems(draft)).toEqual([]);
    expect(duplicateProbes(draft)).toEqual([companyCreate(draft)]);
    expect(companyCreate(draft)).toEqual({
      kind: 'company',
      name: 'Neue Firma GmbH',
      emails: [{ address: 'info@neue-firma.de', primary: true }],
      website: 'neue-firma.de',
      relationships: ['lead'],
    });
    expect(draftProblems({ ...draft, newCompanyName: ' ' })).toEqual(['companyName']);
    // The user may still create a person instead.
    expect(draftProblems({ ...draft, target: 'person' })).toEqual(['lastName']);
  });

  it('guesses a readable company from an umlaut or Microsoft 365 domain', () => {
    expect(
      initialDraft(unknown({ lastName: 'M', email: 'm@xn--mller-kva.de', freeMail: false }), '').newCompanyName,
    ).toBe('Müller');
    expect(initialDraft(unknown(undefined, 'm@muster.onmicrosoft.com'), 'M').newCompanyName).toBe('Muster');
  });

  it('splits the display name when there is no suggestion (e.g. an X.500 address)', () => {
    const draft = initialDraft(unknown(undefined, '/o=exchange/cn=max'), 'Max Peter Muster');
    expect([draft.firstName, draft.lastName]).toEqual(['Max Peter', 'Muster']);
  });
});

describe('personCreate', () => {
  it('sends trimmed values, leaves out empty ones and links the company', () => {
    const draft = initialDraft(
      unknown({ firstName: ' Jana ', lastName: 'Maier ', email: 'j@m.de', freeMail: false }),
      '',
    );
    const body = personCreate({ ...draft, position: '  ', title: 'Dr.' }, '0123456789abcdef01234567');
    expect(body).toEqual({
      kind: 'person',
      salutation: 'none',
      title: 'Dr.',
      firstName: 'Jana',
      lastName: 'Maier',
      emails: [{ address: 'j@m.de', primary: true }],
      relationships: ['lead'],
      roles: [],
      companyId: '0123456789abcdef01234567',
    });
  });

  it('checks for duplicates only once there is a last name', () => {
    const draft = initialDraft(unknown({ email: 'info@firma.de', freeMail: false }), '');
    expect(draft.lastName).toBe('');
    expect(duplicateProbes({ ...draft, newCompanyName: '' })).toEqual([]);
    expect(draftProblems(draft)).toEqual(['lastName']);
    expect(draftProblems({ ...draft, lastName: 'X', companyChoice: 'new', newCompanyName: ' ' })).toEqual([
      'companyName',
    ]);
  });

  it('checks the new company too, and only a new one', () => {
    const draft = initialDraft(
      unknown({ firstName: 'Petra', lastName: 'Weber', email: 'p.weber@weber-logistik.de', freeMail: false }),
      'Weber, Petra | Disposition',
    );
    expect(draft.companyChoice).toBe('new');
    expect(duplicateProbes(draft)).toEqual([personCreate(draft, undefined), companyCreate(draft)]);
    expect(duplicateProbes({ ...draft, companyChoice: 'none' })).toEqual([personCreate(draft, undefined)]);
    expect(duplicateProbes({ ...draft, lastName: '' })).toEqual([companyCreate(draft)]);
  });
});
