export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'de';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

// Accepts an Accept-Language header ("en-US,en;q=0.9,de;q=0.8") or a single locale ("en-GB",
// Office's displayLanguage, Teams' locale). The most preferred supported language wins; German
// when none is supported or the input is empty or malformed.
export function pickLanguage(acceptLanguageOrLocale: string | null | undefined): Language {
  if (!acceptLanguageOrLocale) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguageOrLocale
    .slice(0, 1000)
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
      return { primary, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && isLanguage(entry.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked[0]?.primary;
  return best !== undefined && isLanguage(best) ? best : DEFAULT_LANGUAGE;
}
