// Texts of the compose pane (a message being written in Outlook), German first. They load with the
// compose pane's chunk, not with the read pane's first card.
export const COMPOSE_DE = {
  'compose.recipients': 'Empfänger',
  'compose.noRecipients':
    'Noch keine Empfänger. Sobald Sie Adressen in An, Cc oder Bcc eintragen, erscheinen sie hier.',
  'compose.loadingCards': 'Empfänger werden geladen …',
  'compose.cardsFailed': 'Die Empfänger konnten nicht geladen werden.',
  'compose.retry': 'Erneut versuchen',
  'compose.field.to': 'An',
  'compose.field.cc': 'Cc',
  'compose.field.bcc': 'Bcc',
  'compose.consent.allowed': 'Einwilligung',
  'compose.consent.softOptIn': 'Bestandskunde',
  'compose.consent.optedOut': 'Widerspruch',
  'compose.consent.none': 'Keine Einwilligung',
  'compose.consent.unknown': 'Unbekannt – keine Einwilligung',
  'compose.unknownRecipient': 'Nicht in KlarKonform',
  'compose.template': 'Vorlage einfügen',
  'compose.templatePick': 'Vorlage',
  'compose.templateChoose': 'Vorlage wählen …',
  'compose.templateNone': 'Es gibt noch keine Vorlagen. Vorlagen legen Administration und Marketing im Teams-Tab an.',
  'compose.templatesFailed': 'Die Vorlagen konnten nicht geladen werden.',
  'compose.templatesLoading': 'Vorlagen werden geladen …',
  'compose.purpose.marketing': 'Marketing',
  'compose.purpose.transactional': 'Geschäftlich (Angebot, Rechnung, Termin)',
  'compose.purpose.personal': 'Persönlich',
  'compose.marketingMark': '{name} (Marketing)',
  'compose.for': 'Ausfüllen für',
  'compose.needsKnown':
    'Vorlagen werden mit den Daten eines Kontakts ausgefüllt: tragen Sie einen bekannten Kontakt als Empfänger ein.',
  'compose.insert': 'Einfügen',
  'compose.inserting': 'Wird eingefügt …',
  'compose.inserted': 'Vorlage „{name}“ für {contact} eingefügt.',
  'compose.subjectSet': 'Betreff gesetzt.',
  'compose.emptyPlaceholders': 'Ohne Wert geblieben: {names}.',
  'compose.insertFailed': 'Die Vorlage konnte nicht eingefügt werden.',
  'compose.marketingHeld':
    'Marketing-Vorlage: Die Versandprüfung wird diese E-Mail anhalten, weil keine Einwilligung vorliegt für: {names}.',
  'compose.logOnSend': 'E-Mail protokollieren beim Senden',
  'compose.logOnSendHint': 'Beim Senden wird die E-Mail in der Kontakthistorie der bekannten Empfänger gespeichert.',
  'compose.noSessionData':
    'Diese Outlook-Version gibt der Versandprüfung keine Sitzungsdaten weiter: Vorlage und Protokollierung gelten nur, solange dieser Bereich offen ist.',
  'compose.openFailed':
    'Die neue E-Mail konnte nicht gelesen werden. Schließen Sie den Bereich und öffnen Sie ihn erneut.',
  'compose.mailPurpose.marketing': 'Zweck dieser E-Mail: Marketing – wird beim Senden geprüft',
  'compose.mailPurpose.marketingUnchecked':
    'Zweck dieser E-Mail: Marketing – die Versandprüfung ist ausgeschaltet, es wird nicht auf Einwilligung geprüft',
  'compose.marketingUnchecked':
    'Keine Einwilligung in Werbung: {names}. Die Versandprüfung ist ausgeschaltet – die E-Mail würde trotzdem gesendet.',
  'compose.mailPurpose.transactional':
    'Zweck dieser E-Mail: Geschäftlich – wird beim Senden nicht auf Einwilligung geprüft',
  'compose.mailPurpose.personal': 'Zweck dieser E-Mail: Persönlich – wird beim Senden nicht auf Einwilligung geprüft',
  'compose.changePurpose': 'Zweck ändern',
  'compose.lowerPurposeConfirm':
    'Enthält diese E-Mail keine Werbung mehr? Nur dann auf „{purpose}“ ändern – die Versandprüfung prüft die Einwilligung dann nicht.',
  'compose.lowerPurposeYes': 'Ja, keine Werbung mehr',
  'compose.lowerPurposeNo': 'Abbrechen',
  'compose.purposeFailed': 'Der Zweck konnte nicht gespeichert werden.',
  'compose.marketingSelected':
    'Marketing-Vorlage: Keine Einwilligung für {names} – die Versandprüfung wird diese E-Mail anhalten.',
  'compose.personalisedFor': 'Persönlich ausgefüllt nur für {contact}; die anderen Empfänger lesen dieselbe Anrede.',
  'compose.templateGone': 'Diese Vorlage gibt es nicht mehr – Liste neu geladen.',
} as const;

export type ComposeKey = keyof typeof COMPOSE_DE;
