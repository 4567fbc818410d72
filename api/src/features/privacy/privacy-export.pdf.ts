import PDFDocument from 'pdfkit';
import type { ConsentEvent } from '@klarkonform/shared';
import type { PrivacyExport } from './privacy-export.service';

// The human-readable access export (Art. 15(3) DSGVO: "a copy of the personal data"; Art. 12(1):
// concise, intelligible, clear and plain language): the same content as the JSON, in German, set
// in Helvetica (pdfkit's built-in font covers the German umlauts and ß through WinAnsi).

const MARGIN = 50;

const day = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) : '–';
const time = (iso: string | undefined) =>
  iso
    ? new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' })
    : '–';
const text = (value: unknown) => (value === undefined || value === null || value === '' ? '–' : String(value));
const euros = (cents: number | undefined) =>
  cents === undefined ? '–' : (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });

/** Renders the export as a PDF (A4); `compress: false` leaves the page streams readable (tests). */
export function renderExportPdf(data: PrivacyExport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `Auskunft nach Art. 15 DSGVO – ${data.contact.displayName}`, Author: 'KlarKonform CRM' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (title: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(title).moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const line = (label: string, value: unknown) => {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(text(value));
  };
  const item = (value: string) => doc.text(`• ${value}`, { indent: 0 });

  const c = data.contact;
  doc.font('Helvetica-Bold').fontSize(16).text('Auskunft nach Art. 15 DSGVO');
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(`Über: ${c.displayName} (${c.contactNumber})`);
  doc.text(`Erstellt am ${time(data.exportedAt)} von ${data.exportedBy.name}`);

  heading('Stammdaten');
  line('Art', c.kind === 'person' ? 'Person' : 'Firma');
  if (c.kind === 'person') {
    line('Anrede', c.salutation);
    line('Titel', c.title);
    line('Vorname', c.firstName);
    line('Nachname', c.lastName);
    line('Position', c.position);
    line('Abteilung', c.department);
  } else {
    line('Firmenname', c.name);
  }
  line('E-Mail-Adressen', c.emails?.map((e) => e.address).join(', '));
  line('Telefon', [...c.businessPhones, ...(c.mobilePhone ? [c.mobilePhone] : []), ...c.homePhones].join(', '));
  line(
    'Adresse',
    c.address
      ? [c.address.street, `${c.address.postcode ?? ''} ${c.address.city ?? ''}`.trim(), c.address.country]
          .filter(Boolean)
          .join(', ')
      : undefined,
  );
  line('Beziehung', c.relationships?.join(', '));
  line('Rechtsgrundlage', c.consent.legalBasis);
  line('Angelegt', time(c.createdAt));

  heading('Einwilligungen (Verlauf mit Nachweisen)');
  for (const [channel, events] of Object.entries(c.consent.channels)) {
    for (const e of (events ?? []) as ConsentEvent[]) {
      item(`${channel}: ${e.type} am ${time(e.at)} – Quelle: ${e.source}${e.proof ? ` – Nachweis: ${e.proof}` : ''}`);
    }
  }

  heading('Notizen');
  line('Besonderheiten', c.notes.specifics);
  for (const h of c.notes.history) item(`${day(h.date)}: ${h.event}`);
  for (const o of c.notes.openItems) item(`Offener Punkt${o.done ? ' (erledigt)' : ''}: ${o.text}`);
  for (const f of c.notes.free ?? []) item(`Notiz: ${(f as { text?: string }).text ?? ''}`);

  heading(`Aktivitäten (${data.activities.length})`);
  for (const a of data.activities) item(`${time(a.occurredAt)} ${a.type}: ${a.subject}${a.text ? ` – ${a.text}` : ''}`);

  heading(`Wiedervorlagen (${data.followUps.length})`);
  for (const f of data.followUps) item(`${day(f.dueDate)}: ${f.title} (${f.state === 'done' ? 'erledigt' : 'offen'})`);

  heading(`Verkaufschancen (${data.opportunities.length})`);
  for (const o of data.opportunities) item(`${o.title}: ${o.stage}, ${euros(o.amountCents)}`);

  heading(`Betroffenenanfragen (${data.privacyRequests.length})`);
  for (const r of data.privacyRequests)
    item(`${r.reference} ${r.type}, eingegangen ${day(r.receivedOn)}, Status ${r.status}`);

  heading('Microsoft 365 (Outlook-Kontakt)');
  line('Sync-Status', data.mirror.syncStatus);
  line('Zuletzt synchronisiert', time(data.mirror.syncedAt));

  heading(`Protokoll (${data.audit.length} Einträge)`);
  for (const a of data.audit) {
    item(
      `${time(a.at)} ${a.action} von ${a.actor.name}${a.changes.length ? `: ${a.changes.map((ch) => ch.field).join(', ')}` : ''}`,
    );
  }

  doc.end();
  return done;
}
