import { normalizeLine } from '../text/text.rules';
import { foldName } from './normalize.rules';

// Legal forms are matched at the end of a company name, case-insensitively, with or without
// dots and spaces between their letters ("GmbH", "G.m.b.H.", "Ges. m. b. H."). Stripping repeats
// until nothing changes, which also takes chains apart: "GmbH & Co. KG" → "GmbH & Co." → "GmbH".
const D = '\\.?\\s*';
const letters = (word: string) => [...word].join(D);
const LIMITED = 'beschr(?:ä|ae|a)nkte[rn]?';

const LEGAL_FORMS = [
  // Germany and Austria
  `g?${letters('gmbh')}`,
  `${letters('ges')}${D}${letters('mbh')}`,
  letters('mbh'),
  `gesellschaft\\s+mit\\s+${LIMITED}\\s+haftung`,
  `g?${letters('ug')}(?:\\s*\\(?\\s*haftungsbeschr(?:ä|ae|a)nkt\\s*\\)?)?`,
  `g?${letters('ag')}`,
  'aktiengesellschaft',
  letters('kgaa'),
  'kommanditgesellschaft(?:\\s+auf\\s+aktien)?',
  letters('kg'),
  letters('ohg'),
  'offene\\s+handelsgesellschaft',
  `${letters('ek')}(?:fm|fr)?`,
  'eingetragene[r]?\\s+kauf(?:mann|frau)',
  letters('ev'),
  'eingetragener\\s+verein',
  letters('eg'),
  'eingetragene\\s+genossenschaft',
  letters('gbr'),
  `part${letters('g')}(?:${D}${letters('mbb')})?`,
  'partnerschaftsgesellschaft(?:\\s+mbb)?',
  letters('mbb'),
  letters('se'),
  letters('og'),
  letters('keg'),
  // English-speaking countries
  `(?:${letters('pty')}${D})?(?:ltd|limited)`,
  'inc(?:orporated)?',
  'corp(?:oration)?',
  'co(?:mpany)?',
  letters('llc'),
  letters('llp'),
  letters('lp'),
  'plc',
  // Rest of Europe
  letters('sarl'),
  letters('sas'),
  letters('sa'),
  letters('spa'),
  letters('srl'),
  letters('sro'),
  `sp${D}z${D}${letters('oo')}`,
  letters('bv'),
  letters('nv'),
  'aps',
  'a\\s*/\\s*s',
  letters('as'),
  letters('ab'),
  'oyj?',
  // Status suffixes: in Gründung, in Liquidation, in Insolvenz.
  `${letters('i')}${D}(?:${letters('g')}(?:r)?|${letters('l')}|${letters('i')})`,
  'in\\s+(?:gr(?:ü|ue|u)ndung|liquidation|insolvenz)',
];

const LEGAL_FORM_AT_END = new RegExp(`(?:^|[\\s,.&+(/-])(?:${LEGAL_FORMS.join('|')})[\\s.,;:)]*$`, 'iu');
const CO_AT_END = /(?:\s*[&+]|(?:^|\s)(?:und|and|u\.))\s*(?:co|cie|comp)\.?[\s.,;:]*$/iu;
const TRAILING_SEPARATORS = /[\s,;:&+/\-–]+$/u;

function stripOnce(name: string): string {
  const form = LEGAL_FORM_AT_END.exec(name);
  if (form) return name.slice(0, form.index).replace(TRAILING_SEPARATORS, '');
  const co = CO_AT_END.exec(name);
  if (co) return name.slice(0, co.index).replace(TRAILING_SEPARATORS, '');
  return name;
}

export function stripLegalForm(name: string): string {
  // Invisible characters would hide a legal form ("GmbH\u200b") from the patterns.
  const original = normalizeLine(name).replace(/\s+/g, ' ').trim();
  let current = original;
  for (let next = stripOnce(current); next !== current; next = stripOnce(current)) {
    current = next;
  }
  // A name that is nothing but a legal form ("GmbH") keeps its text rather than vanishing.
  return /[\p{L}\p{N}]/u.test(current) ? current : original;
}

const FILLER_WORDS = new Set(['und', 'and', 'u']);
const FIRM_PREFIXES = new Set(['fa', 'firma']);

// The company's matching key: folded, without legal form, "Firma"/"Fa." prefix and "und"/"&",
// and without spaces, so "Müller & Söhne GmbH", "Müller und Söhne" and "Müller-Söhne KG" meet.
export function companyKey(name: string): string {
  const words = foldName(stripLegalForm(name))
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  while (words.length > 1 && FIRM_PREFIXES.has(words[0] ?? '')) words.shift();
  return words.join('');
}
