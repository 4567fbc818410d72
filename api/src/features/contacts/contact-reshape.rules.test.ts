import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactFields } from './contacts.mapper';
import { needsReshape, reshapeContact } from './contact-reshape.rules';

const base = (fields: Record<string, unknown>): ContactFields =>
  ({
    kind: 'person',
    lastName: 'Muster',
    createdBy: { id: 'u1', name: 'Sabine' },
    notes: { specifics: '', history: [], openItems: [], free: [] },
    ...fields,
  }) as ContactFields;

let n = 0;
const newId = () => String(++n).padStart(24, '0');

describe('reshaping a contact of the earlier shape', () => {
  it('turns a company’s email and phone into the lists, and the creator into the owner', () => {
    const out = reshapeContact(
      base({ kind: 'company', name: 'Muster GmbH', email: 'info@muster.de', phone: '030 1' }),
      '2026-11-30',
      newId,
    );
    expect(out).toMatchObject({
      emails: [{ address: 'info@muster.de', primary: true }],
      businessPhones: ['030 1'],
      homePhones: [],
      ownerId: 'u1',
    });
    expect(out).not.toHaveProperty('email');
    expect(out).not.toHaveProperty('phone');
    expect(needsReshape(out)).toBe(false);
  });

  it('keeps an owner that was set and a mobile number', () => {
    const out = reshapeContact(base({ emails: [], mobile: '0171 1', ownerId: 'u2' }), '2026-11-30', newId);
    expect(out).toMatchObject({ mobilePhone: '0171 1', ownerId: 'u2', businessPhones: [] });
  });

  it('loses no address and leaves exactly one primary, whatever was stored (property)', () => {
    const entry = fc.record({
      address: fc.constantFrom('a@m.de', 'b@m.de', 'c@m.de', 'd@m.de', 'e@m.de', 'A@m.de'),
      primary: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 10 }),
        fc.option(fc.constantFrom('x@m.de', 'a@m.de')),
        (emails, email) => {
          const stored = base({ emails, ...(email ? { email } : {}) });
          const out = reshapeContact(structuredClone(stored), '2026-11-30', newId);
          const kept = (out.emails as Array<{ address: string; primary: boolean }>).map((e) => e.address.toLowerCase());
          const history = (out.notes as { history: Array<{ event: string }> }).history
            .map((h) => h.event)
            .join(' ')
            .toLowerCase();
          const before = new Set([...emails.map((e) => e.address.toLowerCase()), ...(email ? [email] : [])]);
          for (const address of before) expect(kept.includes(address) || history.includes(address)).toBe(true);
          expect(kept.length).toBeLessThanOrEqual(3);
          if (kept.length > 0)
            expect((out.emails as Array<{ primary: boolean }>).filter((e) => e.primary)).toHaveLength(1);
          // Idempotent: a second pass changes nothing.
          expect(needsReshape(out)).toBe(false);
          expect(reshapeContact(structuredClone(out), '2026-12-01', newId)).toEqual(out);
        },
      ),
    );
  });
});
