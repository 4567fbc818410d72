import { describe, expect, it } from 'vitest';
import type { SenderCard } from '@klarkonform/shared/ui';
import { readSession, templateEntries } from './compose-session';
import { consentBadgeOf, lacksConsent } from './consent-badge';
import { distinctRecipients } from './recipients';

describe('distinctRecipients', () => {
  it('lists each address once (the first field wins), without the user and without non-addresses', () => {
    const list = distinctRecipients(
      {
        to: [
          { name: 'Max', email: 'Max@Muster.de' },
          { name: 'Ich', email: 'sabine@firma.de' },
        ],
        cc: [
          { name: 'Max again', email: 'max@muster.de' },
          { name: 'X500', email: '/o=ExchangeLabs/ou=Exchange' },
        ],
        bcc: [{ name: '', email: 'blind@muster.de' }],
      },
      'SABINE@firma.de',
    );
    expect(list).toEqual([
      { name: 'Max', email: 'Max@Muster.de', field: 'to', key: 'max@muster.de' },
      { name: 'blind@muster.de', email: 'blind@muster.de', field: 'bcc', key: 'blind@muster.de' },
    ]);
  });
});

describe('session data', () => {
  it('reads what the pane and the send handler share; logging is on only with "1"', () => {
    expect(readSession({})).toEqual({ logOnSend: false });
    expect(
      readSession({
        'kk.purpose': 'marketing',
        'kk.templateId': 't1',
        'kk.templateName': 'Hausmesse',
        'kk.logOnSend': '1',
        'kk.composeKey': 'abc-12345',
      }),
    ).toEqual({
      purpose: 'marketing',
      templateId: 't1',
      templateName: 'Hausmesse',
      logOnSend: true,
      composeKey: 'abc-12345',
    });
    expect(readSession({ 'kk.purpose': 'werbung', 'kk.logOnSend': 'true' })).toEqual({ logOnSend: false });
  });

  it("an inserted template writes the mail's purpose, the template's id, name and own purpose, and logging on", () => {
    expect(templateEntries({ id: 't1', name: 'Hausmesse', purpose: 'marketing' })).toEqual([
      ['kk.purpose', 'marketing'],
      ['kk.templateId', 't1'],
      ['kk.templateName', 'Hausmesse'],
      ['kk.templatePurpose', 'marketing'],
      ['kk.logOnSend', '1'],
    ]);
    // After a marketing one, a business template keeps the mail marketing but is logged as what it is.
    const after = new Map(templateEntries({ id: 't2', name: 'Angebot', purpose: 'transactional' }, 'marketing'));
    expect([after.get('kk.purpose'), after.get('kk.templatePurpose')]).toEqual(['marketing', 'transactional']);
  });

  it("inserting never lowers the mail's purpose: marketing stays marketing after a business template", () => {
    const after = (current: 'marketing' | 'transactional' | 'personal' | undefined, inserted: typeof current) =>
      new Map(templateEntries({ id: 't2', name: 'Angebot', purpose: inserted ?? 'personal' }, current)).get(
        'kk.purpose',
      );
    expect(after('marketing', 'transactional')).toBe('marketing');
    expect(after('marketing', 'personal')).toBe('marketing');
    expect(after('transactional', 'personal')).toBe('transactional');
    expect(after('personal', 'transactional')).toBe('transactional');
    expect(after('transactional', 'marketing')).toBe('marketing');
    expect(after(undefined, 'personal')).toBe('personal');
  });
});

describe('consent badges', () => {
  const known = (decision?: { allowed: boolean; reason: string }) =>
    ({
      email: 'a@b.de',
      status: 'known',
      contact: { id: 'x' },
      ...(decision ? { marketingEmailAllowed: { ...decision, channel: 'email', purpose: 'marketing' } } : {}),
    }) as unknown as SenderCard;
  it.each([
    [{ email: 'a@b.de', status: 'unknown' } as unknown as SenderCard, 'unknown', true],
    [known({ allowed: false, reason: 'optedOut' }), 'optedOut', true],
    [known({ allowed: false, reason: 'noConsent' }), 'none', true],
    [known({ allowed: false, reason: 'doubleOptInPending' }), 'none', true],
    [known(), 'none', true],
    [known({ allowed: true, reason: 'consentGranted' }), 'allowed', false],
    [known({ allowed: true, reason: 'softOptIn' }), 'softOptIn', false],
  ])('%#: %s', (card, badge, held) => {
    expect(consentBadgeOf(card)).toBe(badge);
    expect(lacksConsent(consentBadgeOf(card))).toBe(held);
  });
});
