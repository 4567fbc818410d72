/**
 * Legal forms (Rechtsformen) whose designations are taken off a company name for its matching key
 * (legal-form.rules.ts). Data only: the patterns are built from these strings.
 *
 * Sources:
 * - XUnternehmen code list "Rechtsformen", urn:xoev-de:xunternehmen:codeliste:rechtsformen,
 *   version 2 (FIM code list C60000042; https://www.xrepository.de/details/urn:xoev-de:xunternehmen:codeliste:rechtsformen),
 *   which codes legal forms alike for the tax administration (GINSTER, ELSTER-Unternehmenskonto)
 *   and the Registerportal: `xu` codes, for its rows 100000–224100 (partnerships, associations,
 *   mutual insurers, corporations); cooperatives, foundations and public-law bodies from the next two.
 * - ISO 20275 Entity Legal Forms code list, version 1.6 of 2026-02-19 (GLEIF,
 *   https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list): every
 *   active row of DE, the rows of AT and the German-language rows of CH that name a company form;
 *   long names and abbreviations: `elf` codes.
 * - Registerportal der Länder (https://www.handelsregister.de), the legal forms of its search.
 * - The designations the laws prescribe: § 4 and § 5a GmbHG, § 4 and § 279 AktG, § 19 HGB,
 *   § 707a BGB (eGbR, MoPeG, since 2024-01-01), § 3 GenG, § 65 BGB, § 2 and § 8 (4) PartGG,
 *   in Austria § 19 UGB (e.U.) and § 2 PSG (Privatstiftung).
 * - Spellings seen in practice ("Ges.m.b.H.", "UG (hb)", "gUG", "Versicherungsverein a.G.").
 *
 * How a string here matches (legal-form.rules.ts): case-insensitively; "ä" also as "ae" or "a"
 * (likewise ö, ü, ß as "ss", accents without accent); in an abbreviation (a word with a dot or a
 * capital after its first letter: "GmbH", "e.V.") dots and spaces between the letters are
 * optional; words may be joined by spaces, hyphens or nothing; brackets are optional.
 * Chains ("GmbH & Co. KG", XUnternehmen 111200–112500 and 223200–223320) are not listed: the
 * stripping repeats, taking one form or `CHAIN_JOINERS` + `CHAIN_PARTNERS` at a time. The
 * category rows of the XUnternehmen list (100000, 110000, 130000, 138000, 190000–192000, 200000,
 * 220000, 224000) name groups of forms and have no designation of their own.
 */
export interface LegalFormData {
  /** Codes in the sources: `xu:221110` (XUnternehmen), `elf:2HBR` (ISO 20275). */
  codes: readonly string[];
  country: 'DE' | 'AT' | 'CH' | 'other';
  /** Written-out designations. */
  long: readonly string[];
  /** Abbreviations and mixed spellings. */
  short: readonly string[];
  /**
   * Designations of the list that are ordinary words of names too ("Robert Bosch Stiftung GmbH",
   * "Muster Wohnungsbau Genossenschaft eG"): kept here for completeness, never stripped.
   */
  nameWords?: readonly string[];
}

const de = (codes: string[], long: string[], short: string[], nameWords?: string[]): LegalFormData => ({
  codes,
  country: 'DE',
  long,
  short,
  ...(nameWords ? { nameWords } : {}),
});

