import { DEFAULT_RETENTION_YEARS, type PrivacySettings } from '@klarkonform/shared';

// The German defaults of a tenant's DSGVO settings (issue 15), version 0 until first saved. The
// processing activities describe KlarKonform's own processing, for the records of processing
// (Art. 30(1) DSGVO); the controller fills in its name, address and data-protection officer.

const RETENTION_TEXT =
  'Handels- und Geschäftsbriefe (protokollierte E-Mails und Briefe, gewonnene Verkaufschancen) 6 Jahre, ' +
  'Buchungsbelege 8 Jahre, Bücher und Jahresabschlüsse 10 Jahre, jeweils ab Ende des Kalenderjahres ' +
  '(HGB § 257, AO § 147); übrige Daten werden bei Wegfall des Zwecks oder auf Löschanfrage gelöscht.';

/** The defaults every tenant starts from (German; the texts are the controller's to adapt). */
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  retentionYears: { ...DEFAULT_RETENTION_YEARS },
  consentReviewMonths: 12,
  doubleOptInValidHours: 72,
  controller: { name: '', address: '', representative: '', dpoContact: '' },
  activities: [
    {
      name: 'Kundenbeziehungsmanagement (CRM)',
      purposes:
        'Anbahnung, Durchführung und Pflege von Geschäftsbeziehungen mit Kunden, Interessenten, Lieferanten und Partnern; Kontakthistorie, Wiedervorlagen, Verkaufschancen.',
      legalBasis: 'Art. 6 Abs. 1 lit. b und f DSGVO',
      dataSubjects: 'Ansprechpartner von Kunden, Interessenten, Lieferanten und Partnern',
      dataCategories:
        'Name, Anrede, Titel, Firma, Position, Abteilung, geschäftliche Kontaktdaten (E-Mail, Telefon, Anschrift), Kontakthistorie, Notizen, Verkaufschancen',
      recipients:
        'Zuständige Mitarbeitende; Microsoft Ireland Operations Ltd. als Auftragsverarbeiter (Microsoft 365, Art. 28 DSGVO)',
      thirdCountryTransfers:
        'Möglich im Rahmen von Microsoft 365 (EU-U.S. Data Privacy Framework, Standardvertragsklauseln); Datenspeicherung in der EU Data Boundary.',
      retention: RETENTION_TEXT,
    },
    {
      name: 'Synchronisierung mit Outlook-Kontakten (Microsoft 365)',
      purposes: 'Bereitstellung der CRM-Kontakte in Outlook der Mitarbeitenden.',
      legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO',
      dataSubjects: 'Ansprechpartner mit E-Mail-Adresse',
      dataCategories: 'Name, Firma, Position, Abteilung, E-Mail-Adressen, Telefonnummern, Anschrift, Website',
      recipients: 'Microsoft Ireland Operations Ltd. als Auftragsverarbeiter (Microsoft Graph, Art. 28 DSGVO)',
      thirdCountryTransfers: 'Wie Microsoft 365 (siehe oben).',
      retention: 'Bis zur Archivierung, Sperrung oder Löschung des Kontakts im CRM.',
    },
    {
      name: 'Direktwerbung und Newsletter',
      purposes: 'Werbung per E-Mail, Telefon, Brief und Newsletter an Personen mit Einwilligung oder Bestandskunden.',
      legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO; § 7 Abs. 3 UWG; Art. 6 Abs. 1 lit. f DSGVO (Briefwerbung)',
      dataSubjects: 'Kunden und Interessenten mit Einwilligung',
      dataCategories: 'Name, Anrede, E-Mail-Adresse, Einwilligungen mit Nachweis (Datum, Quelle)',
      recipients: 'Zuständige Mitarbeitende',
      thirdCountryTransfers: '',
      retention: 'Bis zum Widerruf; Nachweis der Einwilligung bis 3 Jahre danach (§ 195 BGB).',
    },
  ],
  technicalMeasures:
    'Anmeldung nur über Microsoft Entra ID (OAuth 2.0, signierte Tokens), Rollen und Berechtigungen je Funktion, ' +
    'Mandantentrennung auf jeder Abfrage, Transportverschlüsselung (TLS), Protokollierung jeder Änderung (Audit-Trail), ' +
    'keine personenbezogenen Daten in Server-Logs, Sperrung (Art. 18) und fristgerechte Löschung (Art. 17), Datensicherung.',
  version: 0,
};
