import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAD_STATUSES, type LeadStatus, RELATIONSHIPS, type Relationship } from './contact-enums.schema';
import { auditChanges, leadStaleness, localDate } from './contact.rules';
import {
  allowedLeadTargets,
  applyLeadTransition,
  inLeadReview,
  isUndoableLeadChange,
  type LeadState,
  leadStatusEditMode,
  leadStatusOf,
  leadTransition,
  restoreLeadState,
} from './lead-status.rules';

const NOW = new Date('2026-03-15T10:00:00.000Z');
const actor = { id: 'user-1', name: 'Erika Vertrieb' };
const lead = (status?: LeadStatus, extra: Partial<LeadState> = {}): LeadState => ({
  relationships: ['lead'],
  lead: { source: 'tradeFair', ...(status ? { status } : {}) },
  archived: null,
  ...extra,
});
const apply = (state: LeadState, to: LeadStatus, reason?: string, now = NOW) =>
  applyLeadTransition(state, { to, now, actor, reason });

describe('leadTransition', () => {
  it.each<[LeadStatus | undefined, LeadStatus, string | undefined]>([
    ['new', 'qualifying', 'progress'],
    ['new', 'offer', 'progress'],
    ['offer', 'qualifying', 'progress'],
    ['qualifying', 'new', 'progress'],
    ['new', 'won', 'win'],
    ['offer', 'won', 'win'],
    ['qualifying', 'lost', 'lose'],
    ['new', 'archived', 'archive'],
    ['lost', 'archived', 'archive'],
    ['lost', 'qualifying', 'reopen'],
    ['archived', 'new', 'reopen'],
    ['archived', 'lost', undefined],
    ['lost', 'won', undefined],
    ['archived', 'won', undefined],
    ['won', 'new', undefined],
    ['won', 'lost', undefined],
    ['won', 'archived', undefined],
    ['offer', 'offer', undefined],
    [undefined, 'qualifying', undefined],
  ])('%s → %s: %s', (from, to, kind) => {
    expect(leadTransition(from, to)).toBe(kind);
  });

  it('offers exactly the allowed targets', () => {
    expect(allowedLeadTargets('new')).toEqual(['qualifying', 'offer', 'won', 'lost', 'archived']);
    expect(allowedLeadTargets('lost')).toEqual(['new', 'qualifying', 'offer', 'archived']);
    expect(allowedLeadTargets('archived')).toEqual(['new', 'qualifying', 'offer']);
    expect(allowedLeadTargets('won')).toEqual([]);
  });
});

describe('leadStatusEditMode', () => {
  it.each<[LeadStatus | undefined, LeadStatus | undefined, string]>([
    ['new', 'new', 'unchanged'],
    ['new', undefined, 'unchanged'],
    ['new', 'qualifying', 'edit'],
    ['offer', 'new', 'edit'],
    [undefined, 'offer', 'edit'],
    [undefined, 'won', 'action'],
    ['qualifying', 'won', 'action'],
    ['new', 'lost', 'action'],
    ['offer', 'archived', 'action'],
    ['lost', 'new', 'action'],
    ['archived', 'lost', 'refused'],
    ['won', 'qualifying', 'refused'],
  ])('%s → %s: %s', (from, to, mode) => {
    expect(leadStatusEditMode(from, to)).toBe(mode);
  });
});

describe('leadStatusOf', () => {
  it('reads a lead without status as new, and a contact that never was a lead as none', () => {
    expect(leadStatusOf({ relationships: ['lead'] })).toBe('new');
    expect(leadStatusOf({ relationships: ['customer'], lead: { status: 'won' } })).toBe('won');
    expect(leadStatusOf({ relationships: ['customer'] })).toBeUndefined();
  });
});

