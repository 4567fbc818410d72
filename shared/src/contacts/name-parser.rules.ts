import { looksLikeBrand } from './company-name.rules';
import type { Salutation } from './contact-enums.schema';
import { displayNameParts, namesDomain } from './display-name-parts.rules';
import { isGivenName } from './given-names.data';
import { isFunctionLocalPart, isFunctionName } from './mailbox-words.rules';
import { isMailingListSender } from './mailing-list.rules';
import { householdPrefixLength, isOrgCode, isRoleWord, signaturePrefixLength } from './name-material.rules';
import { isPostnominal, takeTitles } from './name-titles.rules';
import {
  capitalizeWord,
  isAllCaps,
  isInitials,
  isNameJoiner,
  isNobilityWord,
  particleRunEnds,
  salutationWord,
} from './name-words.rules';
import { emailDomain, emailLocalPart, foldName } from './normalize.rules';

export interface ParsedName {
  salutation?: Salutation;
  title?: string;
  firstName?: string;
  lastName?: string;
}

/** What a sender's display name and address say about who wrote. */
export interface SenderReading {
  /** The person's name; empty for shared mailboxes, companies and mailing lists. */
  name: ParsedName;
  /** A company the display name names with its legal form ("Neue Firma GmbH"), as written. */
  company?: string;
  /** No person, but a function or team: "Geschäftsleitung", info@, vertrieb@, noreply@. */
  functionMailbox: boolean;
  /** The mail came through a list: the address is the list's, the name a member's. */
  mailingList: boolean;
}

interface NameParts {
  salutation?: Salutation;
  titles: string[];
  first: string[];
  last: string[];
  /** "Familie Schmidt", "Herr und Frau Schmidt": a family name only. */
  household?: boolean;
}

const none = (): NameParts => ({ titles: [], first: [], last: [] });
const hasLetter = (token: string) => /\p{L}/u.test(token);
// "HR", "FR", "MS" in capitals are a department, a country, a company, not "Hr." or "Fr.".
const isShoutedAbbreviation = (token: string, shouted: boolean) => !shouted && /^\p{Lu}{2}$/u.test(token);

// Signature prefixes ("i.A.") and households ("Familie") first, titles wherever they stand
// (name-titles.rules.ts), a leading salutation, then at the end postnominals ("MBA", "MA" after
// two words), an org code with a country ("SIE-DE") and a role ("CEO"); the rest is the name.
// `wordsBefore` counts the words of the name already read (the family name before a comma).
function peel(text: string, parts: NameParts, wordsBefore = 0): string[] {
  let tokens = text.split(' ').filter((token) => token !== '');
  tokens = tokens.slice(signaturePrefixLength(tokens));
  const household = householdPrefixLength(tokens);
  if (household > 0) parts.household = true;
  const { titles, rest } = takeTitles(tokens.slice(household).filter(hasLetter));
  parts.titles.push(...titles);
  tokens = rest;
  const shouted = tokens.every(isAllCaps);
  const salutation = tokens.length > 1 ? salutationWord(tokens[0] ?? '') : undefined;
  if (salutation !== undefined && parts.salutation === undefined && !isShoutedAbbreviation(tokens[0] ?? '', shouted)) {
    parts.salutation = salutation;
    tokens.shift();
  }
  const named = () => tokens.length - 1 + wordsBefore;
  const last = () => tokens.at(-1) ?? '';
  for (;;) {
    if (tokens.length > 1 && isPostnominal(last(), named())) tokens.pop();
    else if (tokens.length > 2 && !shouted && /^\p{Lu}{2,6}-\p{Lu}{2}$/u.test(last())) tokens.pop();
    else if (tokens.length > 2 && isRoleWord(last(), true)) tokens.pop();
    else break;
  }
  while (tokens.length > 2 && isRoleWord(tokens[0] ?? '', true)) tokens.shift();
  return tokens;
}

// The end of the longest particle run from `start` that still leaves a name after it.
function particleRunEnd(tokens: readonly string[], start: number): number | undefined {
  return particleRunEnds(tokens, start)
    .filter((end) => end < tokens.length)
    .at(-1);
}

// First name(s), then the last name, which starts at the first particle or title of nobility
// ("Max von Mustermann", "Elke Freifrau an der Elster"), else is the last word. A name that starts
// with a particle is all last name when the particle is written in lower case, spans several
// words, or follows a salutation or title ("Herr von Brandt"); "Van Morrison" keeps a first name.
// A title of nobility written before the given name joins the family name it belongs to
// ("Fürstin Gloria von Thurn und Taxis" = Gloria Fürstin von Thurn und Taxis), and before a
// single word is all last name ("Graf Lambsdorff", "Prinz Charles").
function splitFirstLast(tokens: string[], afterPrefix: boolean): { first: string[]; last: string[] } {
  const head = tokens[0] ?? '';
  if (tokens.length > 1 && isNobilityWord(head) && /^\p{Lu}/u.test(head) && particleRunEnd(tokens, 0) === 1) {
    if (tokens.length === 2) return { first: [], last: tokens };
    const rest = splitFirstLast(tokens.slice(1), false);
    if (rest.first.length > 0) return { first: rest.first, last: [head, ...rest.last] };
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    const end = particleRunEnd(tokens, i);
    if (end === undefined) continue;
    const startsName = afterPrefix || end >= 2 || /^\p{Ll}/u.test(tokens[0] ?? '');
    if (i > 0 || startsName) return { first: tokens.slice(0, i), last: tokens.slice(i) };
  }
  const cut = tokens.length - 1;
  return { first: tokens.slice(0, cut), last: tokens.slice(cut) };
}