export const GERMAN_LEGAL_FORMS: readonly LegalFormData[] = [
  // Personengesellschaften
  de(['xu:111100', 'elf:40DB'], ['offene Handelsgesellschaft'], ['OHG', 'OHG mbH']),
  de(['xu:112100', 'elf:8Z6G'], ['Kommanditgesellschaft'], ['KG']),
  de(['xu:112600'], ['Investmentkommanditgesellschaft'], ['Investment-KG', 'InvKG']),
  de(['xu:113000', 'elf:JNDX'], ['Europäische wirtschaftliche Interessenvereinigung'], ['EWIV']),
  de(['xu:114000'], ['Partenreederei'], []),
  de(
    ['xu:120000', 'xu:121000', 'elf:FR3V'],
    ['Gesellschaft bürgerlichen Rechts', 'Gesellschaft des bürgerlichen Rechts', 'BGB-Gesellschaft'],
    ['GbR', 'GdbR'],
  ),
  de(['xu:122000'], [], ['GbR mbH']),
  de(['xu:123000', 'elf:PDNU'], ['eingetragene Gesellschaft bürgerlichen Rechts'], ['eGbR']),
  de(['xu:131000', 'elf:8CM0'], ['Partnerschaftsgesellschaft', 'Partnerschaft'], ['PartG']),
  de(
    ['elf:2YZO'],
    ['Partnerschaftsgesellschaft mit beschränkter Berufshaftung', 'Partnerschaft mit beschränkter Berufshaftung'],
    ['PartG mbB', 'Partnerschaftsgesellschaft mbB', 'Partnerschaft mbB', 'mbB'],
  ),
  // Einzelkaufleute
  de(
    ['elf:OL20'],
    ['eingetragener Kaufmann', 'eingetragene Kauffrau', 'Einzelkaufmann', 'Einzelkauffrau', 'Einzelunternehmen'],
    ['e.K.', 'e.Kfm.', 'e.Kfr.', 'e.Kffr.'],
  ),
  // Juristische Personen: Vereine
  de(['xu:211000', 'elf:QZ3L'], ['eingetragener Verein'], ['e.V.']),
  de(['elf:79H0'], ['nicht eingetragener Verein'], ['n.e.V.']),
  de(
    ['xu:210000', 'xu:212000', 'elf:7J3S', 'elf:D40E'],
    ['rechtsfähiger Verein', 'wirtschaftlicher Verein', 'Verein alten Rechts'],
    [],
  ),
  de(
    ['xu:213100', 'elf:13AV'],
    ['Versicherungsverein auf Gegenseitigkeit'],
    ['VVaG', 'Versicherungsverein a.G.', 'a.G.'],
  ),
  de(['xu:213200'], [], ['PVaG']),
  // Kapitalgesellschaften
  de(
    ['xu:221110', 'elf:2HBR'],
    ['Gesellschaft mit beschränkter Haftung'],
    ['GmbH', 'mbH', 'Gesellschaft mbH', 'Gesellschaft m.b.H.', 'Ges. mbH', 'Ges.m.b.H.', 'GesmbH'],
  ),
  de(
    ['xu:221120', 'elf:SCE1'],
    ['gemeinnützige Gesellschaft mit beschränkter Haftung'],
    ['gGmbH', 'gemeinnützige GmbH'],
  ),
  de(
    ['xu:221200', 'elf:63KS'],
    ['Unternehmergesellschaft (haftungsbeschränkt)', 'Unternehmergesellschaft'],
    [
      'UG (haftungsbeschränkt)',
      'UG (hb)',
      'UG (h.b.)',
      'UG',
      'gUG (haftungsbeschränkt)',
      'gUG (hb)',
      'gUG (h.b.)',
      'gUG',
    ],
  ),
  // "Actien-Gesellschaft": the spelling before the 1901 orthography, kept by old firms.
  de(['xu:222110', 'elf:6QQB'], ['Aktiengesellschaft', 'Aktien-Gesellschaft', 'Actien-Gesellschaft'], ['AG']),
  de(['elf:YA01'], ['gemeinnützige Aktiengesellschaft'], ['gAG']),
  de(['xu:222120', 'elf:JMVF'], ['Investmentaktiengesellschaft'], ['InvAG', 'Investment-AG']),
  de(['elf:AMKW'], ['REIT-Aktiengesellschaft'], ['REIT-AG']),
  de(
    ['xu:222200', 'elf:SGST'],
    ['Europäische Gesellschaft', 'Europäische Aktiengesellschaft', 'Societas Europaea'],
    ['SE'],
  ),
  de(['xu:223100', 'elf:T0YJ'], ['Kommanditgesellschaft auf Aktien'], ['KGaA', 'KG auf Aktien']),
  de(['xu:224100'], ['bergrechtliche Gewerkschaft'], ['bergrechtl. Gewerkschaft']),
  // Genossenschaften
  de(['elf:AZFE', 'elf:US8E'], ['eingetragene Genossenschaft'], ['eG'], ['Genossenschaft']),
  de(['elf:SUA1'], ['Europäische Genossenschaft', 'Societas Cooperativa Europaea'], ['SCE']),
  // Stiftungen
  de(
    ['elf:V2YH'],
    [
      'Stiftung des privaten Rechts',
      'Stiftung privaten Rechts',
      'Stiftung des bürgerlichen Rechts',
      'Stiftung bürgerlichen Rechts',
      'rechtsfähige Stiftung',
    ],
    [],
    ['Stiftung', 'gemeinnützige Stiftung'],
  ),
  de(['elf:FEBD'], ['Stiftung des öffentlichen Rechts', 'Stiftung öffentlichen Rechts'], ['SdöR']),
  de(['elf:YJ4C'], ['kirchliche Stiftung des öffentlichen Rechts'], [], ['kirchliche Stiftung']),
  // Öffentliches Recht
  // "KöR" is left out: written "Kör" it is a surname too, and would make "Ayşe Kör" a company.
  de(['elf:SQKS'], ['Körperschaft des öffentlichen Rechts', 'Körperschaft öffentlichen Rechts'], ['KdöR']),
  de(['elf:XLWA'], ['Anstalt des öffentlichen Rechts', 'Anstalt öffentlichen Rechts'], ['AöR', 'AdöR']),
  de(['elf:9JGX'], [], [], ['Landesinnungsverband']),
];

