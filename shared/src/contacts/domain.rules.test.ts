import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainToAscii, domainToUnicode } from './domain.rules';
import { displayEmail, emailDomain, isEmailAddress, normalizeEmail, websiteDomain } from './normalize.rules';
import { companyNameFromDomain, createSuggestion } from './sender-card.rules';

describe('umlaut domains (IDN)', () => {
  it.each([
    ['müller.de', 'xn--mller-kva.de'],
    ['Müller.DE', 'xn--mller-kva.de'],
    ['bäckerei-schäfer.de', 'xn--bckerei-schfer-5hbk.de'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['öko.at.', 'xn--ko-eka.at'],
    ['muster.de', 'muster.de'],
    ['xn--mller-kva.de', 'xn--mller-kva.de'],
  ])('%s is %s in ASCII form', (unicode, ascii) => {
    expect(domainToAscii(unicode)).toBe(ascii);
    expect(domainToUnicode(ascii)).toBe(domainToUnicode(unicode.toLowerCase().replace(/\.$/, '')));
  });

  it.each(['mü ller.de', 'müller@de', 'mü/ller.de', '', 'xn--a.de', 'xn--zz.de', 'xn--.de'])('refuses %j', (domain) => {
    expect(domainToAscii(domain)).toBeNull();
  });

  it('makes max@müller.de and max@xn--mller-kva.de one address', () => {
    expect(normalizeEmail('max@müller.de')).toBe('max@xn--mller-kva.de');
    expect(normalizeEmail('Max <Max@MÜLLER.de>')).toBe('max@xn--mller-kva.de');
    expect(normalizeEmail('max@xn--mller-kva.de')).toBe('max@xn--mller-kva.de');
    // Broken punycode is no address; a trailing dot is none in either form.
    expect(normalizeEmail('max@xn--a.de')).toBeNull();
    expect(normalizeEmail('max@müller.de.')).toBeNull();
    expect(normalizeEmail('max@xn--mller-kva.de.')).toBeNull();
    expect(normalizeEmail('max@gmx.de.')).toBeNull();
    expect(displayEmail('max@xn--mller-kva.de')).toBe('max@müller.de');
    expect(emailDomain('max@müller.de')).toBe('xn--mller-kva.de');
    expect(websiteDomain('https://www.müller.de/kontakt')).toBe('xn--mller-kva.de');
    expect(websiteDomain('www.xn--mller-kva.de')).toBe('xn--mller-kva.de');
  });

  it('accepts an umlaut domain as a stored address, but nothing around an address', () => {
    expect(isEmailAddress('max@müller.de')).toBe(true);
    expect(isEmailAddress('max@xn--mller-kva.de')).toBe(true);
    expect(isEmailAddress('Max <max@müller.de>')).toBe(false);
    expect(isEmailAddress('mailto:max@müller.de')).toBe(false);
    expect(isEmailAddress('mäx@muster.de')).toBe(false); // internationalised local parts are not supported
  });

  it('guesses the readable company name from a punycode domain', () => {
    expect(companyNameFromDomain('xn--mller-kva.de')).toBe('Müller');
    expect(companyNameFromDomain('xn--bckerei-schfer-5hbk.de')).toBe('Bäckerei-Schäfer');
    expect(companyNameFromDomain('xn--ko-eka.co.at')).toBe('Öko');
    expect(companyNameFromDomain('xn--zz.de')).toBeUndefined();
    const suggestion = createSuggestion({ email: 'max@xn--mller-kva.de', displayName: 'Max Müller' });
    expect(suggestion).toMatchObject({ email: 'max@müller.de', companyName: 'Müller', freeMail: false });
  });

  const label = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß0123456789'), { minLength: 1, maxLength: 20 })
    .map((chars) => chars.join(''))
    .filter((l) => /^[^-].*[^-]$|^[^-]$/.test(l) && !/^xn/.test(l));
  const tld = fc.constantFrom('de', 'at', 'ch', 'com', 'eu');

  it('matches an address in either form (property)', () => {
    fc.assert(
      fc.property(label, tld, fc.constantFrom('max', 'erika.muster', 'info'), (name, top, local) => {
        const unicode = `${local}@${name}.${top}`;
        const ascii = normalizeEmail(unicode);
        expect(ascii).not.toBeNull();
        expect(ascii).toMatch(/^[\x20-\x7e]+$/);
        expect(normalizeEmail(ascii!)).toBe(ascii);
        // (Upper case is not tried with ß, whose capital form is SS.)
        if (!unicode.includes('ß')) expect(normalizeEmail(unicode.toUpperCase())).toBe(ascii);
        expect(displayEmail(ascii!)).toBe(unicode);
      }),
    );
  });
});