// "MUSTERMANN Max", "VON DER LEYEN Ursula": upper-case words written first are the last name.
function upperCaseLastName(tokens: string[]): { first: string[]; last: string[] } | undefined {
  const lower = tokens.findIndex((token) => !isAllCaps(token));
  if (lower > 1 && particleRunEnds(tokens, 0).includes(lower - 1)) {
    return { first: tokens.slice(lower), last: tokens.slice(0, lower) };
  }
  const [head, ...tail] = tokens;
  if (head !== undefined && isAllCaps(head) && tail.some((token) => !isAllCaps(token))) {
    return { first: tail, last: [head] };
  }
  return undefined;
}

// "Habicht, Hans vorm", "Leyen, Ursula von der" (DIN 5007-2): particles after the first name.
function trailingParticlesStart(first: string[]): number {
  for (let i = 1; i < first.length; i++) {
    if (particleRunEnds(first, i).includes(first.length)) return i;
  }
  return first.length;
}

// "Max Mustermann, Musterbau" <max.mustermann@…>: the address names the first section's person.
function addressNames(section: string, address: NameParts): boolean {
  if (address.first.length === 0 || address.last.length === 0) return false;
  const tokens = peel(section, none());
  return foldName(tokens.join(' ')) === foldName([...address.first, ...address.last].join(' '));
}

// A section after a comma that holds only titles or postnominals ("…, Prof. Dr. med.", "…, MBA").
function titlesOnly(section: string, wordsBefore: number, parts: NameParts): boolean {
  const { titles, rest } = takeTitles(section.split(' ').filter(hasLetter));
  if (!rest.every((token) => isPostnominal(token, wordsBefore))) return false;
  parts.titles.push(...titles);
  return true;
}

function partsFromDisplayName(name: string, address: NameParts): NameParts {
  const parts = none();
  const sections = name
    .split(',')
    .map((section) => section.trim())
    .filter(hasLetter);
  const wordsOf = (upTo: number) => sections.slice(0, upTo).join(' ').split(' ').length;
  for (let i = sections.length - 1; i > 0; i--) {
    if (titlesOnly(sections[i] ?? '', wordsOf(i), parts)) sections.splice(i, 1);
  }
  if (sections.length > 1 && addressNames(sections[0] ?? '', address)) sections.splice(1);
  if (sections.length === 2) {
    // "Mustermann, Max", "Mustermann, Dr. Max", "von Brandt, Hans", "Brandt, Hans von"
    const last = peel(sections[0] ?? '', parts);
    const first = peel(sections[1] ?? '', parts, last.length);
    // "Mustermann, Max SIE-DE": an Exchange directory's organisation code after the given name.
    while (first.length > 1 && !last.every(isAllCaps) && isOrgCode(first.at(-1) ?? '')) first.pop();
    const cut = trailingParticlesStart(first);
    const result = { ...parts, first: first.slice(0, cut), last: [...first.slice(cut), ...last] };
    return parts.household ? { ...result, first: [] } : result;
  }
  const tokens = peel(sections.join(' '), parts);
  const afterPrefix = parts.salutation !== undefined || parts.titles.length > 0;
  const split = upperCaseLastName(tokens) ?? splitFirstLast(tokens, afterPrefix || parts.household === true);
  return parts.household ? { ...parts, first: [], last: split.last } : { ...parts, ...split };
}

