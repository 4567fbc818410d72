import { describe, expect, it } from 'vitest';
import type { SenderCard } from '../../contacts/sender-card.schema';
import { companyCreate, draftProblems, duplicateProbe, initialDraft, personCreate } from './create-model';

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
    expect(duplicateProbe(draft)).toBeUndefined();
    expect(draftProblems(draft)).toEqual(['lastName']);
    expect(draftProblems({ ...draft, lastName: 'X', companyChoice: 'new', newCompanyName: ' ' })).toEqual([
      'companyName',
    ]);
  });
});
