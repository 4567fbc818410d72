import { isGivenName } from './given-names.data';
import { isFunctionWord } from './mailbox-words.rules';
import { isAllCaps, particleRunEnds, salutationWord, tableOf } from './name-words.rules';
import { isTitleHead, isTitleQualifier, takeTitles } from './name-titles.rules';
import { foldName } from './normalize.rules';
import { isPlace } from './place-names.data';

// Words written around a person's name that are not part of it: the job or role ("Max
// Mustermann, CEO", "Geschäftsführer Max Mustermann"), signature prefixes ("i.A. Max
// Mustermann"), household forms ("Herr und Frau Schmidt"), organisation codes of Exchange
// directories ("Mustermann, Max SIE-DE"), and places (place-names.data.ts).

// Job titles and roles, German and English, folded; feminine forms ("-in", "-innen") are derived.
// Occupations that are common family names (Koch, Richter, Müller, Schneider, Kaufmann, Meister,
// Wagner, Vogt) are left out on purpose.
const ROLE_WORDS = new Set(
  tableOf(`
    ceo, cfo, cto, coo, cio, cmo, cso, cpo, cdo, ciso, chro, vp, svp, evp, avp, gf, md, gm
    inhaber, mitinhaber, prokurist, geschäftsführer, geschäftsführender gesellschafter, gesellschafter
    vorstand, vorstandsvorsitzender, vorsitzender, aufsichtsratsvorsitzender, präsident, vizepräsident
    teamleiter, projektleiter, abteilungsleiter, bereichsleiter, gruppenleiter, niederlassungsleiter
    filialleiter, werksleiter, betriebsleiter, standortleiter, vertriebsleiter, verkaufsleiter
    einkaufsleiter, leiter, leitung, steuerberater, rechtsanwalt, rechtsanwältin, anwalt, anwältin
    notar, wirtschaftsprüfer, syndikusrechtsanwalt, fachanwalt, patentanwalt, berater, referent
    sachbearbeiter, assistent, assistentin, sekretär, sekretärin, disponent, einkäufer, verkäufer
    außendienstmitarbeiter, innendienstmitarbeiter, kundenberater, projektmanager, produktmanager
    manager, director, direktor, head, lead, chief, officer, president, vice president, chairman
    founder, co-founder, cofounder, gründer, mitgründer, owner, partner, managing partner, associate
    principal, consultant, senior consultant, advisor, adviser, specialist, spezialist, expert
    experte, engineer, ingenieur, architect, architekt, developer, entwickler, analyst, administrator
    coordinator, koordinator, representative, executive, account executive, account manager
    key account manager, sales manager, office manager, assistant, intern, praktikant, werkstudent
    trainee, azubi, auszubildender, volontär, recruiter, buyer, controller, accountant, buchhalter
    techniker, monteur, bauleiter, polier, obermonteur, meisterin, juniorpartner, seniorpartner
    senior, junior, sales, marketing, support
  `).map((word) => word.replace(/ /g, '')),
);
// Compounds ending in a role: "Vertriebsleiter", "Datenschutzbeauftragter", "Key-Account-Manager".
const ROLE_ENDINGS = tableOf(`
  leiter, leiterin, manager, managerin, berater, beraterin, referent, referentin, beauftragter
  beauftragte, assistent, assistentin, koordinator, koordinatorin, sachbearbeiter, sachbearbeiterin
  officer, director, direktor, direktorin, führer, führerin, specialist, spezialist, spezialistin
`);
const MIN_ROLE_HEAD = 3;
// Roles that are family names too ("Anna Maria Senior", "Tom Head"): a role after a comma, never
// taken off the end of a name.
const SURNAME_LIKE_ROLES = new Set(
  tableOf(`
    head, lead, senior, junior, partner, chief, owner, leiter, leitung, expert, experte, principal
    associate, officer, buyer, controller, techniker, monteur, polier, director, direktor, intern
  `),
);

const compact = (text: string) => foldName(text).replace(/ /g, '');

function isRoleCompact(word: string): boolean {
  if (ROLE_WORDS.has(word)) return true;
  if (word.endsWith('innen') && ROLE_WORDS.has(word.slice(0, -5))) return true;
  if (word.endsWith('in') && ROLE_WORDS.has(word.slice(0, -2))) return true;
  return ROLE_ENDINGS.some((ending) => word.length >= ending.length + MIN_ROLE_HEAD && word.endsWith(ending));
}

/**
 * True for a job title or role ("CEO", "Inhaberin", "Vertriebsleiter", "Account Manager");
 * `strict` leaves out those that are family names too (SURNAME_LIKE_ROLES).
 */
export function isRoleWord(text: string, strict = false): boolean {
  const word = compact(text);
  return (!strict || !SURNAME_LIKE_ROLES.has(word)) && isRoleCompact(word);
}

/** True for text made only of role words and joiners ("Inhaber & Geschäftsführer", "Head of Sales"). */
export function isRole(text: string): boolean {
  const words = text.split(/[\s&+/,]+/).filter((word) => /\p{L}/u.test(word));
  const meaningful = words.filter((word) => !/^(?:of|for|und|and|der|des|für|de|im)$/i.test(word));
  return meaningful.length > 0 && (isRoleWord(text) || meaningful.every((word) => isRoleWord(word)));
}

