// Titles of the API's problem responses, German first. Keyed by the stable
// problem code the API puts in `code`.
export const PROBLEM_TITLES = {
  de: {
    validation: 'Eingabe ungültig',
    unauthorized: 'Anmeldung erforderlich',
    invalidToken: 'Anmeldung ungültig',
    forbidden: 'Keine Berechtigung',
    notFound: 'Nicht gefunden',
    routeNotFound: 'Adresse nicht gefunden',
    conflict: 'Konflikt',
    duplicate: 'Bereits vorhanden',
    preconditionFailed: 'Der Datensatz wurde inzwischen geändert',
    preconditionRequired: 'Versionsangabe (If-Match) fehlt',
    payloadTooLarge: 'Anfrage zu groß',
    unsupportedMediaType: 'Inhaltstyp nicht unterstützt',
    badRequest: 'Ungültige Anfrage',
    tooManyRequests: 'Zu viele Anfragen',
    unavailable: 'Dienst vorübergehend nicht verfügbar',
    internal: 'Interner Fehler',
  },
  en: {
    validation: 'Invalid input',
    unauthorized: 'Authentication required',
    invalidToken: 'Invalid credentials',
    forbidden: 'Permission denied',
    notFound: 'Not found',
    routeNotFound: 'Address not found',
    conflict: 'Conflict',
    duplicate: 'Already exists',
    preconditionFailed: 'The record has been changed in the meantime',
    preconditionRequired: 'Version (If-Match) missing',
    payloadTooLarge: 'Request too large',
    unsupportedMediaType: 'Unsupported content type',
    badRequest: 'Bad request',
    tooManyRequests: 'Too many requests',
    unavailable: 'Service temporarily unavailable',
    internal: 'Internal error',
  },
} as const;

export type ProblemCode = keyof (typeof PROBLEM_TITLES)['de'];

export function problemTitle(code: string, lang: 'de' | 'en'): string {
  const titles: Record<string, string> = PROBLEM_TITLES[lang];
  return titles[code] ?? titles.badRequest ?? code;
}
