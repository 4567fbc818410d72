// What identifies an erased person inside records that stay (a mail shared with other contacts,
// an import row, a privacy request): the needles, and the redaction of texts that contain them.
// Pure: data in, data out (issue 15, Art. 17 DSGVO).

/** Replaces what named the erased person in a record that stays. */
export const REDACTED_TEXT = '[gelöscht]';
/** What an audit entry's before/after value becomes (the entry itself stays). */
export const REDACTED_VALUE = { redacted: true } as const;

/** The strings that identify a person: addresses, phone numbers, names (at least 3 characters). */
export interface Needles {
  texts: string[];
  /** Phone numbers as digits only (at least 6), matched against a text's digits. */
  phoneDigits: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The needles of a stored contact: e-mail addresses, phone numbers, display name, first/last name, name. */
export function needlesOf(contact: Record<string, unknown>): Needles {
  const texts = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 3) texts.add(v.trim());
  };
  for (const e of (contact.emails as { address?: string }[] | undefined) ?? []) add(e.address);
  const phones: string[] = [];
  for (const key of ['businessPhones', 'homePhones']) {
    for (const p of (contact[key] as (string | { number?: string })[] | undefined) ?? []) {
      phones.push(typeof p === 'string' ? p : String(p?.number ?? ''));
    }
  }
  if (typeof contact.mobilePhone === 'string') phones.push(contact.mobilePhone);
  for (const p of phones) add(p);
  const first = contact.firstName;
  const last = contact.lastName;
  if (typeof first === 'string' && typeof last === 'string') add(`${first} ${last}`);
  add(contact.displayName);
  if (contact.kind === 'company') add(contact.name);
  else add(last);
  const phoneDigits = [...new Set(phones.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= 6))];
  return { texts: [...texts].sort((a, b) => b.length - a.length), phoneDigits };
}

/** True when `text` names the person (case-insensitive; phone numbers by their last 8 digits). */
export function mentions(text: string, needles: Needles): boolean {
  const lower = text.toLowerCase();
  if (needles.texts.some((n) => lower.includes(n.toLowerCase()))) return true;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 6 && needles.phoneDigits.some((d) => digits.includes(d.slice(-8)));
}

/** `text` with every needle replaced by REDACTED_TEXT (a phone-number mention redacts the whole text). */
export function redactText(text: string, needles: Needles): string {
  let out = text;
  for (const n of needles.texts) out = out.replace(new RegExp(escapeRegExp(n), 'gi'), REDACTED_TEXT);
  return mentions(out, { texts: [], phoneDigits: needles.phoneDigits }) ? REDACTED_TEXT : out;
}

/** A deep copy of `value` with every string redacted; `changed` tells whether anything was. */
export function redactDeep<T>(value: T, needles: Needles): { value: T; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = redactText(v, needles);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date) && !isObjectIdLike(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const out = walk(value) as T;
  return { value: out, changed };
}

const isObjectIdLike = (v: object) => typeof (v as { toHexString?: unknown }).toHexString === 'function';
