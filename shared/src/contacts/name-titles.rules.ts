import { isAllCaps, tableOf } from './name-words.rules';

// Academic and professional titles and the postnominals written after a name, as data.
//
// Titles (written before the name, kept as the contact's title): German usage ("Prof. Dr. med.",
// "Dr.-Ing.", "Dipl.-Kfm."), Austrian usage under § 88 UG and the Ingenieurgesetz ("DI", "Mag.",
// "Mag.a", "MMag.", "Dr.in", "DDr.", "Ing.", "Dkfm.", "Bakk.") and Swiss "lic. phil.". A title is
// recognised wherever it stands: "Mustermann, Max Dr.", "VON DER LEYEN Dr. Ursula",
// "Van der Berg, Anna-Lena, Prof. Dr. med.". Postnominals (Bachelor and Master degrees, "PhD",
// "jun.") are dropped: the contact has one title field, written before the name.

// Written forms, lower case, with their dots; each is a title in any case.
const TITLE_WORDS = new Set(
  `
  prof. prof prof.in dr. dr dr.in ddr. ddr pd pd. doz. mag. mag.a mmag. mmag.a ing. ing.in dkfm. dkff.
  bakk. lic. em. apl. hon.-prof. univ.-prof. univ.-prof.in priv.-doz. ass.-prof. ao.
  `
    .split(/\s+/)
    .filter((word) => word !== ''),
);
// Hyphenated compounds: "Dipl.-Ing.", "Dipl.Kfm.", "Dr.-Ing.", "Univ.-Prof.", "Mag.(FH)"; glued
// degrees "Dr.med.", "Dr.rer.nat.".
const TITLE_COMPOUND =
  /^(?:dipl\.?-?\p{L}|(?:prof|dr|priv|univ|mag|ass|ao|o)\.-\p{L}|(?:dr|prof)\.(?:\p{Ll}+\.)+$|mag\.\()/iu;
// Case-sensitive: "DI" (Diplom-Ingenieur, Austria) is the Italian particle "Di" in other case.
const EXACT_TITLES = new Set(['DI', 'DDI', 'DIin']);

// What may follow a title: the faculty of a doctorate, honours, the kind of school.
const TITLE_QUALIFIERS = new Set(
  `
  med. dent. vet. rer. nat. pol. oec. publ. soc. phil. jur. iur. habil. h.c. h. c. mult. sc. techn. ing.
  univ. theol. paed. agr. biol. math. mont. medic. pharm. silv. cult. troph. (fh) (tu) (th) (ba) (dh)
  (univ.) (uni) (wu) (htl) (hf) (fhs) (eth)
  `
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Bracketed qualifiers kept with a title: "Dipl.-Ing. (FH)", "Mag. (FH)". */
export const isTitleBracket = (inner: string) => TITLE_QUALIFIERS.has(`(${inner.replace(/\s+/g, '').toLowerCase()})`);

/**
 * True for a title that starts a run ("Dr.", "Dipl.-Ing.", "Mag.a", "DI"); `next` is the token
 * after it: "DI" is a title only before a name not written in capitals ("DI Stefan Gruber", not
 * "DI STEFANO Anna").
 */
export function isTitleHead(token: string, next?: string): boolean {
  if (EXACT_TITLES.has(token)) return next === undefined || !isAllCaps(next);
  const lower = token.toLowerCase();
  return TITLE_WORDS.has(lower) || TITLE_COMPOUND.test(token);
}

export const isTitleQualifier = (token: string) => TITLE_QUALIFIERS.has(token.toLowerCase());

/**
 * Takes every run of titles out of a name's tokens, wherever it stands: a head ("Prof.", "DI")
 * and its qualifiers ("Dr. rer. nat.", "Dipl.-Ing. (FH)"). Returns the titles in order and the
 * rest. In a name written all in capitals, case tells nothing, so "DI" is no title there.
 */
export function takeTitles(tokens: readonly string[]): { titles: string[]; rest: string[] } {
  const titles: string[] = [];
  const rest: string[] = [];
  const shouted = tokens.length > 1 && tokens.every((token) => isAllCaps(token) || !/\p{L}{2}/u.test(token));
  let inTitle = false;
  for (const [i, token] of tokens.entries()) {
    const head = isTitleHead(token, tokens[i + 1]) && !(shouted && EXACT_TITLES.has(token));
    if (head || (inTitle && isTitleQualifier(token))) {
      titles.push(token);
      inTitle = true;
    } else {
      rest.push(token);
      inTitle = false;
    }
  }
  return { titles, rest };
}

// Postnominals that are no family name: compared without dots, spaces and case.
const POSTNOMINALS = new Set(
  tableOf(`
    mba, emba, msc, bsc, phd, llm, llb, meng, beng, mas, mim, mbl, dba, bba, mpa, mph, mres, esq
    cpa, cfa, acca, cisa, mdb, mdl, mdep, jr, sr, bakk
  `).map((entry) => entry.replace(/ /g, '')),
);
// Postnominals that are family names too ("Amit Sen", "Li Ma", "Jun"): only as written here,
// and only after a name of at least two words ("Anna Schmidt MA", "Hans Müller sen.").
const SURNAME_LIKE_POSTNOMINALS = new Set(['MA', 'M.A.', 'BA', 'B.A.', 'jun.', 'Jun.', 'sen.', 'Sen.']);

/** True for a postnominal after `wordsBefore` words of a name ("MBA", "B.Sc.", "Ph.D."; "MA" after two). */
export function isPostnominal(token: string, wordsBefore = 2): boolean {
  if (POSTNOMINALS.has(token.toLowerCase().replace(/[.\s]/g, ''))) return true;
  return wordsBefore >= 2 && SURNAME_LIKE_POSTNOMINALS.has(token);
}
