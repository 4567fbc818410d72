import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'de'],
    [null, 'de'],
    ['', 'de'],
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['EN-us', 'en'],
    ['fr-FR', 'de'],
    ['*', 'de'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7', 'de'],
    ['fr-FR, en;q=0.7, de;q=0.5', 'en'],
    ['fr, de;q=0.5, en;q=0.5', 'de'],
    ['en;q=0, de', 'de'],
    ['en;q=0.3, de;q=0.9', 'de'],
    ['en;q=abc', 'de'],
    [',,;;', 'de'],
  ])('%j → %s', (input, expected) => {
    expect(pickLanguage(input)).toBe(expected);
  });

  it('always answers de or en', () => {
    fc.assert(fc.property(fc.string(), (input) => ['de', 'en'].includes(pickLanguage(input))));
  });
});
