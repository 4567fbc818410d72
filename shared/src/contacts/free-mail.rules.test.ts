import { describe, expect, it } from 'vitest';
import { FREE_MAIL_DOMAINS, isFreeMailAddress, isFreeMailDomain } from './free-mail.rules';
import { domainToAscii } from './domain.rules';
import { createSuggestion } from './sender-card.rules';

describe('free mail', () => {
  it.each([
    'gmx.de',
    'GMX.net',
    'web.de',
    't-online.de',
    'gmail.com',
    'googlemail.com',
    'outlook.de',
    'icloud.com',
    'proton.me',
    'gmx.at.',
    // From the maintained list (HubSpot's via free-email-domains-typescript), not a hand-kept one.
    'yahoo.ch',
    'hotmail.ch',
    'hotmail.de',
    'yahoo.co.jp',
    'yandex.ru',
    'bluewin.ch',
    // DACH mailbox providers the list lacks.
    'mailbox.org',
    'magenta.de',
    'tutanota.de',
    'mnet-online.de',
    'kabelbw.de',
    'liwest.at',
    'green.ch',
    'hin.ch',
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each([
    'muster.de',
    'gmx.de.example.com',
    'telekom.de',
    '',
    'müller.de',
    'xn--mller-kva.de',
    'sap.com',
    'test.de',
    'berlin.de',
  ])('%j is not', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it('checks whole addresses', () => {
    expect(isFreeMailAddress('Max@Web.de')).toBe(true);
    expect(isFreeMailAddress('max@muster.de')).toBe(false);
    expect(isFreeMailAddress('kaputt')).toBe(false);
  });

  it('lists only lower-case domains in ASCII form', () => {
    const host = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
    for (const domain of FREE_MAIL_DOMAINS) {
      expect(domainToAscii(domain)).toBe(domain);
      expect(domain).toMatch(host);
    }
    expect(FREE_MAIL_DOMAINS.size).toBeGreaterThan(4000);
  });

  it.each([
    ['erika@yahoo.ch', 'Erika Muster'],
    ['erika@hotmail.ch', 'Erika Muster'],
    ['erika@hotmail.de', null],
    ['max@gmx.ch', 'Max'],
  ])('suggests no company for %s', (email, displayName) => {
    const suggestion = createSuggestion({ email, displayName });
    expect(suggestion?.freeMail).toBe(true);
    expect(suggestion?.companyName).toBeUndefined();
  });
});
