import { normalizeLine } from '../text/text.rules';
import { companyFormOf, isBusinessWord, isFirmName } from './company-name.rules';
import { domainToUnicode } from './domain.rules';
import { isGivenName } from './given-names.data';
import { companyKey, stripLegalForm } from './legal-form.rules';
import { isFunctionName, isFunctionWord, isNameTag, isOnlyFunctionWords } from './mailbox-words.rules';
import { isGivenNameSection, isRoleWord } from './name-material.rules';
import { isTitleBracket, isTitleHead, isTitleQualifier } from './name-titles.rules';
import { salutationWord } from './name-words.rules';
import { foldName } from './normalize.rules';
import { isPlace } from './place-names.data';

// What a display name holds besides a person's name, and where that name is: mail clients and
// directories add the company ("Max Mustermann, Musterbau", "Max Mustermann | Muster GmbH",
// "Mustermann, Max (Muster GmbH)"), group or office tags ("Mustermann, Max:GROUP", "[EXTERN]"),
// departments ("Max Mustermann - Vertrieb"), roles and places after a comma ("Max Mustermann,
// CEO", "…, München"), X.500 names ("CN=Max Mustermann/OU=Vertrieb"), and shared mailboxes name
// a function instead.

export interface DisplayNameParts {
  /** The text naming a person, its commas kept ("Mustermann, Max"); absent when nothing does. */
  person?: string;
  /** A company named with its legal form ("Neue Firma GmbH"), as written. */
  company?: string;
  /** A team or function stands where a person would ("Geschäftsleitung", "Alle Mitarbeiter"). */
  functionName: boolean;
  /** The address's local part spells the person ("Ana Sales" <ana.sales@…>): a person, whatever the words. */
  spelledByAddress: boolean;
}

export interface DisplayNameContext {
  /** The sender's domain: a part naming it ("Musterbau" from musterbau.de) is the company's. */
  domain?: string | null;
  /** The address is a function mailbox, so surname-like function words count too ("Post"). */
  functionAddress?: boolean;
  /** The address's local part: a segment it spells is a person's ("Ana Sales" <ana.sales@…>). */
  localPart?: string | null;
}

const MAX_INPUT_LENGTH = 300;
const MAX_COMPANY_LENGTH = 200;
const QUOTES = `"'„“”‚‘’«»`;
const EDGE_QUOTES = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, 'g');
const BRACKETS = /\(([^()]*)\)?|\[([^[\]]*)\]?|\{([^{}]*)\}?/g;
// "| Firma", "⎥ Firma", "/ Firma", "Max/Muster/DE" (Notes), ":GROUP", "• Firma", "- Vertrieb";
// not the slash of "A/S" or a hyphenated name.
// " at " and " @ " join a name and its firm ("Max Mustermann at Musterbau").
const SEPARATORS =
  /\s*[|¦⎥│∣｜:•·]\s*|\s+\/\s*|\s*\/\s+|(?<=\p{L}{2})\/(?=\p{L}{2})|\s+[-–—]+\s+|\s+c\/o\s+|\s+(?:at|@)\s+/u;
// X.500 and LDAP names ("CN=Max Mustermann/OU=Vertrieb/O=Musterbau"): the common name is the person.
const DISTINGUISHED_NAME = /^\s*(?:cn|ou|o|dc|uid)\s*=/i;
const COMMON_NAME = /(?:^|[/,;+])\s*cn\s*=\s*([^/,;+]*)/i;

const hasLetter = (text: string) => /\p{L}/u.test(text);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

// A legal form that makes the text a firm's (company-name.rules.ts: "Anna Sas" is a person).
const hasLegalForm = (text: string) => companyFormOf(text) !== null;

// Brackets that belong where they stand: part of the legal form ("Muster UG (haftungsbeschränkt)",
// "Muster GmbH (i. G.)"), of a title ("Dipl.-Ing. (FH)"), or of a firm's name when its legal form
// follows ("Neue Firma (Schweiz) AG").
function staysInline(before: string, bracket: string, inner: string, after: string): boolean {
  const name = before.trimEnd();
  if (hasLegalForm(name) && stripLegalForm(`${name} ${bracket}`) === stripLegalForm(name)) return true;
  const previous = name.split(' ').at(-1) ?? '';
  if (isTitleBracket(inner) && (isTitleHead(previous) || isTitleQualifier(previous))) return true;
  const rest = after.split(SEPARATORS)[0] ?? '';
  const closed = /[)\]}]$/.test(bracket) && /^\s*\p{L}/u.test(rest);
  return closed && !hasLegalForm(name) && hasLegalForm(`${name} ${bracket}${rest}`);
}

