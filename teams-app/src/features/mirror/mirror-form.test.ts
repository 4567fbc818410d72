import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  DEFAULT_MIRROR_FOLDER,
  formOf,
  formProblems,
  hasProblems,
  isDirty,
  type MirrorForm,
  newRow,
  placeServerErrors,
} from './mirror-form';

const saved = {
  enabled: true,
  targets: [{ mailbox: 'vertrieb@muster.de', folderName: 'KlarKonform CRM' }],
  version: 4,
};

const withRows = (rows: { mailbox: string; folderName?: string }[], enabled = true): MirrorForm => ({
  enabled,
  targets: rows.map((row) => ({ ...newRow(), ...row })),
});

describe('mirror settings form', () => {
  it('starts a new row with the default folder', () => {
    const row = newRow();
    expect(row).toMatchObject({ mailbox: '', folderName: DEFAULT_MIRROR_FOLDER });
    expect(newRow().key).not.toBe(row.key);
  });

  it('sends trimmed rows without the version, and knows when nothing changed', () => {
    const form = formOf(saved);
    expect(isDirty(form, saved)).toBe(false);
    const edited = { ...form, targets: form.targets.map((row) => ({ ...row, mailbox: '  vertrieb@muster.de ' })) };
    expect(bodyOf(edited)).toEqual({ enabled: true, targets: saved.targets });
    expect(isDirty(edited, saved)).toBe(false);
    expect(isDirty({ ...form, enabled: false }, saved)).toBe(true);
    expect(isDirty({ ...form, targets: [...form.targets, newRow()] }, saved)).toBe(true);
    expect(isDirty({ ...form, targets: [] }, { ...saved, targets: [] })).toBe(false);
  });

  it('asks for an address and a folder in every row, each mailbox once, and a target to switch on', () => {
    const form = withRows([
      { mailbox: '' },
      { mailbox: 'kein-postfach' },
      { mailbox: 'Vertrieb@Muster.de', folderName: '  ' },
      { mailbox: 'vertrieb@muster.de' },
    ]);
    const [empty, invalid, first, second] = form.targets.map((row) => row.key);
    const problems = formProblems(form);
    expect(problems.enabled).toBeUndefined();
    expect(problems.rows.get(empty ?? -1)).toEqual({ mailbox: 'mailboxMissing' });
    expect(problems.rows.get(invalid ?? -1)).toEqual({ mailbox: 'mailboxInvalid' });
    expect(problems.rows.get(first ?? -1)).toEqual({ folderName: 'folderMissing' });
    expect(problems.rows.get(second ?? -1)).toEqual({ mailbox: 'mailboxTaken' });
    expect(formProblems(withRows([], true)).enabled).toBe('enableNeedsTarget');
    expect(hasProblems(formProblems(withRows([], false)))).toBe(false);
    expect(formProblems(withRows([{ mailbox: 'a@b.de', folderName: 'x'.repeat(256) }])).rows.size).toBe(1);
  });

  it('accepts any set of distinct valid mailboxes (property)', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/).filter((s) => !s.includes('..'));
    fc.assert(
      fc.property(fc.uniqueArray(local, { minLength: 1, maxLength: 10 }), (names) => {
        const form = withRows(names.map((name) => ({ mailbox: `${name}@muster.de` })));
        expect(hasProblems(formProblems(form))).toBe(false);
      }),
    );
  });

  it('places the API’s field errors at the rows they name', () => {
    const form = withRows([{ mailbox: 'a@muster.de' }, { mailbox: 'b@muster.de' }]);
    const [a, b] = form.targets.map((row) => row.key);
    const placed = placeServerErrors(
      [
        { field: 'body.targets.1.mailbox', message: 'Postfach unbekannt' },
        { field: 'body.targets.0.folderName', message: 'Zu lang' },
        { field: 'body.targets.0', message: 'Doppelt' },
        { field: 'body.enabled', message: 'Ohne Ziel nicht möglich' },
        { field: 'body.targets', message: 'Höchstens 10' },
        { field: 'body.extra', message: 'Unbekanntes Feld „extra“' },
      ],
      form,
    );
    expect(placed.rows.get(b ?? -1)).toEqual({ mailbox: 'Postfach unbekannt' });
    expect(placed.rows.get(a ?? -1)).toEqual({ folderName: 'Zu lang', mailbox: 'Doppelt' });
    expect(placed.enabled).toBe('Ohne Ziel nicht möglich');
    expect(placed.targets).toBe('Höchstens 10');
    expect(placed.rest).toEqual([{ field: 'body.extra', message: 'Unbekanntes Feld „extra“' }]);
  });
});
