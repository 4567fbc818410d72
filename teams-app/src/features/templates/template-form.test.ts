import { describe, expect, it } from 'vitest';
import { TEMPLATE_PLACEHOLDERS, TEMPLATE_PURPOSES } from '../../../../shared/src/templates/template.schema';
import {
  checkDraft,
  createOf,
  emptyDraft,
  insertAt,
  isDirty,
  PLACEHOLDERS,
  PURPOSES,
  patchOf,
  placeFieldErrors,
} from './template-form';

const texts = { nameRequired: 'Name fehlt', purposeRequired: 'Zweck fehlt', tooLong: (max: number) => `max ${max}` };

describe('template form', () => {
  it('offers exactly the contract placeholders and purposes, in its order', () => {
    expect(PLACEHOLDERS).toEqual([...TEMPLATE_PLACEHOLDERS]);
    expect(PURPOSES).toEqual([...TEMPLATE_PURPOSES]);
  });

  it('sends only the changed fields and is clean when nothing changed', () => {
    const base = { ...emptyDraft('de'), name: 'Angebot', subject: 'Ihr Angebot' };
    expect(isDirty(base, { ...base })).toBe(false);
    expect(patchOf(base, { ...base, subject: 'Ihr neues Angebot', purpose: 'marketing' })).toEqual({
      subject: 'Ihr neues Angebot',
      purpose: 'marketing',
    });
  });

  it('asks for a name and a purpose, and keeps the contract lengths', () => {
    expect(emptyDraft('de').purpose).toBe('');
    expect(createOf(emptyDraft('de'))).toBeUndefined();
    expect(checkDraft({ ...emptyDraft('de'), name: '  ', purpose: 'personal' }, texts)).toEqual({
      name: 'Name fehlt',
    });
    expect(checkDraft({ ...emptyDraft('de'), name: 'Angebot' }, texts)).toEqual({ purpose: 'Zweck fehlt' });
    expect(
      checkDraft(
        { ...emptyDraft('de'), name: 'x'.repeat(121), subject: 's'.repeat(501), purpose: 'transactional' },
        texts,
      ),
    ).toEqual({
      name: 'max 120',
      subject: 'max 500',
    });
    expect(checkDraft({ ...emptyDraft('en'), name: 'ok', purpose: 'marketing' }, texts)).toEqual({});
  });

  it('places the API field errors at the fields, whatever the path style', () => {
    const placed = placeFieldErrors([
      { field: 'body.bodyHtml', message: 'Unbekannter Platzhalter {{vornam}}' },
      { field: '/subject', message: 'Zu lang' },
      { field: 'body', message: 'Sonstiges' },
    ]);
    expect(placed.fields).toEqual({ bodyHtml: 'Unbekannter Platzhalter {{vornam}}', subject: 'Zu lang' });
    expect(placed.other).toEqual([{ field: 'body', message: 'Sonstiges' }]);
  });

  it('inserts at the cursor, replacing a selection, and puts the cursor after it', () => {
    expect(insertAt('Hallo !', 6, 6, '{{vorname}}')).toEqual({ text: 'Hallo {{vorname}}!', caret: 17 });
    expect(insertAt('Hallo XY!', 6, 8, '{{vorname}}')).toEqual({ text: 'Hallo {{vorname}}!', caret: 17 });
    expect(insertAt('abc', 10, 12, '!')).toEqual({ text: 'abc!', caret: 4 });
  });
});