// The text outside brackets, then each bracket's content as a segment of its own.
function splitBrackets(text: string): string[] {
  const inner: string[] = [];
  let outer = '';
  let last = 0;
  for (const match of text.matchAll(BRACKETS)) {
    outer += text.slice(last, match.index);
    const content = match[1] ?? match[2] ?? match[3] ?? '';
    const after = text.slice(match.index + match[0].length);
    if (staysInline(outer, match[0], content, after)) outer += match[0];
    else {
      outer += ' ';
      inner.push(content);
    }
    last = match.index + match[0].length;
  }
  return [outer + text.slice(last), ...inner];
}

function cleanPart(part: string): string {
  const words = squash(part.replace(EDGE_QUOTES, ''))
    .replace(/^[,;]+|[,;]+$/g, '')
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && isNameTag(words[0] ?? '')) words.shift();
  while (words.length > 1 && isNameTag(words.at(-1) ?? '')) words.pop();
  return squash(words.join(' ').replace(EDGE_QUOTES, ''));
}

const isBareLegalForm = (text: string) => hasLegalForm(`Xyz ${text}`) && stripLegalForm(`Xyz ${text}`) === 'Xyz';

// Sections between commas; a bare legal form joins the section before it ("Samsung Co., Ltd.").
function sectionsOf(segment: string): string[] {
  const sections: string[] = [];
  for (const section of segment.split(/\s*[,;]\s*/).map(cleanPart)) {
    const previous = sections.at(-1);
    if (previous !== undefined && isBareLegalForm(section)) {
      sections[sections.length - 1] = `${previous}, ${section}`;
    } else sections.push(section);
  }
  return sections.filter((section) => hasLetter(section) && !section.includes('@') && !isNameTag(section));
}

function domainKeys(domain: string | null | undefined): Set<string> {
  const labels = domainToUnicode(domain ?? '')
    .split('.')
    .slice(0, -1);
  return new Set(labels.map((label) => companyKey(label)).filter((key) => key.length > 1));
}

/** True when the text is the name of a label of the domain ("Musterbau" from info@musterbau.de). */
export function namesDomain(text: string, domain: string | null | undefined): boolean {
  const key = companyKey(text);
  return key !== '' && domainKeys(domain).has(key);
}

const isMaterialWord = (word: string) => isFunctionWord(word) || isRoleWord(word);

// "Ana Sales" <ana.sales@…>, "Sales, Ana" <ana.sales@…>: the address spells the name, in either
// order, and its given name is no function word ("Konferenzraum Berlin" <konferenzraum.berlin@…>
// is a room).
function spelledBy(local: string | null | undefined, segment: string): boolean {
  const spelled =
    (local ?? '')
      .split('+')[0]
      ?.split(/[._-]+/)
      .filter(Boolean) ?? [];
  const words = foldName(segment).split(' ').filter(Boolean);
  if (spelled.length < 2 || words.length !== spelled.length) return false;
  if (words.join(' ') !== spelled.join(' ') && words.join(' ') !== [...spelled].reverse().join(' ')) return false;
  const given = (segment.includes(',') ? segment.slice(segment.indexOf(',') + 1) : segment).trim().split(' ')[0] ?? '';
  return !isMaterialWord(given);
}

/**
 * A person named amid function or role words at the edges ("Max Mustermann Vertrieb",
 * "Geschäftsführer Max Mustermann", "Mustermann, Max Vertrieb"): the name without them, when it is
 * at least two words, holds no further such word, and starts (in "Last, First" the second part
 * starts) with a known given name; else undefined.
 */
