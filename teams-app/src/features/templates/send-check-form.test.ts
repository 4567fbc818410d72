import { describe, expect, it } from 'vitest';
import { SEND_CHECK_MODES, UNAVAILABLE_FALLBACKS } from '../../../../shared/src/send-check/send-check.schema';
import { addCategory, MODES, settingsFormOf, UNAVAILABLE } from './send-check-form';

describe('send-check settings form', () => {
  it('offers the contract modes and fallbacks', () => {
    expect(MODES).toEqual([...SEND_CHECK_MODES]);
    expect(UNAVAILABLE).toEqual([...UNAVAILABLE_FALLBACKS]);
  });

  it('sends everything but the version', () => {
    const settings = {
      enabled: true,
      mode: 'softBlock' as const,
      marketingCategories: ['Newsletter'],
      whenUnavailable: 'prompt' as const,
      version: 3,
    };
    expect(settingsFormOf(settings)).toEqual({
      enabled: true,
      mode: 'softBlock',
      marketingCategories: ['Newsletter'],
      whenUnavailable: 'prompt',
    });
  });

  it('adds a trimmed category once, case-insensitively, within the limits', () => {
    expect(addCategory(['Newsletter'], '  Messe ')).toEqual({ categories: ['Newsletter', 'Messe'] });
    expect(addCategory(['Newsletter'], 'NEWSLETTER')).toEqual({ problem: 'taken' });
    expect(addCategory([], '   ')).toEqual({ problem: 'empty' });
    expect(addCategory([], 'x'.repeat(256))).toEqual({ problem: 'tooLong' });
    const full = Array.from({ length: 20 }, (_, i) => `K${i}`);
    expect(addCategory(full, 'Noch eine')).toEqual({ problem: 'tooMany' });
  });
});
