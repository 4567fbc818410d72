import type { Language } from '@klarkonform/shared/ui';

// Texts of the demo page around the pane (the pane itself uses the shared catalogs).
export const DEMO_TEXTS: Record<Language, Record<string, string>> = {
  de: {
    title: 'KlarKonform in Outlook – Demo',
    intro: 'So sieht der Aufgabenbereich in Outlook aus. Wählen Sie eine E-Mail oder einen Termin.',
    inbox: 'Posteingang',
    theme: 'Design',
    light: 'Hell',
    dark: 'Dunkel',
    highContrast: 'Hoher Kontrast',
    language: 'Sprache',
    from: 'Von',
    to: 'An',
    cc: 'Cc',
    organizer: 'Organisator',
    attendees: 'Teilnehmer',
    meeting: 'Termin',
    pane: 'KlarKonform-Aufgabenbereich',
  },
  en: {
    title: 'KlarKonform in Outlook – demo',
    intro: 'This is how the task pane looks in Outlook. Select an email or a meeting.',
    inbox: 'Inbox',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    highContrast: 'High contrast',
    language: 'Language',
    from: 'From',
    to: 'To',
    cc: 'Cc',
    organizer: 'Organizer',
    attendees: 'Attendees',
    meeting: 'Meeting',
    pane: 'KlarKonform task pane',
  },
};