describe('applyLeadTransition', () => {
  it('qualifying changes the status and counts as activity', () => {
    const result = apply(
      lead('new', { lead: { status: 'new', lastActivityAt: '2025-01-01T00:00:00.000Z' } }),
      'qualifying',
    );
    expect(result).toEqual({
      ok: true,
      kind: 'progress',
      state: lead(undefined, { lead: { status: 'qualifying', lastActivityAt: NOW.toISOString() } }),
    });
  });

  it('winning makes the lead a customer since today and keeps its other relationships', () => {
    const result = apply(lead('offer', { relationships: ['partner', 'lead'] }), 'won');
    expect(result.ok && result.state).toMatchObject({
      relationships: ['customer', 'partner'],
      customerSince: localDate(NOW),
      lead: { status: 'won', source: 'tradeFair', lastActivityAt: NOW.toISOString() },
      archived: null,
    });
  });

  it('keeps an earlier "Kunde seit" of a former customer', () => {
    const result = apply(lead('new', { customerSince: '2019-05-01' }), 'won');
    expect(result.ok && result.state.customerSince).toBe('2019-05-01');
  });

  it('losing and archiving archive the contact with the trimmed reason', () => {
    const lost = apply(lead('qualifying'), 'lost', '  Preis zu hoch ');
    expect(lost.ok && lost.state.archived).toEqual({ at: NOW.toISOString(), reason: 'Preis zu hoch', by: actor });
    expect(lost.ok && lost.state.relationships).toEqual(['lead']);
    const archived = apply(lead('new'), 'archived', 'Kein Bedarf');
    expect(archived.ok && archived.state.lead?.status).toBe('archived');
  });

  it('refuses lost and archived without a reason of at least three characters', () => {
    expect(apply(lead('new'), 'lost')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(apply(lead('new'), 'archived', '  x  ')).toEqual({ ok: false, problem: 'reasonRequired' });
  });

  it('reopening restores the contact into the review', () => {
    const lost = apply(lead('new'), 'lost', 'Kein Budget');
    if (!lost.ok) throw new Error('lost');
    const reopened = apply(lost.state, 'qualifying');
    expect(reopened.ok && reopened.kind).toBe('reopen');
    expect(reopened.ok && reopened.state.archived).toBeNull();
    expect(reopened.ok && inLeadReview(reopened.state)).toBe(true);
  });

  it('refuses a contact that is not a lead, and changes from won', () => {
    expect(apply({ relationships: ['customer'], archived: null }, 'won')).toEqual({ ok: false, problem: 'notALead' });
    expect(apply(lead('won', { relationships: ['customer'] }), 'lost', 'Fehler')).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
  });
});

describe('inLeadReview', () => {
  it.each<[string, LeadState, boolean]>([
    ['open lead', lead('offer'), true],
    ['lead without data', { relationships: ['lead'], archived: null }, true],
    ['archived status on an active contact (old data)', lead('archived'), false],
    ['won', lead('won', { relationships: ['customer'] }), false],
    ['archived contact', lead('new', { archived: { at: NOW.toISOString(), reason: 'Alt', by: actor } }), false],
    ['customer', { relationships: ['customer'], archived: null }, false],
  ])('%s → %s', (_case, state, expected) => {
    expect(inLeadReview(state)).toBe(expected);
  });
});

describe('undo', () => {
  it('restores the lead fields from the audit entry of the change, and only a lead change is undoable', () => {
    const before = { ...lead('offer', { relationships: ['partner', 'lead'] }), tags: ['Messe'] };
    const result = apply(before, 'won');
    if (!result.ok) throw new Error('won');
    const changes = auditChanges(before, result.state);
    expect(isUndoableLeadChange({ action: 'lead', changes })).toBe(true);
    expect(isUndoableLeadChange({ action: 'update', changes })).toBe(false);
    expect(isUndoableLeadChange(undefined)).toBe(false);
    expect(restoreLeadState(result.state, changes)).toEqual(before);
  });
});

// Any sequence of changes the state machine offers keeps a contact consistent.
const relationshipSets = fc.subarray([...RELATIONSHIPS] as Relationship[]);
const step = fc.record({
  pick: fc.nat(),
  reason: fc.constantFrom('Kein Bedarf', 'Preis zu hoch', 'x', ''),
  days: fc.integer({ min: 0, max: 400 }),
});

describe('lead state machine (property)', () => {
  it('keeps relationships, status, "Kunde seit" and the review consistent', () => {
    fc.assert(
      fc.property(
        relationshipSets,
        fc.constantFrom<LeadStatus | undefined>(undefined, 'new', 'qualifying', 'offer'),
        fc.array(step, { maxLength: 12 }),
        (others, status, steps) => {
          let state: LeadState = lead(status, { relationships: [...new Set<Relationship>([...others, 'lead'])] });
          let now = NOW;
          for (const { pick, reason, days } of steps) {
            const targets = allowedLeadTargets(leadStatusOf(state));
            if (targets.length === 0) break;
            const to = targets[pick % targets.length] as LeadStatus;
            now = new Date(now.getTime() + days * 86_400_000);
            const result = apply(state, to, reason, now);
            if (!result.ok) {
              // The only refusal of an offered change is a missing reason; nothing changes then.
              expect(result.problem).toBe('reasonRequired');
              expect(reason.trim().length).toBeLessThan(3);
              continue;
            }
            const before = state;
            state = result.state;
            expect(state.lead?.status).toBe(to);
            expect(state.lead?.lastActivityAt).toBe(now.toISOString());
            expect(restoreLeadState(state, auditChanges(before, state))).toEqual(before);
          }
          const current = leadStatusOf(state);
          if (current === 'won') {
            expect(state.relationships).toContain('customer');
            expect(state.relationships).not.toContain('lead');
            expect(state.customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(state.archived ?? null).toBeNull();
          }
          if (current === 'lost' || current === 'archived') {
            expect(state.archived?.reason.length).toBeGreaterThanOrEqual(3);
          }
          expect(inLeadReview(state)).toBe(current === 'new' || current === 'qualifying' || current === 'offer');
          // A contact out of the review is never reported as overdue there ("Aktuell" or not listed).
          if (!inLeadReview(state)) {
            expect(
              leadStaleness({ ...state, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' }, now),
            ).toBe('fresh');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every status is reachable from new', () => {
    const reached = new Set<LeadStatus>(['new']);
    let frontier: LeadStatus[] = ['new'];
    while (frontier.length > 0) {
      frontier = frontier.flatMap((from) => allowedLeadTargets(from)).filter((to) => !reached.has(to));
      for (const to of frontier) reached.add(to);
    }
    expect([...reached].sort()).toEqual([...LEAD_STATUSES].sort());
  });
});
