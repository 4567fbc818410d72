// Texts of the notes editor, German first; field names come from the shared catalogs.
export const NOTES_DE = {
  'notes.headingFor': 'Notizen zu {name}',
  'notes.saved': 'Notizen gespeichert.',
  'notes.noHistory': 'Noch keine Einträge.',
  'notes.noOpenItems': 'Keine offenen Punkte.',
  'notes.noFreeNotes': 'Noch keine Notizen.',
  'notes.showAll': 'Alle anzeigen ({count})',
  'notes.showFewer': 'Weniger anzeigen',
  'notes.by': '{date} · {author}',
  'notes.counter': '{count} / {max}',
  'notes.tooLong': '{label} ist zu lang: {count} von höchstens {max} Zeichen.',
  'notes.fixLengths': 'Nicht gespeichert. Bitte kürzen: {fields}',
  'notes.offline': 'Keine Verbindung zum Server. Ihre Eingaben sind noch da – bitte erneut speichern.',
  'notes.contestedTitle': 'Besonderheiten inzwischen geändert',
  'notes.contestedText':
    'Jemand anderes hat die Besonderheiten gerade geändert in: „{theirs}“. Ihre Fassung steht noch im Feld; „Speichern“ ersetzt die andere.',
  'notes.discardTitle': 'Ungespeicherte Notizen verwerfen?',
  'notes.discardText': 'Was Sie eingegeben oder abgehakt haben, ist noch nicht gespeichert und geht verloren.',
  'notes.discard': 'Verwerfen',
  'notes.keepEditing': 'Weiter bearbeiten',
} as const;

export type NotesKey = keyof typeof NOTES_DE;