function partsFromLocalPart(local: string): NameParts {
  let segments = (local.split('+')[0] ?? '')
    .split(/[._]+/)
    .map((segment) => segment.replace(/[^a-z'-]/g, '').replace(/^[-']+|[-']+$/g, ''))
    .filter(hasLetter);
  // "max-mustermann" is first-last; "anna-lena.meier" keeps its double name.
  if (segments.length === 1) {
    const halves = (segments[0] ?? '').split('-').filter(hasLetter);
    segments = halves.length === 2 ? halves : [];
  }
  if (segments.length < 2) return none();
  return { ...none(), ...splitFirstLast(segments, false) };
}

// Particles keep the case they are written in ("von", "Van"), unless shouted ("VON" → "von");
// titles of nobility and the names themselves get the usual capitals; "und" inside a name stays
// lower case ("von Thurn und Taxis").
function lastNameWords(tokens: string[]): string[] {
  const words = tokens.map((token, i) =>
    i > 0 && i < tokens.length - 1 && isNameJoiner(token) ? token : capitalizeWord(token),
  );
  let i = 0;
  while (i < tokens.length - 1) {
    const end = particleRunEnd(tokens, i);
    if (end === undefined) {
      i++;
      continue;
    }
    for (let j = i; j < end; j++) {
      const token = tokens[j] ?? '';
      words[j] = isNobilityWord(token) ? capitalizeWord(token) : isAllCaps(token) ? token.toLowerCase() : token;
    }
    i = end;
  }
  return words;
}

function joinName(tokens: string[], isLastName: boolean): string | undefined {
  if (tokens.length === 0 || tokens.every(isInitials)) return undefined;
  const words = isLastName ? lastNameWords(tokens) : tokens.map(capitalizeWord);
  const name = words.join(' ').trim();
  return name === '' ? undefined : name;
}

function toParsedName(parts: NameParts): ParsedName {
  const result: ParsedName = {};
  if (parts.salutation) result.salutation = parts.salutation;
  if (parts.titles.length > 0) result.title = parts.titles.join(' ');
  const firstName = joinName(parts.first, false);
  const lastName = joinName(parts.last, true);
  if (firstName) result.firstName = firstName;
  if (lastName) result.lastName = lastName;
  return result;
}

const sameName = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && foldName(a) === foldName(b);

// The display name's person, completed or reordered by what the address says.
function personName(text: string, address: NameParts): ParsedName {
  const fromAddress = toParsedName(address);
  const parsed = toParsedName(partsFromDisplayName(text, address));
  if (parsed.firstName === undefined && parsed.lastName === undefined) return fromAddress;
  if (sameName(parsed.firstName, fromAddress.lastName) && sameName(parsed.lastName, fromAddress.firstName)) {
    // "Mustermann Max" <max.mustermann@…>: the address shows the order.
    return { ...parsed, firstName: parsed.lastName, lastName: parsed.firstName };
  }
  if (parsed.firstName === undefined) {
    // "Mustermann" or "Herr Mustermann" <max.mustermann@…>: the address knows the first name;
    // "Max" <max.mustermann@…>: the display name was the first name.
    if (sameName(parsed.lastName, fromAddress.lastName) && fromAddress.firstName) {
      return { ...parsed, firstName: fromAddress.firstName };
    }
    if (sameName(parsed.lastName, fromAddress.firstName) && fromAddress.lastName) {
      return { ...parsed, firstName: parsed.lastName, lastName: fromAddress.lastName };
    }
  }
  return parsed;
}

const hasPerson = (name: ParsedName) => name.firstName !== undefined || name.lastName !== undefined;

// From a function address (info@, noreply@) a display name names a person only with something a
// person has: a salutation, a title, or a known given name (given-names.data.ts); not when it is the domain's name or
// shaped like a brand ("Musterbau" <info@musterbau.de>, "Deutsche Bahn" <noreply@bahn.de>,
// "SharePoint Online", "Amazon.de").
function isPersonBehindFunctionAddress(name: ParsedName, text: string, domain: string | null): boolean {
  if (namesDomain(text, domain) || looksLikeBrand(text)) return false;
  const words = `${name.firstName ?? ''} ${name.lastName ?? ''}`.split(' ');
  return name.salutation !== undefined || name.title !== undefined || words.some(isGivenName);
}

/**
 * Reads who sent a mail from its display name and address. Only what the input supports is
 * returned: no gender guessed from a first name, no initial taken for a first name, no person
 * for shared mailboxes (display name or address: "Geschäftsleitung", info@, noreply@) and none
 * for mail through a list ("'Max Mustermann' via Liste": the address is the list's). A display
 * name the address spells is a person whatever its words ("Ana Sales" <ana.sales@…>); one from a
 * function address that is no person (isPersonBehindFunctionAddress) is the company's name.
 */
export function readSender(displayName: string | null | undefined, email?: string | null): SenderReading {
  const raw = displayName ?? '';
  if (isMailingListSender(raw, email)) return { name: {}, functionMailbox: false, mailingList: true };
  const local = email ? emailLocalPart(email) : null;
  const domain = email ? emailDomain(email) : null;
  const functionLocal = local !== null && isFunctionLocalPart(local);
  const display = displayNameParts(raw, { domain, functionAddress: functionLocal, localPart: local });
  const functionAddress = functionLocal && !display.spelledByAddress;
  const address = local === null || functionAddress ? none() : partsFromLocalPart(local);
  let name = display.person === undefined ? toParsedName(address) : personName(display.person, address);
  let company = display.company;
  if (functionAddress && display.person !== undefined && !isPersonBehindFunctionAddress(name, display.person, domain)) {
    name = {};
    if (!isFunctionName(display.person, true)) company ??= display.person;
  }
  const functionMailbox = !hasPerson(name) && (display.functionName || functionAddress);
  return { name, ...(company ? { company } : {}), functionMailbox, mailingList: false };
}

/** The person's name for a new contact from an e-mail's display name and address (see readSender). */
export function parseDisplayName(displayName: string | null | undefined, email?: string | null): ParsedName {
  return readSender(displayName, email).name;
}