const other = (
  country: LegalFormData['country'],
  codes: string[],
  long: string[],
  short: string[],
  nameWords?: string[],
): LegalFormData => ({ codes, country, long, short, ...(nameWords ? { nameWords } : {}) });

// Austria and Switzerland (German-language rows of ISO 20275). Left out as names of public
// administrations, not companies: AT 1NOX, JQOI (Sparkasse), NNLI (stille Gesellschaft, never
// in a name); CH 2XJA, FFTN, GP8M, YRGM, BF9N, HX77, L5DU, M848, VPRH, E0NE, 7MNN, DP2E, KJ9Q,
// OBFU, FJG4, FLNB, 5BEZ, 54WI, XJOT, TL87 and the inactive rows.
export const NEIGHBOUR_LEGAL_FORMS: readonly LegalFormData[] = [
  other('AT', ['elf:AXSB'], ['Gesellschaft mit beschränkter Haftung'], ['GmbH', 'Ges.m.b.H.']),
  other('AT', ['elf:EQOV'], ['Aktiengesellschaft'], ['AG']),
  other('AT', ['elf:ONF1'], ['Kommanditgesellschaft'], ['KG']),
  other('AT', ['elf:JTAV'], ['Offene Gesellschaft'], ['OG']),
  other('AT', ['elf:GVPD'], ['Offene Handelsgesellschaft'], ['OHG']),
  other('AT', ['elf:JUHG'], ['Offene Erwerbsgesellschaft'], ['OEG']),
  other('AT', ['elf:AAL7'], ['Kommandit-Erwerbsgesellschaft'], ['KEG']),
  other('AT', ['elf:UI81'], ['Gesellschaft bürgerlichen Rechts'], ['GesbR', 'GesnbR']),
  other('AT', ['elf:BCSV'], ['Flexible Kapitalgesellschaft'], ['FlexKapG', 'FlexCo']),
  // ISO 20275 abbreviates it "EU"; § 19 UGB prescribes "e.U.".
  other('AT', ['elf:ECWU', 'elf:G3R6'], ['eingetragener Unternehmer', 'eingetragene Unternehmerin'], ['e.U.']),
  other('AT', ['elf:5WWO'], ['Privatstiftung'], []),
  other('AT', ['elf:E9OX'], [], [], ['gemeinnützige Stiftung']),
  other('AT', ['elf:8XDW', 'elf:NIJH'], ['Erwerbs- und Wirtschaftsgenossenschaft'], ['eGen'], ['Genossenschaft']),
  other('AT', ['elf:CAQ1'], ['Versicherungsverein auf Gegenseitigkeit'], []),
  other('AT', ['elf:O65B'], ['Europäische Gesellschaft'], ['SE']),
  other('AT', ['elf:69H1'], ['Europäische Genossenschaft'], ['SCE']),
  other('AT', ['elf:DM88'], ['Europäische wirtschaftliche Interessenvereinigung'], []),
  other('AT', ['elf:JJYT'], ['Körperschaft öffentlichen Rechts'], []),
  other('AT', ['elf:DX6Z'], [], [], ['Verein']),
  other('CH', ['elf:MVII'], ['Aktiengesellschaft', 'Société anonyme', 'Società anonima'], ['AG', 'SA']),
  other('CH', ['elf:3EKS'], ['Gesellschaft mit beschränkter Haftung'], ['GmbH', 'Sàrl', 'Sagl']),
  other('CH', ['elf:MRSY'], ['Kollektivgesellschaft'], []),
  other('CH', ['elf:CQMY'], ['Kommanditgesellschaft'], []),
  other('CH', ['elf:W6A7'], ['Kommanditaktiengesellschaft'], []),
  other('CH', ['elf:QSI2', 'elf:2JZ4', 'elf:H781'], [], [], ['Genossenschaft', 'Stiftung', 'Verein']),
];

