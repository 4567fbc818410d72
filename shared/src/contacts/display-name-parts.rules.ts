import { normalizeLine } from '../text/text.rules';
import { domainToUnicode } from './domain.rules';
import { companyKey, legalFormOf, stripLegalForm } from './legal-form.rules';
import { isFunctionName, isNameTag, isOnlyFunctionWords } from './mailbox-words.rules';

// What a display name holds besides a person's name, and where that name is: mail clients and
// directories add the company ("Max Mustermann, Musterbau", "Max Mustermann | Muster GmbH",
// "Mustermann, Max (Muster GmbH)"), group or office tags ("Mustermann, Max:GROUP", "[EXTERN]"),
// departments ("Max Mustermann - Vertrieb"), and shared mailboxes name a function instead.

export interface DisplayNameParts {
  /** The text naming a person, its commas kept ("Mustermann, Max"); absent when nothing does. */
  person?: string;
  /** A company named with its legal form ("Neue Firma GmbH"), as written. */
  company?: string;
  /** A team or function stands where a person would ("Geschäftsleitung", "Alle Mitarbeiter"). */
  functionName: boolean;
}

export interface DisplayNameContext {
  /** The sender's domain: a part naming it ("Musterbau" from musterbau.de) is the company's. */
  domain?: string | null;
  /** The address is a function mailbox, so surname-like function words count too ("Post"). */
  functionAddress?: boolean;
}

const MAX_INPUT_LENGTH = 300;
const MAX_COMPANY_LENGTH = 200;
const QUOTES = `"'„“”‚‘’«»`;
const EDGE_QUOTES = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, 'g');
const BRACKETS = /\(([^()]*)\)?|\[([^[\]]*)\]?/g;
// "| Firma", "⎥ Firma", "/ Firma", "Max/Muster/DE" (Notes), ":GROUP", "• Firma", "- Vertrieb";
// not the slash of "A/S" or a hyphenated name.
const SEPARATORS = /\s*[|¦⎥│∣｜:•·]\s*|\s+\/\s*|\s*\/\s+|(?<=\p{L}{2})\/(?=\p{L}{2})|\s+[-–—]+\s+|\s+c\/o\s+/iu;

const hasLetter = (text: string) => /\p{L}/u.test(text);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function hasLegalForm(text: string): boolean {
  const form = legalFormOf(text);
  // A two-letter family name written as one ("Anna Eg") is not the legal form "eG".
  return form !== null && !/^\p{Lu}\p{Ll}$/u.test(form.trim());
}

// "Muster UG (haftungsbeschränkt)", "Muster GmbH (i. G.)": the bracket is part of the legal form.
function completesLegalForm(before: string, bracket: string): boolean {
  const name = before.trimEnd();
  return hasLegalForm(name) && stripLegalForm(`${name} ${bracket}`) === stripLegalForm(name);
}

// The text outside brackets, then each bracket's content as a segment of its own.
function splitBrackets(text: string): string[] {
  const inner: string[] = [];
  let outer = '';
  let last = 0;
  for (const match of text.matchAll(BRACKETS)) {
    outer += text.slice(last, match.index);
    if (completesLegalForm(outer, match[0])) outer += match[0];
    else {
      outer += ' ';
      inner.push(match[1] ?? match[2] ?? '');
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

const isBareLegalForm = (text: string) => hasLegalForm(`X ${text}`) && stripLegalForm(`X ${text}`) === 'X';

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

/**
 * Splits a display name into the part naming a person, a company named with its legal form, and
 * whether a function or team is named instead of a person. The first segment (between "|", "/",
 * " - ", ":" …, or in brackets) that names someone is the person; sections after a comma that
 * name a company, a function or the sender's domain are not part of the name.
 */
export function displayNameParts(raw: string, context: DisplayNameContext = {}): DisplayNameParts {
  const text = normalizeLine(raw)
    .slice(0, MAX_INPUT_LENGTH)
    .replace(/<[^>]*>?/g, ' ');
  const segments = splitBrackets(text).flatMap((part) => part.split(SEPARATORS));
  const ownDomain = domainKeys(context.domain);
  const parts: DisplayNameParts = { functionName: false };
  const candidates: { sections: string[]; onlyDomain: boolean }[] = [];
  for (const segment of segments.map(cleanPart).filter(hasLetter)) {
    if (hasLegalForm(segment) && !stripLegalForm(segment).includes(',')) {
      parts.company ??= segment;
      continue;
    }
    const sections: string[] = [];
    for (const [i, section] of sectionsOf(segment).entries()) {
      // A department after the name ("Max Mustermann, Vertrieb Süd") or in place of it.
      const department =
        i > 0
          ? isFunctionName(section, context.functionAddress)
          : isOnlyFunctionWords(section, context.functionAddress);
      if (hasLegalForm(section)) parts.company ??= section;
      else if (department) parts.functionName = true;
      else sections.push(section);
    }
    if (sections.length === 0) continue;
    if (isFunctionName(sections.join(' '), context.functionAddress)) {
      parts.functionName = true;
      continue;
    }
    // "Max Mustermann, Musterbau" from musterbau.de; the first section stays, though
    // ("Mustermann, Max" from mustermann.de).
    const isOwnDomain = (section: string) => ownDomain.has(companyKey(section));
    const named = sections.filter((section, i) => i === 0 || !isOwnDomain(section));
    candidates.push({ sections: named, onlyDomain: sections.every(isOwnDomain) });
  }
  const chosen = candidates.find((candidate) => !candidate.onlyDomain) ?? candidates[0];
  if (chosen) {
    parts.person = chosen.sections.join(', ');
    parts.functionName = false;
  }
  if (parts.company !== undefined && parts.company.length > MAX_COMPANY_LENGTH) delete parts.company;
  return parts;
}