// Before a signature's name: "i.A." (im Auftrag), "i.V." (in Vertretung), "ppa." (per procura).
const SIGNATURE_PREFIXES = new Set(tableOf('i.A., i. A., i.V., i. V., ppa., pp., p.p., per pro., p.o.'));

/** How many leading tokens are a signature prefix ("i.A.", "i. V.", "ppa."): 0, 1 or 2. */
export function signaturePrefixLength(tokens: readonly string[]): number {
  const [a = '', b = ''] = tokens;
  if (!a.endsWith('.')) return 0;
  if (SIGNATURE_PREFIXES.has(foldName(a))) return 1;
  return b.endsWith('.') && SIGNATURE_PREFIXES.has(foldName(`${a} ${b}`)) ? 2 : 0;
}

// A household instead of a person: "Familie Schmidt", "Fam. Schmidt", "Eheleute Schmidt",
// "Herr und Frau Schmidt", "Mr. & Mrs. Smith": a family name, no first name, no salutation.
const HOUSEHOLD_WORDS = new Set(tableOf('familie, fam., eheleute, ehepaar, family, geschwister, erbengemeinschaft'));
const AND_WORDS = new Set(['und', 'u.', '&', '+', 'and']);

/** How many leading tokens say a household: "Familie" (1), "Herr und Frau" (3); 0 for none. */
export function householdPrefixLength(tokens: readonly string[]): number {
  const [a = '', b = '', c = ''] = tokens;
  if (HOUSEHOLD_WORDS.has(foldName(a)) && tokens.length > 1) return 1;
  if (salutationWord(a) === undefined) return 0;
  if (salutationWord(b) !== undefined && tokens.length > 2) return 2;
  return AND_WORDS.has(b.toLowerCase()) && salutationWord(c) !== undefined && tokens.length > 3 ? 3 : 0;
}

/**
 * True for an organisation code an Exchange directory appends to a name: "SIE", "SIE-DE",
 * "BOSCH/DE", two to six capitals with an optional two- or three-letter country or unit part.
 * Only asked about words after the given name of a name written in mixed case.
 */
export function isOrgCode(token: string): boolean {
  return /^\p{Lu}{2,6}(?:[-/]\p{Lu}{2,3})?$/u.test(token) && !isGivenName(token);
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

// Which words belong to a run of particles or titles of nobility ("von und zu", "Freifrau an der").
function particleMask(words: readonly string[]): boolean[] {
  const mask = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    const end = particleRunEnds(words, i).at(-1) ?? i;
    for (let j = i; j < end; j++) mask[j] = true;
  }
  return mask;
}
const isParticleLed = (words: readonly string[]) =>
  words.length > 1 && particleRunEnds(words, 0).includes(words.length - 1);

/**
 * Whether a section after a comma can hold the given name(s) of the name before it ("Mustermann,
 * Max", "Van der Berg, Anna-Lena", "Mustermann, Dr. Max"), rather than a job, a place, a company
 * or a code ("Max Mustermann, CEO", "…, München", "…, Bäckerei Huber", "…, IBM"). A given-name
 * section is one to three capitalised words (in capitals only when the name before is), none of
 * them a role, function or business word, the whole no place. When the part before the comma
 * itself starts with a known given name and has two words or more ("Max Mustermann"), the
 * section must hold a known given name too. `isBusinessWord` comes from the caller (it lives
 * with the company rules).
 */
export function isGivenNameSection(before: string, section: string, isBusinessWord: (word: string) => boolean) {
  const { titles, rest } = takeTitles(section.split(' ').filter((word) => /\p{L}/u.test(word)));
  const beforeWords = before.split(' ').filter((word) => word !== '' && !isTitleHead(word));
  const shouted = beforeWords.every(isAllCaps);
  const words = rest.filter((word) => !isTitleQualifier(word));
  // "Mustermann, Max SIE-DE": an organisation code after the given name.
  while (words.length > 1 && !shouted && isOrgCode(words.at(-1) ?? '')) words.pop();
  if (words.length === 0) return titles.length > 0;
  const particle = particleMask(words);
  const nameWords = words.filter((_, i) => !particle[i]);
  if (nameWords.length > 3 || isPlace(section) || isRole(words.join(' '))) return false;
  const nameLike = (word: string, i: number) =>
    /^[\p{L}'’.-]+$/u.test(word) &&
    (isCapitalised(word) || particle[i]) &&
    (!isAllCaps(word) || shouted || isGivenName(word)) &&
    !isFunctionWord(word) &&
    !isRoleWord(word) &&
    !isBusinessWord(word);
  if (!words.every(nameLike)) return false;
  const fullNameBefore = beforeWords.length >= 2 && !isParticleLed(beforeWords) && isGivenName(beforeWords[0] ?? '');
  return !fullNameBefore || words.some(isGivenName);
}
