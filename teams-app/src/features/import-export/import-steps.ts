/** The assistant's steps in order (Datei → Zuordnung → Vorschau & Prüfung → Import → Ergebnis). */
export const IMPORT_STEPS = ['file', 'mapping', 'preview', 'run', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];
