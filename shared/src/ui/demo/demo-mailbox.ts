// The stub mailbox of the demo page ("try it without Outlook"), as plain data with no React:
// the demo page shows these items, the browser tests and the benchmark select them, and the
// API's demo seed holds the matching contacts (Muster GmbH with Max Mustermann, Lisa Müller
// and Tom Techniker; Jana Meyer, whom the unknown sender "Jana Maier" sounds like; Jonas Neumann,
// a lead from the website). Unknown to the seed: Jana Maier, a private sender from a free-mail
// address, a firm writing from its general mailbox and another from its sales team's mailbox.
// The shape is the task pane's MailItem plus a preview text.

import { today } from '../forms/today';
import { berlinDateTime } from '../i18n/date-format';

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoMailItem {
  kind: 'message' | 'appointment';
  key: string;
  subject: string;
  from?: DemoPerson;
  to: DemoPerson[];
  cc: DemoPerson[];
  organizer?: DemoPerson;
  requiredAttendees: DemoPerson[];
  optionalAttendees: DemoPerson[];
  /** What the demo page shows as the mail body or meeting description. */
  preview: string;
  /** When it arrived, relative to today (Berlin time); the mail list shows it in the UI language. */
  received: DemoReceived;
  /** An appointment's place (shown by Outlook next to the time). */
  location?: string;
}

/** What Outlook tells about a demo item beyond the people: ids, times, body (for logging it). */
export interface DemoItemDetails {
  internetMessageId?: string;
  conversationId?: string;
  sentAt?: string;
  start?: string;
  end?: string;
  location?: string;
  iCalUId?: string;
  body: string;
}

/**
 * The ids and times a demo item has in Outlook: a message's Message-ID and conversation id and its
 * sent time, an appointment's iCalUId, start, one-hour end and place; the body is the preview.
 * Stable per item, so logging it twice (or after a reload) finds the first log.
 */
export function demoItemDetails(item: DemoMailItem, now: Date = new Date()): DemoItemDetails {
  const at = demoReceivedAt(item.received, now);
  if (item.kind === 'appointment') {
    return {
      iCalUId: `${item.key}@klarkonform-demo.de`,
      start: at.toISOString(),
      end: new Date(at.getTime() + 3_600_000).toISOString(),
      ...(item.location ? { location: item.location } : {}),
      body: item.preview,
    };
  }
  return {
    internetMessageId: `<${item.key}@klarkonform-demo.de>`,
    conversationId: `conv-${item.key}`,
    sentAt: at.toISOString(),
    body: item.preview,
  };
}

/** `daysAgo` 0 is today; `time` is HH:MM on Berlin's clock. */
export interface DemoReceived {
  daysAgo: number;
  time: string;
}

