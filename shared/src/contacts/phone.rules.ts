import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizeLine } from '../text/text.rules';

// Phone numbers as typed ("030 1234-56 Durchwahl 12") read into E.164, region DE by default.

export interface NormalizedPhone {
  e164: string;
  extension?: string;
}

// German offices write extensions as "Durchwahl 12", "DW 12", "App. 12"; libphonenumber only
// knows the English forms, so the extension is cut off here first. A hyphenated tail such as
// "030 1234-56" stays part of the number: dialled in full it reaches the extension directly.
const EXTENSION_PATTERN =
  /[\s,;/]*(?:durchwahl|durchw\.?|dw\.?|apparat|app\.?|nebenstelle|nst\.?|extension|ext\.?|x|#)\s*[:.]?\s*(\d{1,6})\s*$/i;
const MAX_PHONE_INPUT = 100;

export function normalizePhone(input: string, region: CountryCode = 'DE'): NormalizedPhone | null {
  const raw = normalizeLine(input);
  if (raw.length > MAX_PHONE_INPUT) return null;
  const match = EXTENSION_PATTERN.exec(raw);
  const numberPart = match ? raw.slice(0, match.index) : raw;
  if (!/\d/.test(numberPart)) return null;
  const parsed = parsePhoneNumberFromString(numberPart, region);
  if (!parsed?.isValid()) return null;
  const extension = match?.[1] ?? parsed.ext;
  return extension ? { e164: parsed.number, extension } : { e164: parsed.number };
}

// Digits for search: the international digits when the input parses, else the digits typed
// (so a partial number still narrows a search).
export function phoneDigits(raw: string, region: CountryCode = 'DE'): string {
  const normalized = normalizePhone(raw, region);
  return normalized ? normalized.e164.slice(1) : raw.replace(/\D/g, '');
}

// Both the international and the national form ("4930123456", "030123456"), so a prefix
// search matches whichever way the user types the number.
export function phoneSearchDigits(raw: string, region: CountryCode = 'DE'): string[] {
  const normalized = normalizePhone(raw, region);
  if (!normalized) return [];
  const parsed = parsePhoneNumberFromString(normalized.e164);
  const national = parsed ? `0${parsed.nationalNumber}` : undefined;
  const digits = [normalized.e164.slice(1)];
  if (national && parsed?.country === region) digits.push(national);
  return digits;
}
