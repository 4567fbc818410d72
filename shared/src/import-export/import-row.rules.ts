import type { ConsentChannel, ContactKind, LeadSource, LeadStatus, LegalBasis } from '../contacts/contact-enums.schema';
import { MAX_SPECIFICS_LENGTH } from '../contacts/contact-notes.schema';
import { parseDisplayName } from '../contacts/name-parser.rules';
import { displayEmail, normalizePhone, websiteDomain } from '../contacts/normalize.rules';
import { normalizeLine } from '../text/text.rules';
import { csvUnsafe } from './export-columns.rules';
import { parseGermanDate } from './german-date.rules';
import type { ImportContactPreview, ImportDefaults, ImportRowProblem, ImportTarget } from './import.schema';
import {
  CONSENT_TARGET_CHANNELS,
  readConsent,
  readCountry,
  readKind,
  readLeadSource,
  readLeadStatus,
  readLegalBasis,
  readRelationships,
  readRoles,
  readSalutation,
} from './import-values.rules';

// One row of an import file as the contact it becomes (issue 16): the cells mapped to their
// targets, read, checked against the contact's limits (contact-common.schema.ts), and the values
// for all rows added. Pure: the API links the company, checks duplicates and stores it through the
// normal create path. Errors leave the row out; warnings leave a value out or keep it as typed.

/** Longest text per target: the contact schema's limits (contact.schema.ts, contact-common.schema.ts). */
const MAX_LENGTH: Partial<Record<ImportTarget, number>> = {
  title: 40,
  firstName: 100,
  middleName: 100,
  lastName: 100,
  fullName: 200,
  companyName: 200,
  department: 100,
  position: 100,
  businessPhone: 60,
  businessPhone2: 60,
  mobilePhone: 60,
  homePhone: 60,
  homePhone2: 60,
  street: 200,
  postcode: 20,
  city: 100,
  website: 300,
  industry: 100,
  notes: MAX_SPECIFICS_LENGTH,
};
const MAX_TAG_LENGTH = 50;
const MAX_TAGS = 30;
const MAX_EMAILS = 3;

