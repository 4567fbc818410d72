import { describe, expect, it } from 'vitest';
import { isListAddress, isListHost, isListRewrite, isMailingListSender } from './mailing-list.rules';

describe('mailing lists', () => {
  it.each([
    'muster-liste@googlegroups.com',
    'projekt@groups.io',
    'muster@freelists.org',
    'muster@lists.muster.org',
    'muster@listserv.muster.edu',
    'muster@listen.uni-muster.de',
    'muster@mailman.muster.org',
    'GERMAN-L@muster.de',
    'muster-bounces@muster.org',
    'muster-users@muster.org',
    'majordomo@muster.org',
  ])('%s is a list address', (email) => {
    expect(isListAddress(email)).toBe(true);
  });

  it.each([
    'max.mustermann@muster.de',
    'info@muster.de',
    'max@lists.de',
    'anna.list@muster.de',
    'mustermann@groups-io.de',
    'kaputt',
  ])('%s is not', (email) => {
    expect(isListAddress(email)).toBe(false);
  });

  it('knows list hosts', () => {
    expect(isListHost('googlegroups.com')).toBe(true);
    expect(isListHost('lists.sourceforge.net')).toBe(true);
    expect(isListHost('muster.de')).toBe(false);
  });

  it.each<[string, string]>([
    ["'Max Mustermann' via Muster-Liste", ''],
    ['Max Mustermann via Muster-Liste', ''],
    ['Max Mustermann (via Muster-Liste)', ''],
    ['Max Mustermann (max@muster.de via Muster-Liste)', ''],
    ['Muster-Liste (on behalf of Max Mustermann)', ''],
    ['Vertrieb im Auftrag von Max Mustermann', ''],
    ['Max Mustermann über XING', ''],
    ['Max Mustermann [muster-liste]', 'muster-liste@muster.org'],
  ])('%j is a list rewrite', (displayName, email) => {
    expect(isListRewrite(displayName, email)).toBe(true);
  });

  it.each<[string, string]>([
    ['Max Mustermann', 'max@muster.de'],
    ['Maria Viale', 'maria@muster.it'],
    ['Max Mustermann [EXTERN]', 'max@muster.de'],
    ['Via', 'via@muster.de'],
  ])('%j is not', (displayName, email) => {
    expect(isListRewrite(displayName, email)).toBe(false);
  });

  it('takes either sign', () => {
    expect(isMailingListSender('Max Mustermann', 'muster-liste@googlegroups.com')).toBe(true);
    expect(isMailingListSender('Max Mustermann via Liste', 'liste@muster.de')).toBe(true);
    expect(isMailingListSender(null, 'max@muster.de')).toBe(false);
  });
});
