import { describe, expect, it } from 'vitest';
import { companyFormOf, companyNameIn, isBusinessWord, looksLikeBrand } from './company-name.rules';

describe('companyFormOf', () => {
  it.each<[string, string | null]>([
    ['Neue Firma GmbH', 'GmbH'],
    ['Neue Firma Oy', 'Oy'],
    ['Muster SAS', 'SAS'],
    ['Muster S.A.', 'S.A.'],
    ['MUSTER AG', 'AG'],
    ['Muster eG', 'eG'],
    // Ambiguous forms in a name's case, after a person, or alone
    ['Anna Sas', null],
    ['Frau Sas', null],
    ['Sas', null],
    ['Markus Egen', null],
    ['Thomas Gug', null],
    ['JENS AG', null],
    ['Jens AG', null],
    ['KIM SA', null],
    ['Li Ag', null],
    ['GmbH', null],
  ])('%j → %j', (name, form) => {
    expect(companyFormOf(name)).toBe(form);
  });
});

describe('firms without a legal form', () => {
  it.each([
    'Müller & Söhne',
    'Müller & Partner',
    'Schmidt und Kollegen',
    'Gebr. Müller',
    'Praxis Dr. Schmidt',
    'Kanzlei Weber',
    'Stadtwerke München',
    'Bäckerei Huber',
  ])('%j is a firm', (name) => {
    expect(companyNameIn(name)).toBe(name);
  });

  it.each(['Anna Müller', 'Anna Bank', 'Anna & Max Müller', 'Praxis', 'Max Mustermann'])('%j is not', (name) => {
    expect(companyNameIn(name)).toBeNull();
  });

  it('knows business words and brand shapes', () => {
    expect(['Praxis', 'Zahnarztpraxis', 'Metzgerei', 'Stadtwerke', 'Anwaltskanzlei'].every(isBusinessWord)).toBe(true);
    expect(['Schmidt', 'Anna', 'Müller'].some(isBusinessWord)).toBe(false);
    expect(['SharePoint Online', 'Amazon.de', '1&1'].every(looksLikeBrand)).toBe(true);
    expect(['Deutsche Bahn', 'Max McDonald', 'Anna MacDonald', 'Dr.in Anna Huber'].some(looksLikeBrand)).toBe(false);
  });
});
