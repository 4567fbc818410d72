import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CONSENT_EVENTS_PER_CHANNEL } from './consent.schema';
import { MAX_EMAILS, MAX_TAGS } from './contact-common.schema';
import { limitProblems } from './contact-limits.rules';
import { MAX_SPECIFICS_LENGTH, NOTE_LIMITS } from './contact-notes.schema';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('limitProblems', () => {
  it('names each part over its limit with its count and limit', () => {
    expect(
      limitProblems({
        tags: list(60),
        emails: list(MAX_EMAILS),
        notes: { specifics: 'x'.repeat(MAX_SPECIFICS_LENGTH + 1), history: list(NOTE_LIMITS.history + 2) },
        consent: { channels: { newsletter: list(MAX_CONSENT_EVENTS_PER_CHANNEL + 1) } },
      }),
    ).toEqual([
      { field: 'tags', count: 60, max: MAX_TAGS },
      { field: 'notes.specifics', count: MAX_SPECIFICS_LENGTH + 1, max: MAX_SPECIFICS_LENGTH },
      { field: 'notes.history', count: NOTE_LIMITS.history + 2, max: NOTE_LIMITS.history },
      { field: 'consent.channels.newsletter', count: MAX_CONSENT_EVENTS_PER_CHANNEL + 1, max: 200 },
    ]);
  });

  it('counts characters as the schema does (code points), so an emoji is one', () => {
    expect(limitProblems({ notes: { specifics: '😀'.repeat(MAX_SPECIFICS_LENGTH) } })).toEqual([]);
  });

  it('finds a problem exactly when a count is over its limit', () => {
    fc.assert(
      fc.property(fc.nat(2 * MAX_TAGS), fc.nat(2 * MAX_EMAILS), fc.nat(2 * NOTE_LIMITS.openItems), (t, e, o) => {
        const fields = limitProblems({ tags: list(t), emails: list(e), notes: { openItems: list(o) } }).map(
          (p) => p.field,
        );
        expect(fields.includes('tags')).toBe(t > MAX_TAGS);
        expect(fields.includes('emails')).toBe(e > MAX_EMAILS);
        expect(fields.includes('notes.openItems')).toBe(o > NOTE_LIMITS.openItems);
      }),
    );
  });
});
