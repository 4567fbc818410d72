import type { NotesKey } from './notes-messages.de';

export const NOTES_EN: Record<NotesKey, string> = {
  'notes.headingFor': 'Notes on {name}',
  'notes.saved': 'Notes saved.',
  'notes.noHistory': 'No entries yet.',
  'notes.noOpenItems': 'No open items.',
  'notes.noFreeNotes': 'No notes yet.',
  'notes.showAll': 'Show all ({count})',
  'notes.showFewer': 'Show fewer',
  'notes.by': '{date} · {author}',
  'notes.counter': '{count} / {max}',
  'notes.tooLong': '{label} is too long: {count} of at most {max} characters.',
  'notes.fixLengths': 'Not saved. Please shorten: {fields}',
  'notes.offline': 'No connection to the server. What you typed is still here – please save again.',
  'notes.contestedTitle': 'Specifics changed meanwhile',
  'notes.contestedText':
    'Someone else has just changed the specifics to: “{theirs}”. Your version is still in the field; “Save” replaces theirs.',
  'notes.discardTitle': 'Discard unsaved notes?',
  'notes.discardText': 'What you typed or ticked has not been saved yet and will be lost.',
  'notes.discard': 'Discard',
  'notes.keepEditing': 'Keep editing',
} as const;