function personAmidFunctionWords(sections: string[]): string[] | undefined {
  const trimmed = sections.map((section) => {
    const words = section.split(' ');
    let start = 0;
    let end = words.length;
    while (start < end && isMaterialWord(words[start] ?? '')) start++;
    while (end > start && isMaterialWord(words[end - 1] ?? '')) end--;
    return words.slice(start, end);
  });
  if (trimmed.some((words) => words.length === 0 || words.some(isMaterialWord))) return undefined;
  if (trimmed.flat().length < 2) return undefined;
  const given = (trimmed.length > 1 ? trimmed[1] : trimmed[0]) ?? [];
  const first = given.find((word) => salutationWord(word) === undefined && !isTitleHead(word)) ?? '';
  return isGivenName(first) ? trimmed.map((words) => words.join(' ')) : undefined;
}

interface Candidate {
  sections: string[];
  onlyDomain: boolean;
  spelled: boolean;
}

/**
 * Splits a display name into the part naming a person, a company named with its legal form or as a
 * firm ("Müller & Söhne", "Praxis Dr. Schmidt"), and whether a function or team is named instead
 * of a person. The first segment (between "|", "/", " - ", ":", " at " …, or in brackets) that names
 * someone is the person; sections after a comma that name a company, a function, a role, a place
 * or the sender's domain are not part of the name (name-material.rules.ts), and neither is a
 * segment that is only a place ("Neue Firma AG (CH)").
 */
export function displayNameParts(raw: string, context: DisplayNameContext = {}): DisplayNameParts {
  let text = normalizeLine(raw)
    .slice(0, MAX_INPUT_LENGTH)
    .replace(/<[^>]*>?/g, ' ');
  if (DISTINGUISHED_NAME.test(text)) text = COMMON_NAME.exec(text)?.[1] ?? '';
  const segments = splitBrackets(text).flatMap((part) => part.split(SEPARATORS));
  const ownDomain = domainKeys(context.domain);
  const parts: DisplayNameParts = { functionName: false, spelledByAddress: false };
  const candidates: Candidate[] = [];
  for (const segment of segments.map(cleanPart).filter(hasLetter)) {
    if (spelledBy(context.localPart, segment)) {
      candidates.push({ sections: [segment], onlyDomain: false, spelled: true });
      continue;
    }
    if ((hasLegalForm(segment) && !stripLegalForm(segment).includes(',')) || isFirmName(segment)) {
      parts.company ??= segment;
      continue;
    }
    const sections: string[] = [];
    for (const section of sectionsOf(segment)) {
      const first = sections[0];
      // A department after the name ("Max Mustermann, Vertrieb Süd") or in place of it.
      const department =
        first !== undefined
          ? isFunctionName(section, context.functionAddress)
          : isOnlyFunctionWords(section, context.functionAddress);
      if (hasLegalForm(section) || isFirmName(section)) parts.company ??= section;
      else if (department) parts.functionName = true;
      else if (first === undefined || isGivenNameSection(first, section, isBusinessWord)) sections.push(section);
    }
    if (sections.length === 0) continue;
    if (isFunctionName(sections.join(' '), context.functionAddress)) {
      const person = context.functionAddress ? undefined : personAmidFunctionWords(sections);
      parts.functionName ||= person === undefined;
      if (person) candidates.push({ sections: person, onlyDomain: false, spelled: false });
      continue;
    }
    // "Max Mustermann, Musterbau" from musterbau.de; the first section stays, though
    // ("Mustermann, Max" from mustermann.de).
    const isOwnDomain = (section: string) => ownDomain.has(companyKey(section));
    const named = sections.filter((section, i) => i === 0 || !isOwnDomain(section));
    candidates.push({ sections: named, onlyDomain: sections.every(isOwnDomain), spelled: false });
  }
  // "Neue Firma AG (CH)", "Max Mustermann (München)": a place beside a firm or a name is none.
  const named = candidates.filter((candidate) => !isPlace(candidate.sections.join(' ')));
  const people = named.length > 0 || parts.company !== undefined ? named : candidates;
  const chosen =
    people.find((candidate) => candidate.spelled) ?? people.find((candidate) => !candidate.onlyDomain) ?? people[0];
  if (chosen) {
    parts.person = chosen.sections.join(', ');
    parts.functionName = false;
    parts.spelledByAddress = chosen.spelled;
  }
  if (parts.company !== undefined && parts.company.length > MAX_COMPANY_LENGTH) delete parts.company;
  return parts;
}
