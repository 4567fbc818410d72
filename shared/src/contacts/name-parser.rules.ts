import type { Salutation } from './contact-enums.schema';
import { stripLegalForm } from './legal-form.rules';
import {
  PARTICLES,
  capitalizeWord,
  isAllCaps,
  isInitials,
  isPostnominal,
  isRoleWord,
  isTitleToken,
  salutationWord,
} from './name-words.rules';
import { emailLocalPart, foldName } from './normalize.rules';

export interface ParsedName {
  salutation?: Salutation;
  title?: string;
  firstName?: string;
  lastName?: string;
}

interface NameParts {
  salutation?: Salutation;
  titles: string[];
  first: string[];
  last: string[];
}

const MAX_INPUT_LENGTH = 300;
const QUOTES = `"'„“”‚‘’«»`;
const EDGE_QUOTES = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, 'g');

// Take off what mail clients put around a name: quotes, an address in angle brackets,
// "(Muster GmbH)", "| Muster GmbH", "- Vertrieb".
function cleanDisplayName(raw: string): string {
  const cleaned = raw
    .slice(0, MAX_INPUT_LENGTH)
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .split(/\s[|–—-]\s|\s\/\s/)[0]
    ?.replace(EDGE_QUOTES, '')
    .replace(/\s+/g, ' ')
    .replace(/^[,;\s]+|[,;\s]+$/g, '');
  return cleaned === undefined || cleaned.includes('@') ? '' : cleaned;
}

function looksLikeOrganisation(name: string): boolean {
  return stripLegalForm(name) !== name || name.split(' ').some(isRoleWord);
}

const hasLetter = (token: string) => /\p{L}/u.test(token);

// Leading salutation and title words, trailing postnominals ("MBA"); the rest is the name.
function peel(text: string, parts: NameParts): string[] {
  const tokens = text.split(' ').filter(hasLetter);
  while (tokens.length > 0) {
    const token = tokens[0] ?? '';
    const salutation = salutationWord(token);
    if (salutation !== undefined && parts.salutation === undefined && tokens.length > 1) {
      parts.salutation = salutation;
    } else if (isTitleToken(token, parts.titles.length > 0)) {
      parts.titles.push(token);
    } else break;
    tokens.shift();
  }
  while (tokens.length > 1 && isPostnominal(tokens.at(-1) ?? '')) tokens.pop();
  return tokens;
}

// First name(s), then the last name; a particle starts the last name ("Max von Mustermann").
function splitFirstLast(tokens: string[]): { first: string[]; last: string[] } {
  const particle = tokens.findIndex(
    (token, i) => i >= 1 && i < tokens.length - 1 && PARTICLES.has(token.toLowerCase()),
  );
  const cut = particle > 0 ? particle : tokens.length - 1;
  return { first: tokens.slice(0, cut), last: tokens.slice(cut) };
}

function partsFromDisplayName(name: string): NameParts {
  const parts: NameParts = { titles: [], first: [], last: [] };
  const sections = name
    .split(',')
    .map((section) => section.trim())
    .filter(hasLetter);
  while (sections.length > 1 && (sections.at(-1) ?? '').split(' ').every(isPostnominal)) {
    sections.pop();
  }
  if (sections.length === 2) {
    // "Mustermann, Max" and "Mustermann, Dr. Max"
    parts.last = peel(sections[0] ?? '', parts);
    parts.first = peel(sections[1] ?? '', parts);
    return parts;
  }
  const tokens = peel(sections.join(' '), parts);
  const [head, ...tail] = tokens;
  if (head !== undefined && isAllCaps(head) && tail.some((token) => !isAllCaps(token))) {
    // "MUSTERMANN Max": the upper-case word is the last name, written first.
    return { ...parts, first: tail, last: [head] };
  }
  return { ...parts, ...splitFirstLast(tokens) };
}

function partsFromLocalPart(email: string): NameParts {
  const none: NameParts = { titles: [], first: [], last: [] };
  const local = emailLocalPart(email)?.split('+')[0];
  if (local === undefined || isRoleWord(local)) return none;
  let segments = local
    .split(/[._]+/)
    .map((segment) => segment.replace(/[^a-z'-]/g, '').replace(/^[-']+|[-']+$/g, ''))
    .filter(hasLetter);
  // "max-mustermann" is first-last; "anna-lena.meier" keeps its double name.
  if (segments.length === 1) {
    const halves = (segments[0] ?? '').split('-').filter(hasLetter);
    segments = halves.length === 2 ? halves : [];
  }
  if (segments.length < 2 || segments.some(isRoleWord)) return none;
  return { ...none, ...splitFirstLast(segments) };
}

function joinName(tokens: string[], isLastName: boolean): string | undefined {
  if (tokens.length === 0 || tokens.every(isInitials)) return undefined;
  const words = tokens.map((token, i) =>
    isLastName && i < tokens.length - 1 && PARTICLES.has(token.toLowerCase())
      ? token.toLowerCase()
      : capitalizeWord(token),
  );
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

// Suggests salutation, title and names for a new contact from an email's display name and
// address. Only what the input supports is returned: no gender guessed from a first name, no
// initial taken for a first name, nothing for role mailboxes (info@, vertrieb@, …).
export function parseDisplayName(displayName: string | null | undefined, email?: string | null): ParsedName {
  const fromAddress = toParsedName(email ? partsFromLocalPart(email) : { titles: [], first: [], last: [] });
  const cleaned = cleanDisplayName(displayName ?? '');
  if (cleaned === '') return fromAddress;
  if (looksLikeOrganisation(cleaned)) return fromAddress;
  const parsed = toParsedName(partsFromDisplayName(cleaned));
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
