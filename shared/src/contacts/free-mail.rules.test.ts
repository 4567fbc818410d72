import { describe, expect, it } from 'vitest';
import { FREE_MAIL_DOMAINS, isFreeMailAddress, isFreeMailDomain } from './free-mail.rules';
import { websiteDomain } from './normalize.rules';

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
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(['muster.de', 'gmx.de.example.com', 'telekom.de', ''])('%j is not', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it('checks whole addresses', () => {
    expect(isFreeMailAddress('Max@Web.de')).toBe(true);
    expect(isFreeMailAddress('max@muster.de')).toBe(false);
    expect(isFreeMailAddress('kaputt')).toBe(false);
  });

  it('lists only lower-case, valid domains', () => {
    for (const domain of FREE_MAIL_DOMAINS) expect(websiteDomain(domain)).toBe(domain);
  });
});
