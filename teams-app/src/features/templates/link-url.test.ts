import { describe, expect, it } from 'vitest';
import { isAllowedLink, linkTarget } from './link-url';

describe('link targets in a template body', () => {
  it('keeps http(s) and mailto, adds https:// to a bare domain', () => {
    expect(linkTarget('https://muster.de/angebot')).toBe('https://muster.de/angebot');
    expect(linkTarget(' muster.de ')).toBe('https://muster.de');
    expect(linkTarget('mailto:info@muster.de')).toBe('mailto:info@muster.de');
  });

  it('refuses script and other schemes, spaces and empty input', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://muster.de', 'data:text/html,x', 'muster de', '', 'localhost']) {
      expect(linkTarget(bad)).toBeUndefined();
    }
    expect(isAllowedLink('JavaScript:alert(1)')).toBe(false);
  });
});
