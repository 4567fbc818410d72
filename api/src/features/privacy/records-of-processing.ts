import PDFDocument from 'pdfkit';
import { berlinDayOf, type PrivacySettings, type ProcessingActivity } from '@klarkonform/shared';

// The records of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30(1)
// DSGVO), generated from the tenant's privacy settings: the controller (lit. a), per activity the
// purposes (b), categories of data subjects and data (c), recipients incl. Microsoft as processor
// (d), third-country transfers (e), erasure periods (f) and the technical and organisational
// measures (g, Art. 32). As JSON (machine-readable) and as a PDF (pdfkit, A4, Helvetica).

/** The document as JSON: what the PDF shows, with the day it was generated (Berlin). */
export interface RecordsOfProcessing {
  title: string;
  generatedOn: string;
  controller: PrivacySettings['controller'];
  activities: ProcessingActivity[];
  retentionYears: PrivacySettings['retentionYears'];
  technicalMeasures: string;
}

/** The document's content from the settings, as of `now`. */
export function recordsOfProcessing(settings: PrivacySettings, now: Date): RecordsOfProcessing {
  return {
    title: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)',
    generatedOn: berlinDayOf(now),
    controller: { ...settings.controller },
    activities: settings.activities.map((a) => ({ ...a })),
    retentionYears: { ...settings.retentionYears },
    technicalMeasures: settings.technicalMeasures,
  };
}

const LABELS: [keyof ProcessingActivity, string][] = [
  ['purposes', 'Zwecke der Verarbeitung'],
  ['legalBasis', 'Rechtsgrundlage'],
  ['dataSubjects', 'Kategorien betroffener Personen'],
  ['dataCategories', 'Kategorien personenbezogener Daten'],
  ['recipients', 'Kategorien von Empfängern (inkl. Auftragsverarbeiter)'],
  ['thirdCountryTransfers', 'Übermittlungen in Drittländer'],
  ['retention', 'Fristen für die Löschung'],
];

const orDash = (text: string) => (text.trim() === '' ? '—' : text);

/** The document as a PDF (a Buffer; a few KB per activity). */
export async function recordsOfProcessingPdf(doc: RecordsOfProcessing): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.title, Producer: 'KlarKonform' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const heading = (text: string, size = 13) => pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text);
  const field = (label: string, value: string) => {
    pdf.font('Helvetica-Bold').fontSize(9).text(label);
    pdf.font('Helvetica').fontSize(10).text(orDash(value)).moveDown(0.3);
  };
  pdf.font('Helvetica-Bold').fontSize(16).text(doc.title);
  pdf
    .font('Helvetica')
    .fontSize(9)
    .text(`Stand: ${doc.generatedOn.split('-').reverse().join('.')}`);
  heading('Verantwortlicher (Art. 30 Abs. 1 lit. a DSGVO)');
  field('Name', doc.controller.name);
  field('Anschrift', doc.controller.address);
  field('Vertreter', doc.controller.representative);
  field('Datenschutzbeauftragte/r', doc.controller.dpoContact);
  doc.activities.forEach((activity, i) => {
    heading(`${i + 1}. ${activity.name}`);
    for (const [key, label] of LABELS) field(label, activity[key]);
  });
  heading('Aufbewahrungsfristen (HGB § 257, AO § 147; ab Ende des Kalenderjahres)');
  field('Handels- und Geschäftsbriefe', `${doc.retentionYears.businessLetter} Jahre`);
  field('Buchungsbelege', `${doc.retentionYears.bookingVoucher} Jahre`);
  field('Bücher und Jahresabschlüsse', `${doc.retentionYears.books} Jahre`);
  heading('Technische und organisatorische Maßnahmen (Art. 30 Abs. 1 lit. g, Art. 32 DSGVO)');
  pdf.font('Helvetica').fontSize(10).text(orDash(doc.technicalMeasures));
  pdf.end();
  return done;
}
