// Texts of the create form beyond the Outlook pane's (form-messages): the empty start in Teams
// and data care, the company search and the optional contact details. German first.
export const CREATE_DE = {
  'create.newHeading': 'Neuer Kontakt',
  'create.newPersonAt': 'Ansprechpartner für {company} anlegen',
  'create.newButton': 'Neuer Kontakt',
  'create.companySearchChoice': 'Vorhandene Firma suchen',
  'create.companySearch': 'Firma suchen',
  'create.companySearchHint': 'Firmenname, Domain oder Kontaktnummer; mindestens 2 Zeichen',
  'create.companySearching': 'Suche …',
  'create.companySearchNone': 'Keine Firma zu „{q}“ gefunden.',
  'create.companySearchNew': 'Neue Firma „{name}“ anlegen',
  'create.companySearchFailed': 'Die Suche ist fehlgeschlagen: {reason}',
  'create.companyPick': 'Bitte eine Firma aus der Suche auswählen.',
  'create.companyLoading': 'Firma wird geladen …',
  'create.companyLoadFailed': 'Die Firma konnte nicht geladen werden: {reason}',
  'create.emailHint': 'Optional. Ohne E-Mail-Adresse wird der Kontakt nicht mit Outlook synchronisiert.',
  'create.emailInvalid': 'Das ist keine gültige E-Mail-Adresse, z. B. name@firma.de.',
  'create.companyPhone': 'Telefon der Firma',
} as const;

export type CreateKey = keyof typeof CREATE_DE;
