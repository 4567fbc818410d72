import { describe, expect, it } from 'vitest';
import { makeCompany } from '../../contacts/contact.fixtures';
import type { SenderCard } from '../../contacts/sender-card.schema';
import {
  companyCreate,
  draftProblems,
  duplicateProbes,
  emptyDraft,
  initialDraft,
  personCreate,
  withCompany,
  withCompanyChoice,
} from './create-model';

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

describe('emptyDraft (Teams, data care)', () => {
  const muster = { id: '0123456789abcdef01234567', name: 'Muster GmbH', relationships: ['customer'] as const };

  it('starts without a sender: a person without company, as a lead, with nothing filled in', () => {
    const draft = emptyDraft();
    expect(draft).toMatchObject({
      target: 'person',
      salutation: 'none',
      firstName: '',
      lastName: '',
      email: '',
      companyChoice: 'none',
      newCompanyName: '',
      relationships: ['lead'],
      relationshipsChosen: false,
    });
    expect(draftProblems(draft)).toEqual(['lastName']);
    expect(duplicateProbes(draft)).toEqual([]);
    expect(emptyDraft({ target: 'company' }).target).toBe('company');
    expect(draftProblems(emptyDraft({ target: 'company' }))).toEqual(['companyName']);
  });

  it('creates a person without an e-mail address, with phones instead', () => {
    const draft = { ...emptyDraft(), lastName: 'Krüger', phone: ' 030 1234-56 ', mobile: '0171 2345678' };
    expect(draftProblems(draft)).toEqual([]);
    expect(personCreate(draft, undefined)).toEqual({
      kind: 'person',
      salutation: 'none',
      lastName: 'Krüger',
      emails: [],
      businessPhones: ['030 1234-56'],
      mobilePhone: '0171 2345678',
      relationships: ['lead'],
      roles: [],
    });
  });

  it('creates a company without an e-mail address, with its own phone and website', () => {
    const draft = {
      ...emptyDraft({ target: 'company' }),
      newCompanyName: ' Sonnenhof Solartechnik GmbH ',
      phone: '0351 445566',
      website: 'sonnenhof-solartechnik.de',
    };
    expect(draftProblems(draft)).toEqual([]);
    expect(companyCreate(draft)).toEqual({
      kind: 'company',
      name: 'Sonnenhof Solartechnik GmbH',
      businessPhones: ['0351 445566'],
      website: 'sonnenhof-solartechnik.de',
      relationships: ['lead'],
    });
    expect(duplicateProbes(draft)).toEqual([companyCreate(draft)]);
  });

  it("gives a person's phone and address to the person, not to the new company created with them", () => {
    const draft = {
      ...emptyDraft(),
      lastName: 'Vogel',
      email: 'k.vogel@vogel-bau.de',
      phone: '0341 1234',
      companyChoice: 'new' as const,
      newCompanyName: 'Vogel Bau',
    };
    expect(companyCreate(draft)).toEqual({ kind: 'company', name: 'Vogel Bau', relationships: ['lead'] });
  });

  it('refuses an e-mail address that cannot be one, and accepts none or an umlaut domain', () => {
    const draft = { ...emptyDraft(), lastName: 'Vogel' };
    expect(draftProblems({ ...draft, email: 'katrin.vogel@web' })).toEqual(['email']);
    expect(draftProblems({ ...draft, email: 'katrin vogel@web.de' })).toEqual(['email']);
    expect(draftProblems({ ...draft, email: '  ' })).toEqual([]);
    expect(draftProblems({ ...draft, email: 'jürgen@müller-bau.de' })).toEqual([]);
  });

  it("starts a contact person of a given company at it, with the company's relationships", () => {
    const draft = emptyDraft({ target: 'company', company: muster });
    expect(draft).toMatchObject({
      target: 'person',
      companyChoice: 'existing',
      existingCompanyId: muster.id,
      existingCompanyName: 'Muster GmbH',
      relationships: ['customer'],
    });
    const named = { ...draft, firstName: 'Jana', lastName: 'Meier' };
    expect(duplicateProbes(named)).toEqual([personCreate(named, muster.id)]);
    expect(personCreate(named, muster.id)).toMatchObject({ companyId: muster.id, relationships: ['customer'] });
  });

  it('follows the picked company with the relationships until the user sets them', () => {
    const picked = withCompany(emptyDraft(), muster);
    expect(picked.relationships).toEqual(['customer']);
    expect(withCompany(picked, undefined)).toMatchObject({ relationships: ['lead'] });
    expect(withCompany(picked, undefined).existingCompanyId).toBeUndefined();
    // A company of unknown relationships (or none) leaves a new person a lead.
    expect(withCompany(emptyDraft(), { id: muster.id, name: 'Muster GmbH' }).relationships).toEqual(['lead']);
    const chosen = { ...emptyDraft(), relationships: ['partner' as const], relationshipsChosen: true };
    expect(withCompany(chosen, muster).relationships).toEqual(['partner']);
  });

  it('keeps a picked company while another choice is tried, with the relationships following the choice', () => {
    const picked = withCompany(emptyDraft(), muster);
    const none = withCompanyChoice(picked, 'none');
    expect(none).toMatchObject({ companyChoice: 'none', relationships: ['lead'], existingCompanyId: muster.id });
    expect(personCreate(none, undefined).companyId).toBeUndefined();
    expect(withCompanyChoice(none, 'existing')).toMatchObject({ relationships: ['customer'] });
    // From a card: the company matched by the domain is a customer.
    const card = {
      ...unknown({ lastName: 'Maier', email: 'j.maier@muster.de', companyId: muster.id, freeMail: false }),
      company: makeCompany({ id: muster.id, relationships: ['customer'] }),
    };
    const fromCard = initialDraft(card, 'Maier');
    expect(withCompanyChoice(withCompanyChoice(fromCard, 'new'), 'existing').relationships).toEqual(['customer']);
  });

  it('asks for a company when "existing company" is chosen but none picked', () => {
    const draft = { ...emptyDraft(), lastName: 'Meier', companyChoice: 'existing' as const };
    expect(draftProblems(draft)).toEqual(['existingCompany']);
    expect(draftProblems(withCompany(draft, muster))).toEqual([]);
  });
});
