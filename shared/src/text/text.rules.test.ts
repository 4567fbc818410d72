import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withInvisibles } from './text.fixtures';
import { hasVisibleText, normalizeLine, normalizeTextInput } from './text.rules';

const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f);
const anyCodePoint = fc.string({ unit: 'binary', maxLength: 40 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

// Independent of the rule: encodeURIComponent throws on a lone surrogate.
const wellFormed = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

const problem = (text: string, kind: 'line' | 'multiline', required = false) => {
  const result = normalizeTextInput(text, kind, required);
  return result.ok ? undefined : result.problem;
};
const value = (text: string, kind: 'line' | 'multiline', required = false) => {
  const result = normalizeTextInput(text, kind, required);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result.value;
};

describe('normalizeLine', () => {
  it.each([
    ['Mü\u200bller', 'Müller'],
    ['Mu\u0308ller', 'Müller'],
    ['Mu\u200b\u0308ller', 'Müller'],
    ['Mül\u00adler', 'Müller'],
    ['\ufeffMüller\u2060', 'Müller'],
    ['max\u202e@muster.de', 'max@muster.de'],
    ['\u200e+49 30 1234\u200f', '+49 30 1234'],
    ['\u2066Anna\u2069', 'Anna'],
    ['👩\u200d💻', '👩💻'],
    ['Ångström', 'Ångström'],
    ['O’Brien', 'O’Brien'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeLine(raw)).toBe(expected);
  });
});

describe('normalizeTextInput', () => {
  it('refuses control characters with the problem, never removes them', () => {
    expect(problem('Mül\u0000ler', 'line')).toBe('controlCharacters');
    expect(problem('Mül\u0000ler', 'multiline')).toBe('controlCharacters');
    expect(problem('a\u001bb', 'multiline')).toBe('controlCharacters');
    expect(problem('a\u007fb', 'line')).toBe('controlCharacters');
    expect(problem('a\u0085b', 'multiline')).toBe('controlCharacters');
    expect(problem('a\u009bb', 'line')).toBe('controlCharacters');
    expect(problem('a\tb', 'line')).toBe('controlCharacters');
  });

  it('refuses line breaks in a single line and keeps them in free text', () => {
    for (const brk of ['\n', '\r', '\r\n', '\u2028', '\u2029']) {
      expect(problem(`Max${brk}Muster`, 'line')).toBe('lineBreaks');
    }
    expect(value('Zeile 1\r\nZeile 2\n\tEingerückt\u2028', 'multiline')).toBe('Zeile 1\r\nZeile 2\n\tEingerückt\u2028');
  });

  it('refuses a lone surrogate in every kind', () => {
    expect(problem('Max\ud800', 'line')).toBe('invalidCharacters');
    expect(problem('\udc00 Notiz', 'multiline')).toBe('invalidCharacters');
    expect(value('😀', 'line')).toBe('😀');
  });

  it('keeps format characters in free text, NFC applied', () => {
    const family = '👨\u200d👩\u200d👧 ❤\ufe0f \u200fשלום\u200f';
    expect(value(family, 'multiline')).toBe(family);
    expect(value('Mu\u0308ller', 'multiline')).toBe('Müller');
  });

  it('requires a visible character when the text is required', () => {
    for (const blank of ['', ' ', '\u200b', '\u202e\u202c', '\u00a0\u3000', '\u3164', '\u2800', '\u0301', '\ufeff']) {
      expect(problem(blank, 'line', true), JSON.stringify(blank)).toBe('empty');
      expect(problem(blank, 'multiline', true), JSON.stringify(blank)).toBe('empty');
    }
    expect(problem('\n\t\n', 'multiline', true)).toBe('empty');
    expect(value('\u200b', 'line')).toBe('');
    expect(value('x', 'line', true)).toBe('x');
  });

  it('is idempotent, yields NFC and never yields an invisible or control character (property)', () => {
    fc.assert(
      fc.property(anyCodePoint, fc.constantFrom('line' as const, 'multiline' as const), (text, kind) => {
        const result = normalizeTextInput(text, kind);
        if (!result.ok) return;
        expect(result.value.normalize('NFC')).toBe(result.value);
        expect(normalizeTextInput(result.value, kind)).toEqual(result);
        expect(/(?![\t\n\r\u2028\u2029])\p{Cc}/u.test(result.value)).toBe(false);
        if (kind === 'line') {
          expect(/[\p{Default_Ignorable_Code_Point}\p{Cc}\u2028\u2029]/u.test(result.value)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the well-formed text without forbidden controls (property)', () => {
    fc.assert(
      fc.property(
        anyCodePoint,
        fc.option(loneSurrogate, { nil: undefined }),
        fc.option(control, { nil: undefined }),
        (text, surrogate, code) => {
          const input = text + (surrogate ?? '') + (code === undefined ? '' : String.fromCharCode(code));
          const line = normalizeTextInput(input, 'line');
          const free = normalizeTextInput(input, 'multiline');
          if (surrogate !== undefined) {
            expect(line).toEqual({ ok: false, problem: 'invalidCharacters' });
            expect(free).toEqual({ ok: false, problem: 'invalidCharacters' });
          }
          expect(line.ok).toBe(wellFormed(input) && !/[\p{Cc}\u2028\u2029]/u.test(input));
          expect(free.ok).toBe(wellFormed(input) && !/(?![\t\n\r])\p{Cc}/u.test(input));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same single line whatever invisible characters were inserted (property)', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', maxLength: 20 })
          .chain((plain) => fc.tuple(fc.constant(plain), withInvisibles(plain))),
        ([plain, noisy]) => {
          expect(normalizeLine(noisy)).toBe(normalizeLine(plain));
          expect(hasVisibleText(normalizeLine(noisy))).toBe(hasVisibleText(normalizeLine(plain)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