// Forms of other countries that German firms often deal with: common abbreviations, not from
// a code list (ISO 20275 lists each country's under many codes).
export const FOREIGN_LEGAL_FORMS: readonly LegalFormData[] = [
  other('other', [], ['Limited', 'Private Limited'], ['Ltd.', 'Pty. Ltd.', 'Pvt. Ltd.']),
  other('other', [], ['Incorporated', 'Corporation', 'Company'], ['Inc.', 'Corp.', 'Co.']),
  other('other', [], ['Limited Liability Company'], ['LLC', 'LLP', 'LP']),
  other('other', [], ['Public Limited Company'], ['PLC']),
  other('other', [], ['Société à responsabilité limitée'], ['SARL', 'S.à r.l.', 'SAS', 'SA']),
  other('other', [], ['Società per azioni'], ['SpA', 'Srl']),
  other('other', [], [], ['s.r.o.', 'Sp. z o.o.']),
  other('other', [], ['Besloten vennootschap', 'Naamloze vennootschap'], ['BV', 'NV']),
  other('other', [], ['Aktieselskab', 'Anpartsselskab', 'Aktiebolag'], ['ApS', 'A/S', 'AS', 'AB', 'Oy', 'Oyj']),
];

/** Every legal form whose designations are stripped. */
export const LEGAL_FORMS: readonly LegalFormData[] = [
  ...GERMAN_LEGAL_FORMS,
  ...NEIGHBOUR_LEGAL_FORMS,
  ...FOREIGN_LEGAL_FORMS,
];

/** "GmbH & Co. KG": a form, a joiner and a partner word, then the next form. */
export const CHAIN_JOINERS: readonly string[] = ['&', '+', 'und', 'u.', 'and'];
export const CHAIN_PARTNERS: readonly string[] = ['Co.', 'Cie.', 'Comp.', 'Compagnie'];

/**
 * Forms also recognised when written onto the name without a space ("MusterGmbH", "MusterAG"):
 * only in this spelling, after a small letter or a digit, so "Haag" or "HAAG" keep their "ag".
 */
export const JOINED_FORMS: readonly string[] = ['GmbH', 'gGmbH', 'AG', 'KG', 'KGaA', 'OHG', 'GbR', 'UG'];

/**
 * A firm's state written after its form ("Muster GmbH i.L."), stripped like a form but no legal
 * form itself. "i.A." is left out: in a name it is more often "im Auftrag" than "in Abwicklung".
 */
export const STATUS_SUFFIXES: readonly string[] = [
  'in Gründung',
  'i.G.',
  'i.Gr.',
  'in Liquidation',
  'i.L.',
  'in Abwicklung',
  'in Insolvenz',
  'i.I.',
];
