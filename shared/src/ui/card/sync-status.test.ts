import { describe, expect, it } from 'vitest';
import { MIRROR_PROBLEM_CODES } from '../../mirror/mirror-problem.schema';
import { createUiText } from '../i18n/UiTextProvider';
import { mirrorProblemText, syncStatusView } from './sync-status';

const de = createUiText('de');
const en = createUiText('en');
// 10:15 in Berlin on 1 December 2026 (CET, UTC+1).
const SYNCED_AT = '2026-12-01T09:15:00.000Z';

describe('the card’s sync status', () => {
  it('shows a synced contact with the time of its last sync, in Berlin time and the UI language', () => {
    expect(syncStatusView({ syncStatus: 'synced', syncedAt: SYNCED_AT }, de)).toEqual({
      summary: 'Synchronisiert · 01.12.2026, 10:15',
    });
    expect(syncStatusView({ syncStatus: 'synced', syncedAt: SYNCED_AT }, en)).toEqual({
      summary: 'Synced · 1 Dec 2026, 10:15',
    });
    expect(syncStatusView({ syncStatus: 'synced' }, de)).toEqual({ summary: 'Synchronisiert' });
  });

  it('names the problem of a contact in error, what to do, and when it last got through', () => {
    const view = syncStatusView(
      {
        syncStatus: 'error',
        syncedAt: SYNCED_AT,
        syncProblem: {
          code: 'rejected',
          detail: 'ErrorInvalidProperty: The property businessHomePage is invalid.',
          at: '2026-12-02T08:00:00.000Z',
        },
      },
      de,
    );
    expect(view).toEqual({
      summary: 'Synchronisierungsfehler',
      lastSynced: 'Zuletzt synchronisiert: 01.12.2026, 10:15',
      problem: {
        title: 'Kontakt von Microsoft 365 abgelehnt',
        help: expect.stringContaining('Korrigieren Sie den Kontakt'),
        detail: 'ErrorInvalidProperty: The property businessHomePage is invalid.',
        mailbox: undefined,
      },
    });
  });

  it('shows pending, no e-mail and disabled without a problem', () => {
    expect(syncStatusView({ syncStatus: 'pending' }, de)).toEqual({ summary: 'Synchronisierung ausstehend' });
    expect(syncStatusView({ syncStatus: 'pending', syncedAt: SYNCED_AT }, en).lastSynced).toBe(
      'Last synced: 1 Dec 2026, 10:15',
    );
    expect(syncStatusView({ syncStatus: 'noEmail' }, de).summary).toBe(
      'Keine E-Mail-Adresse – wird nicht synchronisiert',
    );
    // A problem left on a contact that is no longer in error is not shown.
    const stale = { code: 'throttled' as const, at: SYNCED_AT };
    expect(syncStatusView({ syncStatus: 'disabled', syncProblem: stale }, de)).toEqual({
      summary: 'Synchronisierung deaktiviert',
    });
  });

  it('has a title and a help text for every problem code in both languages', () => {
    for (const code of MIRROR_PROBLEM_CODES) {
      for (const text of [de, en]) {
        const { title, help } = mirrorProblemText({ code, at: SYNCED_AT }, text);
        expect(title).not.toContain('mirrorProblem.');
        expect(help.length).toBeGreaterThan(title.length);
      }
    }
    expect(mirrorProblemText({ code: 'accessDenied', mailbox: 'vertrieb@muster.de', at: SYNCED_AT }, en)).toMatchObject(
      { title: 'Access to the mailbox denied', mailbox: 'vertrieb@muster.de' },
    );
  });
});
