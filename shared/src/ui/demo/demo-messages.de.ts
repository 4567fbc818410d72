// Texts of the demo reset (demo page and Teams tab on the demo tenant). German first.
export const DEMO_DE = {
  'demo.reset': 'Demo zurücksetzen',
  'demo.resetTitle': 'Demo zurücksetzen?',
  'demo.resetText':
    'Alle Kontakte, Notizen, Einwilligungen und Änderungen der Demo werden gelöscht und die Beispieldaten neu angelegt. Das lässt sich nicht rückgängig machen.',
  'demo.resetConfirm': 'Zurücksetzen',
  'demo.resetting': 'Wird zurückgesetzt …',
  'demo.resetDone': 'Die Demo wurde zurückgesetzt: {count} Beispielkontakte.',
  'demo.resetFailed': 'Zurücksetzen fehlgeschlagen: {reason}',
} as const;

export type DemoKey = keyof typeof DEMO_DE;
