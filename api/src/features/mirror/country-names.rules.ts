// Outlook keeps a contact's country as free text ("Deutschland", "Germany"); KlarKonform keeps
// an ISO 3166-1 alpha-2 code ("DE"). Names come from the runtime's CLDR data (Intl.DisplayNames),
// in German (what German users type and see) and English.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Regions CLDR names that are no country (unknown, EU, euro area, UN, outlying Oceania, pseudo-locales). */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);
let byName: Map<string, string> | undefined;
const german = new Intl.DisplayNames(['de'], { type: 'region', fallback: 'none' });
const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const fold = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A current country code: named by CLDR, not a deprecated alias (DD → DE, YU → RS) and not a grouping. */
function isCountry(code: string): boolean {
  if (NOT_COUNTRIES.has(code) || !german.of(code)) return false;
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = `${a}${b}`;
      if (!isCountry(code)) continue;
      for (const display of [german, english]) {
        const name = display.of(code);
        if (name && name !== code && !byName.has(fold(name))) byName.set(fold(name), code);
      }
    }
  }
  return byName;
}

/** The code of a country name or code in German or English ("Deutschland", "germany", "de" → "DE"); undefined if unknown. */
export function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountry(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return names().get(fold(trimmed));
}

/** The German name of a country code ("DE" → "Deutschland"); undefined for an unknown code. */
export function countryName(code: string): string | undefined {
  return /^[A-Z]{2}$/.test(code) && isCountry(code) ? german.of(code) : undefined;
}
