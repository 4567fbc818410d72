import { isGivenName } from './given-names.data';
import { legalFormOf, stripLegalForm } from './legal-form.rules';
import { isAllCaps, salutationWord, tableOf } from './name-words.rules';
import { isTitleHead } from './name-titles.rules';
import { foldName } from './normalize.rules';

// When a display name is a firm rather than a person: a legal form (legal-form.rules.ts), read
// with care where the form is also a name; partners joined with "&" ("Müller & Söhne"); a
// business word in front ("Praxis Dr. Schmidt", "Bäckerei Huber", "Stadtwerke München").

// Legal forms written like family names or words: "Anna Sas", "Markus Egen", "Thomas Gug",
// "Eva As", "Kim Sa", "Li Ag", "Wellness Spa". They make a firm only when written as here (or with
// dots, "S.A."; in a name written all in capitals case says nothing), and only when more than a
// salutation or a single known given name stands before them ("Frau Sas", "JENS AG" are people;
// "Neue Firma Oy", "MUSTER AG" are firms).
const AMBIGUOUS_FORMS = [
  'AG',
  'SE',
  'eG',
  'EG',
  'eGen',
  'KG',
  'OG',
  'UG',
  'gUG',
  'gAG',
  'SA',
  'SAS',
  'AS',
  'AB',
  'BV',
  'NV',
  'LP',
  'Oy',
  'Oyj',
  'SpA',
  'Srl',
  'e.U.',
];
const lettersOf = (form: string) => form.replace(/[.\s]/g, '');
const AMBIGUOUS_SPELLINGS = new Set(AMBIGUOUS_FORMS.map(lettersOf));
const AMBIGUOUS_KEYS = new Set(AMBIGUOUS_FORMS.map((form) => lettersOf(form).toLowerCase()));

// What stands before the form, without salutations and titles: a person when it is at most one known given name.
function onlyAPerson(base: string): boolean {
  const words = base.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const named = words.filter((word, i) => salutationWord(word) === undefined && !isTitleHead(word, words[i + 1]));
  return named.length === 0 || (named.length === 1 && isGivenName(named[0] ?? ''));
}

/**
 * The legal form that makes a display name a firm's, as written, or null: like `legalFormOf`, but
 * a name that is only a form ("Sas") is none, and an ambiguous form (AMBIGUOUS_FORMS) needs its
 * own spelling and more than a person before it.
 */
export function companyFormOf(text: string): string | null {
  const form = legalFormOf(text);
  if (form === null) return null;
  const base = stripLegalForm(text);
  if (base === form) return null;
  const letters = lettersOf(form);
  if (!AMBIGUOUS_KEYS.has(letters.toLowerCase())) return form;
  const spelled = form.includes('.') || AMBIGUOUS_SPELLINGS.has(letters) || isAllCaps(text);
  return spelled && !onlyAPerson(base) ? form : null;
}

// "Müller & Söhne", "Schmidt und Partner", "Meier + Kollegen", "Smith & Sons": a firm's name.
const FIRM_PARTNERS = `
  söhne soehne sohn töchter partner partnerin partnerinnen partners kollegen kolleginnen
  associates sons brothers brüder gebrüder co cie comp company team
`
  .split(/\s+/)
  .filter((word) => word !== '');
const FIRM_PARTNER_AT_END = new RegExp(
  `(?:^|\\s)(?:&|\\+|und|u\\.|and)\\s*(?:${FIRM_PARTNERS.join('|')})\\.?\\s*$`,
  'iu',
);
const FIRM_PREFIX = /^(?:gebr\.|gebrüder|geschwister)\s+\S/iu;

// Words that open a business's name, folded, and the endings of such compounds ("Zahnarztpraxis",
// "Anwaltskanzlei", "Stadtapotheke", "Bäckerei", "Druckerei"). Not "Büro" (a function mailbox).
const BUSINESS_WORDS = new Set(
  tableOf(`
    praxis, gemeinschaftspraxis, kanzlei, apotheke, autohaus, hotel, gasthof, gasthaus, pension, restaurant
    café, cafe, bistro, pizzeria, stadtwerke, gemeindewerke, stadtverwaltung, gemeinde, stadt, landkreis
    landratsamt, rathaus, sparkasse, volksbank, raiffeisenbank, bank, versicherung, klinik, klinikum
    krankenhaus, pflegedienst, pflegeheim, seniorenheim, schule, grundschule, gymnasium, kita
    kindergarten, universität, hochschule, institut, verband, agentur, studio, salon, atelier
    werkstatt, autowerkstatt, friseur, ingenieurbüro, architekturbüro, planungsbüro, steuerbüro
    reisebüro, physiotherapie, ergotherapie, fahrschule, weingut, hofladen, baumarkt, möbelhaus
    hausverwaltung, immobilien, malerbetrieb, optik, augenoptik, notariat, labor, zahnlabor
    clinic, agency, school, university, hospital, bakery
  `),
);
const BUSINESS_ENDINGS = tableOf(`
  praxis, kanzlei, apotheke, erei, werkstatt, verwaltung, klinik, schule, werke, labor, studio, salon
`);
const MIN_BUSINESS_HEAD = 3;

/** True for a word that names a kind of business ("Praxis", "Zahnarztpraxis", "Bäckerei", "Stadtwerke"). */
export function isBusinessWord(word: string): boolean {
  const key = foldName(word).replace(/ /g, '');
  if (BUSINESS_WORDS.has(key)) return true;
  return BUSINESS_ENDINGS.some((ending) => key.length >= ending.length + MIN_BUSINESS_HEAD && key.endsWith(ending));
}

/**
 * True for a display name that names a firm without a legal form: partners joined with "&"
 * ("Müller & Söhne", "Schmidt & Partner"), "Gebr. Müller", or a business word in front and a
 * name after it ("Praxis Dr. Schmidt", "Bäckerei Huber", "Stadtwerke München").
 */
export function isFirmName(text: string): boolean {
  if (FIRM_PARTNER_AT_END.test(text) || FIRM_PREFIX.test(text)) return true;
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length > 1 && isBusinessWord(words[0] ?? '');
}

/** The company a display name names, as written, or null: a legal form (companyFormOf) or a firm's shape (isFirmName). */
export function companyNameIn(text: string): string | null {
  return companyFormOf(text) !== null || isFirmName(text) ? text : null;
}

const DOMAIN_LIKE = /\p{L}\.(?:de|com|at|ch|net|org|eu|io|info|biz|co|shop|online)\b/iu;

/**
 * True for a name shaped like a brand or product rather than a person: a capital inside a word
 * after two small letters ("SharePoint", "PayPal"; not "McDonald", "MacDonald"), a domain
 * ("Amazon.de"), digits ("1&1").
 */
export function looksLikeBrand(text: string): boolean {
  const camelCase = text
    .split(/\s+/)
    .some((word) => /\p{Ll}{2}\p{Lu}/u.test(word) && !/^(?:Mac|Fitz)\p{Lu}/u.test(word));
  return camelCase || DOMAIN_LIKE.test(text) || /\d/.test(text);
}