/** A single-line cell as stored: invisible characters out, line breaks as ", ", spaces collapsed. */
export function cleanLine(text: string): string {
  return normalizeLine(text)
    .replace(/\s*[\r\n\u2028\u2029]+\s*/gu, ', ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A multi-line cell (notes): line breaks kept as "\n", other control characters out. */
export function cleanText(text: string): string {
  return normalizeLine(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim();
}

/** The row's contact: the create body the API completes (company link, owner default). */
export type ImportedContact = Omit<ImportContactPreview, 'displayName' | 'companyName' | 'optOuts'>;

export interface ImportRowReading {
  /** Undefined when the row has an error (a problem of severity `error`). */
  contact?: ImportedContact;
  /** A person's company ("Firma"), to link or create. */
  companyName?: string;
  optOuts: ConsentChannel[];
  problems: ImportRowProblem[];
  /** What the file says about the contact, as stable text: the source of the row's Idempotency-Key. */
  content: string;
}

export interface ImportRowContext {
  /** The tenant user a cell names (id, e-mail or name), if any. */
  resolveOwner(text: string): string | undefined;
}

/** Cells by target; a target's column header for the problems. */
class Cells {
  private readonly values = new Map<ImportTarget, { text: string; column: string }>();
  readonly problems: ImportRowProblem[] = [];

  constructor(cells: readonly string[], mapping: readonly ImportTarget[], headers: readonly string[]) {
    mapping.forEach((target, i) => {
      if (target === 'ignore') return;
      const raw = csvUnsafe(cells[i] ?? '');
      const text = target === 'notes' ? cleanText(raw) : cleanLine(raw);
      if (text !== '') this.values.set(target, { text, column: headers[i] ?? '' });
    });
  }

  problem(code: ImportRowProblem['code'], severity: 'error' | 'warning', target?: ImportTarget): void {
    const cell = target ? this.values.get(target) : undefined;
    this.problems.push({
      code,
      severity,
      ...(target ? { target } : {}),
      ...(cell ? { column: cell.column.slice(0, 200), value: cell.text.slice(0, 200) } : {}),
    });
  }

  /** The cell's text, or undefined; over its limit an error (the row is left out). */
  get(target: ImportTarget): string | undefined {
    const text = this.values.get(target)?.text;
    const max = MAX_LENGTH[target];
    if (text !== undefined && max !== undefined && text.length > max) {
      this.problem('tooLong', 'error', target);
      return undefined;
    }
    return text;
  }

  has(target: ImportTarget): boolean {
    return this.values.has(target);
  }
}

/**
 * The addresses of a cell: one cell may hold several ("a@x.de; b@x.de", "a@x.de b@x.de"), as some CRMs
 * export them; a name before an address ("Müller, Max <max@x.de>") stays with it.
 */
function addressesIn(text: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const piece of text.split(/[;,]/)) {
    const part = `${carry}${carry ? ',' : ''}${piece}`.trim();
    if (!part.includes('@')) {
      carry = part;
      continue;
    }
    carry = '';
    const words = part.split(/\s+/);
    out.push(...(part.includes('<') || words.filter((w) => w.includes('@')).length < 2 ? [part] : words));
  }
  if (carry) out.push(carry);
  return out;
}

function readEmails(cells: Cells): string[] {
  const out: string[] = [];
  for (const target of ['email', 'email2', 'email3'] as const) {
    const text = cells.get(target);
    if (text === undefined) continue;
    for (const part of addressesIn(text)) {
      const address = displayEmail(part);
      if (address === null) {
        cells.problem('invalidEmail', 'error', target);
      } else if (!out.some((known) => known.toLowerCase() === address.toLowerCase())) {
        out.push(address);
      }
    }
  }
  if (out.length > MAX_EMAILS) cells.problem('tooManyValues', 'warning', 'email');
  return out.slice(0, MAX_EMAILS);
}

function readPhone(cells: Cells, target: ImportTarget, region: string): string | undefined {
  const text = cells.get(target);
  if (text !== undefined && !normalizePhone(text, region as 'DE')) cells.problem('invalidPhone', 'warning', target);
  return text;
}

type NameFields = Pick<ImportedContact, 'salutation' | 'title' | 'firstName' | 'lastName'>;

function readName(cells: Cells): NameFields {
  const greeting = readSalutation(cells.get('salutation') ?? '');
  const title = cells.get('title');
  const first = [cells.get('firstName'), cells.get('middleName')].filter(Boolean).join(' ');
  let lastName = cells.get('lastName');
  let firstName = first || undefined;
  let parsed: ReturnType<typeof parseDisplayName> = {};
  const full = cells.get('fullName');
  if (!lastName && full) {
    parsed = parseDisplayName(full);
    lastName = parsed.lastName ?? full;
    firstName = firstName ?? parsed.firstName;
  }
  const titles = [greeting.title, readSalutation(title ?? '').title ?? title, parsed.title].filter(Boolean);
  const salutation = greeting.salutation ?? readSalutation(title ?? '').salutation ?? parsed.salutation;
  return {
    ...(salutation ? { salutation } : {}),
    ...(titles.length > 0 ? { title: [...new Set(titles)].join(' ').slice(0, 40) } : {}),
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
  };
}

function kindOf(cells: Cells, defaults: ImportDefaults, hasPersonName: boolean): ContactKind | undefined {
  const column = cells.get('kind');
  const named = column === undefined ? undefined : readKind(column);
  if (column !== undefined && !named) cells.problem('unknownValue', 'warning', 'kind');
  if (named) return named;
  if (defaults.kind !== 'auto') return defaults.kind;
  if (hasPersonName) return 'person';
  return cells.has('companyName') ? 'company' : undefined;
}

/** Reads one row: the contact it becomes, its company, opt-outs and problems. */
export function readImportRow(
  cellsIn: readonly string[],
  mapping: readonly ImportTarget[],
  headers: readonly string[],
  defaults: ImportDefaults,
  context: ImportRowContext,
): ImportRowReading {
  const cells = new Cells(cellsIn, mapping, headers);
  const name = readName(cells);
  const kind = kindOf(cells, defaults, Boolean(name.lastName));
  const companyName = cells.get('companyName');
  const country = cells.get('country');
  const countryCode = country === undefined ? undefined : readCountry(country);
  if (country !== undefined && !countryCode) cells.problem('invalidCountry', 'warning', 'country');
  const region = countryCode ?? 'DE';
  const emails = readEmails(cells);
  const businessPhones = [readPhone(cells, 'businessPhone', region), readPhone(cells, 'businessPhone2', region)];
  const homePhones = [readPhone(cells, 'homePhone', region), readPhone(cells, 'homePhone2', region)];
  const mobilePhone = readPhone(cells, 'mobilePhone', region);
  const address = { street: cells.get('street'), postcode: cells.get('postcode'), city: cells.get('city') };
  const website = cells.get('website');
  const websiteOk = website === undefined || (/^\S+$/.test(website) && websiteDomain(website) !== null);
  if (!websiteOk) cells.problem('invalidWebsite', 'warning', 'website');
  const relationships = readRelationships(cells.get('relationships') ?? '');
  if (relationships.unknown.length > 0) cells.problem('unknownValue', 'warning', 'relationships');
  const roles = readRoles(cells.get('roles') ?? '');
  if (roles.unknown.length > 0) cells.problem('unknownValue', 'warning', 'roles');
  // Tags are separated by ";" only (Outlook's categories): a tag may contain a comma.
  const tagTexts = (cells.get('tags') ?? '')
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tagTexts.some((tag) => tag.length > MAX_TAG_LENGTH)) cells.problem('tooLong', 'warning', 'tags');
  const tags = [...new Set(tagTexts.filter((tag) => tag.length <= MAX_TAG_LENGTH))];
  const choice = <T>(target: ImportTarget, read: (text: string) => T | undefined): T | undefined => {
    const text = cells.get(target);
    const value = text === undefined ? undefined : read(text);
    if (text !== undefined && value === undefined) {
      cells.problem(target === 'customerSince' ? 'invalidDate' : 'unknownValue', 'warning', target);
    }
    return value;
  };
  const leadSource = choice<LeadSource>('leadSource', readLeadSource);
  const leadStatus = choice<LeadStatus>('leadStatus', readLeadStatus);
  const legalBasis = choice<LegalBasis>('legalBasis', readLegalBasis);
  const customerSince = choice('customerSince', parseGermanDate);
  const ownerText = cells.get('owner');
  const ownerId = ownerText === undefined ? undefined : context.resolveOwner(ownerText);
  if (ownerText !== undefined && !ownerId) cells.problem('unknownOwner', 'warning', 'owner');
  const optOuts: ConsentChannel[] = [];
  for (const [target, channel] of Object.entries(CONSENT_TARGET_CHANNELS) as [ImportTarget, ConsentChannel][]) {
    const state = choice(target, readConsent);
    if (state === 'optOut') optOuts.push(channel);
    if (state === 'granted') cells.problem('consentNotImported', 'warning', target);
  }
  const notes = cells.get('notes');
  const industry = cells.get('industry');
  const position = cells.get('position');
  const department = cells.get('department');

  const own: ImportedContact = {
    kind: kind ?? 'person',
    emails,
    businessPhones: businessPhones.filter((p): p is string => p !== undefined),
    ...(mobilePhone ? { mobilePhone } : {}),
    homePhones: homePhones.filter((p): p is string => p !== undefined),
    ...(address.street || address.postcode || address.city || countryCode
      ? { address: { ...stripUndefined(address), country: countryCode ?? 'DE' } }
      : {}),
    ...(website && websiteOk ? { website } : {}),
    relationships: relationships.values,
    roles: [],
    tags,
    ...(leadSource ? { leadSource } : {}),
    ...(leadStatus ? { leadStatus } : {}),
    ...(customerSince ? { customerSince } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(notes ? { notes } : {}),
    ...(legalBasis ? { legalBasis } : {}),
  };
  if (kind === 'company') {
    const companyTitle = companyName ?? cells.get('fullName') ?? name.lastName;
    if (companyTitle) own.name = companyTitle;
    if (industry) own.industry = industry;
  } else {
    Object.assign(own, stripUndefined({ ...name, position, department }));
    own.roles = roles.values;
  }
  if (!(own.kind === 'company' ? own.name : own.lastName)) cells.problem('missingName', 'error');
  const content = stableText({ ...own, ...(own.kind === 'person' && companyName ? { companyName } : {}), optOuts });
  const failed = cells.problems.some((p) => p.severity === 'error');
  const contact = failed ? undefined : withDefaults(own, defaults, cells);
  return {
    ...(contact ? { contact } : {}),
    ...(own.kind === 'person' && companyName ? { companyName } : {}),
    optOuts,
    problems: cells.problems,
    content,
  };
}

/** The values for all rows: relationships and tags added, lead source and owner where the row has none. */
function withDefaults(own: ImportedContact, defaults: ImportDefaults, cells: Cells): ImportedContact {
  const tags = [...new Set([...own.tags, ...defaults.tags])];
  if (tags.length > MAX_TAGS) cells.problem('tooManyValues', 'warning', 'tags');
  return {
    ...own,
    relationships: [...new Set([...own.relationships, ...defaults.relationships])],
    tags: tags.slice(0, MAX_TAGS),
    ...(own.leadSource || !defaults.leadSource ? {} : { leadSource: defaults.leadSource }),
    ...(own.ownerId || !defaults.ownerId ? {} : { ownerId: defaults.ownerId }),
  };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** JSON with sorted keys and lower-case addresses: equal for equal content, whatever the column order. */
function stableText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${k === 'emails' ? stableText((v as string[]).map((e) => e.toLowerCase())) : stableText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