/** The instant a demo item arrived, counted back from `now`'s day in Berlin. */
export function demoReceivedAt({ daysAgo, time }: DemoReceived, now: Date = new Date()): Date {
  const day = new Date(Date.parse(`${today(now)}T12:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return berlinDateTime(day, time);
}

export const DEMO_USER: DemoPerson = { name: 'Sabine Vertrieb', email: 'sabine.vertrieb@klarkonform-demo.de' };

const MAX: DemoPerson = { name: 'Max Mustermann', email: 'max.mustermann@muster.de' };
const LISA: DemoPerson = { name: 'Lisa Müller', email: 'lisa.mueller@muster.de' };
const TOM: DemoPerson = { name: 'Tom Techniker', email: 'tom.techniker@muster.de' };

/** Next year, as a framework agreement under negotiation names it. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

export const DEMO_MAILBOX: readonly DemoMailItem[] = [
  {
    kind: 'message',
    key: 'demo-known-customer',
    subject: `Rahmenvertrag ${NEXT_YEAR} – Rückfragen zum Angebot`,
    from: MAX,
    to: [DEMO_USER],
    cc: [LISA],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 0, time: '09:12' },
    preview:
      'Hallo Frau Vertrieb,\n\ndanke für das Angebot zum Rahmenvertrag. Frau Müller aus der Buchhaltung hat noch Fragen zur Rechnungsstellung – können wir nächste Woche telefonieren?\n\nViele Grüße\nMax Mustermann\nGeschäftsführer, Muster GmbH',
  },
  {
    kind: 'message',
    key: 'demo-unknown-colleague',
    subject: 'Anfrage Wartungsvertrag Standort Hamburg',
    from: { name: 'Jana Maier', email: 'j.maier@muster.de' },
    to: [DEMO_USER],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 0, time: '08:47' },
    preview:
      'Guten Morgen,\n\nich bin seit Kurzem für den Standort Hamburg der Muster GmbH zuständig und würde gern den Wartungsvertrag auf unsere Niederlassung ausweiten. Wer ist bei Ihnen der richtige Ansprechpartner?\n\nFreundliche Grüße\nJana Maier',
  },
  {
    kind: 'message',
    key: 'demo-unknown-private',
    subject: 'Kontaktformular: Angebot für eine kleine Praxis',
    from: { name: 'Jonas Neumann', email: 'jonas.neumann@gmx.de' },
    to: [DEMO_USER],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 1, time: '16:35' },
    preview:
      'Hallo,\n\nich eröffne im Frühjahr eine Physiotherapie-Praxis und suche jemanden für IT und Telefonanlage. Können Sie mir ein Angebot machen?\n\nGruß\nJonas Neumann',
  },
  {
    kind: 'message',
    key: 'demo-unknown-freemail',
    subject: 'Mitgliederverwaltung für unseren Sportverein?',
    // A private sender from a free-mail provider: no company is proposed.
    from: { name: 'Katrin Vogel', email: 'katrin.vogel@web.de' },
    to: [DEMO_USER],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 2, time: '19:04' },
    preview:
      'Guten Abend,\n\nich bin Kassenwartin im Sportverein Grün-Weiß Lindenau und suche eine einfache Lösung für unsere Mitgliederverwaltung. Bieten Sie so etwas auch für Vereine an?\n\nViele Grüße\nKatrin Vogel',
  },
  {
    kind: 'appointment',
    key: 'demo-meeting',
    subject: 'Projekt-Kickoff Muster GmbH',
    organizer: DEMO_USER,
    to: [],
    cc: [],
    requiredAttendees: [DEMO_USER, MAX, LISA],
    optionalAttendees: [TOM],
    received: { daysAgo: 3, time: '10:00' },
    location: 'Besprechungsraum Berlin',
    preview:
      'Donnerstag, 10:00–11:00 Uhr, Besprechungsraum Berlin und Microsoft Teams\n\nAgenda: Projektplan, Ansprechpartner, Abrechnung.',
  },
  {
    kind: 'message',
    key: 'demo-unknown-firm',
    subject: 'Anfrage: Telefonanlage für unsere neue Werkstatt',
    // A firm writing from its general mailbox: the pane offers to create the company itself.
    from: { name: 'Holzbau Schäfer GmbH', email: 'info@holzbau-schaefer.de' },
    to: [DEMO_USER],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 6, time: '11:20' },
    preview:
      'Sehr geehrte Damen und Herren,\n\nwir beziehen im Sommer eine neue Werkstatt mit zwölf Arbeitsplätzen und brauchen eine Telefonanlage. Bitte senden Sie uns ein Angebot.\n\nMit freundlichen Grüßen\nHolzbau Schäfer GmbH',
  },
  {
    kind: 'message',
    key: 'demo-unknown-team',
    subject: 'Photovoltaik für Ihre Gewerbekunden – Partnerschaft?',
    // A firm's sales team writing from its team mailbox: no person to take from the name.
    from: { name: 'Sonnenhof Solartechnik GmbH | Vertrieb', email: 'vertrieb@sonnenhof-solartechnik.de' },
    to: [DEMO_USER],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    received: { daysAgo: 8, time: '14:15' },
    preview:
      'Guten Tag,\n\nwir planen und montieren Photovoltaikanlagen für Gewerbedächer in Sachsen und Thüringen und suchen IT-Partner, die unsere Kunden bei der Anbindung an ihr Energiemanagement betreuen. Hätten Sie Interesse an einem kurzen Kennenlernen?\n\nMit sonnigen Grüßen\nIhr Vertriebsteam der Sonnenhof Solartechnik GmbH',
  },
];
