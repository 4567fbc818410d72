import { koelnerPhonetik } from './koelner-phonetik.rules';
import { foldName } from './normalize.rules';

// How a contact is found by the sound of its name (Kölner Phonetik, koelner-phonetik.rules.ts):
// which codes are stored beside it and which code a typed word is searched by. Short codes say
// little ("Mai", "Rau" are one digit; "Anna", "Emma", "Jan" and "Hannah" all 06), so they are left
// out where they would mostly find unrelated names.

/** Fewest letters a typed word needs before it is also searched by sound. */
export const MIN_PHONETIC_WORD = 3;
/** Fewest digits of a phonetic code that is stored and searched ("Meier" is 67). */
export const MIN_PHONETIC_CODE = 2;
/**
 * Fewest digits of a first name's code searched by sound: "Karl" finds "Carl" (475), but a
 * family name "Meier" (67) does not find every "Marie", nor "Ahn" every "Anna" (06).
 */
export const MIN_FIRST_NAME_CODE = 3;
/** Stored first-name codes carry this mark, so they are searched after family and company names. */
export const FIRST_NAME_SOUND = 'f:';

/**
 * The Kölner Phonetik code a search word is matched by ("meier" → "67", like Meyer and Maier),
 * or "" when the word has fewer than MIN_PHONETIC_WORD letters or its code fewer than
 * MIN_PHONETIC_CODE digits.
 */
export function phoneticSearchCode(word: string): string {
  if (foldName(word).replace(/[^a-z]/g, '').length < MIN_PHONETIC_WORD) return '';
  const code = koelnerPhonetik(word);
  return code.length >= MIN_PHONETIC_CODE ? code : '';
}

/** The stored key of a first name's sound for a search code ("f:475"), or "" when too short. */
export function firstNameSoundKey(code: string): string {
  return code.length >= MIN_FIRST_NAME_CODE ? `${FIRST_NAME_SOUND}${code}` : '';
}

/** The name material of a contact that its phonetic keys come from (search-keys.rules.ts). */
export interface PhoneticNames {
  /** Folded words of the first name (its parts and their join). */
  firstTokens: readonly string[];
  /** Folded words of the last name, or of the company name and its key. */
  familyTokens: readonly string[];
  phoneticFirst: string;
  phoneticLast: string;
  phoneticCompany: string;
}

/**
 * The phonetic keys of a contact: the code of each family-name or company word, of the last name
 * without particles and of the company key, plain ("67"); the code of each first-name word and
 * of the whole first name marked ("f:475"). Codes shorter than the minimums are left out.
 */
export function phoneticKeysOf(names: PhoneticNames): string[] {
  const family = [...names.familyTokens.map(koelnerPhonetik), names.phoneticLast, names.phoneticCompany].filter(
    (code) => code.length >= MIN_PHONETIC_CODE,
  );
  const first = [...names.firstTokens.map(koelnerPhonetik), names.phoneticFirst].map(firstNameSoundKey);
  return [...new Set([...family, ...first].filter((key) => key !== ''))];
}
