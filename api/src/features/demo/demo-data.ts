import type { ConsentEventCreate, ContactCreate } from '@klarkonform/shared';
import { dayBefore, instantBefore, quarterAfter, yearBefore } from './demo-dates';
import { DEMO_COLLEAGUES, DEMO_USER } from './demo-tenant';

// The demo tenant's contacts, in German, as a sales team would have them: a key customer with
// its people, a printer that is customer and supplier, a supplier, a partner, leads of every
// age and stage (fresh ones, and stale ones for the weekly review), and deliberate data-quality
// problems for the data-care worklist: a person without company and with a phone number that
// cannot be dialled, a customer without contact data or people, a company that sounds like
// another (Schmitt/Schmidt Elektro), a person without role. Jana Meyer sounds like the unknown
// sender Jana Maier of the demo mailbox. `ref` names a record within the list; `company` links a
// person to a company by ref. All dates count back from the seeding day.

export interface DemoRecord {
  ref: string;
  body: ContactCreate;
  company?: string;
  consent?: ConsentEventCreate[];
  /** Days since the contact was entered (its `createdAt`). */
  ageDays: number;
  /** Days since the last lead activity and edit; `ageDays` when left out. */
  lastActivityDaysAgo?: number;
}

const SABINE = DEMO_USER.id;
const [THOMAS, AYLIN] = DEMO_COLLEAGUES.map((user) => user.id) as [string, string];

/** How many days ago the two trade fairs were: IT-Days last year, and this autumn's. */
const EARLIER_FAIR_DAYS = 430;
const RECENT_FAIR_DAYS = 45;

/** The demo's contacts as seeded on `now`'s day. */
export function demoRecords(now: Date): DemoRecord[] {
  const fair = (channel: ConsentEventCreate['channel'], daysAgo: number): ConsentEventCreate => ({
    channel,
    type: 'optIn',
    at: instantBefore(now, daysAgo),
    source: `Messe IT-Days ${yearBefore(now, daysAgo)}`,
    proof: `Unterschriebenes Kontaktformular, Ordner „Messe ${yearBefore(now, daysAgo)}“`,
  });
  return [
    {
      ref: 'muster',
      ageDays: 980,
      body: {
        kind: 'company',
        name: 'Muster GmbH',
        emails: [{ address: 'info@muster.de', primary: true }],
        businessPhones: ['+49 30 1234560'],
        website: 'https://www.muster.de',
        address: { street: 'Musterstraße 1', postcode: '10115', city: 'Berlin', country: 'DE' },
        industry: 'IT-Dienstleistungen',
        relationships: ['customer'],
        customerSince: dayBefore(now, 2650),
        tags: ['Branche-IT', 'Großkunde'],
        legalBasis: 'contract',
        ownerId: THOMAS,
        notes: {
          specifics: `Rechnungen nur als PDF an rechnung@muster.de. Zahlungsziel 30 Tage netto. Rahmenvertrag bis 12/${yearBefore(now, -365)}.`,
        },
      },
    },
    {
      ref: 'max',
      company: 'muster',
      ageDays: 980,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Max',
        lastName: 'Mustermann',
        position: 'Geschäftsführer',
        department: 'Geschäftsleitung',
        roles: ['decisionMaker'],
        emails: [{ address: 'max.mustermann@muster.de', primary: true }],
        businessPhones: ['+49 30 1234560-10'],
        mobilePhone: '+49 171 2345678',
        relationships: ['customer'],
        legalBasis: 'contract',
        ownerId: THOMAS,
        notes: { specifics: 'Bevorzugt Telefon vor 9 Uhr. Duzt sich mit unserem Vertriebsleiter.' },
      },
      consent: [fair('email', EARLIER_FAIR_DAYS), fair('newsletter', EARLIER_FAIR_DAYS)],
    },
    {
      ref: 'lisa',
      company: 'muster',
      ageDays: 960,
      body: {
        kind: 'person',
        salutation: 'Frau',
        firstName: 'Lisa',
        lastName: 'Müller',
        position: 'Leiterin Buchhaltung',
        department: 'Buchhaltung',
        roles: ['billingContact'],
        emails: [{ address: 'lisa.mueller@muster.de', primary: true }],
        businessPhones: ['+49 30 1234560-20'],
        relationships: ['customer'],
        legalBasis: 'contract',
        ownerId: THOMAS,
      },
    },
    {
      ref: 'tom',
      company: 'muster',
      ageDays: 700,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Tom',
        lastName: 'Techniker',
        position: 'IT-Leiter',
        department: 'IT',
        roles: ['technicalContact'],
        emails: [{ address: 'tom.techniker@muster.de', primary: true }],
        businessPhones: ['+49 30 1234560-30'],
        relationships: ['customer'],
        legalBasis: 'contract',
        ownerId: THOMAS,
      },
      consent: [
        {
          channel: 'email',
          type: 'optOut',
          at: instantBefore(now, 300),
          source: 'Telefonat',
          proof: 'Wünscht keine Werbung per E-Mail; Gesprächsnotiz von Thomas Becker',
        },
      ],
    },
    {
      ref: 'meyer',
      company: 'muster',
      ageDays: 150,
      body: {
        kind: 'person',
        salutation: 'Frau',
        firstName: 'Jana',
        lastName: 'Meyer',
        position: 'Einkäuferin',
        department: 'Einkauf',
        emails: [{ address: 'j.meyer@muster.de', primary: true }],
        relationships: ['customer'],
        ownerId: THOMAS,
      },
    },
    {
      ref: 'hoffmann',
      ageDays: 800,
      body: {
        kind: 'company',
        name: 'Druckerei Hoffmann GmbH & Co. KG',
        emails: [{ address: 'kontakt@druckerei-hoffmann.de', primary: true }],
        businessPhones: ['+49 89 998877-0'],
        website: 'https://druckerei-hoffmann.de',
        address: { street: 'Papierweg 7', postcode: '80331', city: 'München', country: 'DE' },
        industry: 'Druck',
        relationships: ['customer', 'supplier'],
        customerSince: dayBefore(now, 1630),
        tags: ['Lieferant-Druck'],
        legalBasis: 'contract',
        ownerId: SABINE,
      },
    },
    {
      ref: 'hoffmann-chef',
      company: 'hoffmann',
      ageDays: 800,
      body: {
        kind: 'person',
        salutation: 'Herr',
        title: 'Dr.',
        firstName: 'Stefan',
        lastName: 'Hoffmann',
        position: 'Inhaber',
        roles: ['decisionMaker', 'billingContact'],
        emails: [{ address: 's.hoffmann@druckerei-hoffmann.de', primary: true }],
        mobilePhone: '+49 160 4455667',
        relationships: ['customer', 'supplier'],
        legalBasis: 'contract',
        ownerId: SABINE,
      },
    },
    {
      ref: 'schulz',
      ageDays: 1100,
      body: {
        kind: 'company',
        name: 'Bürobedarf Schulz KG',
        emails: [{ address: 'bestellung@buero-schulz.de', primary: true }],
        businessPhones: ['+49 40 555123'],
        address: { street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' },
        industry: 'Großhandel',
        relationships: ['supplier'],
        tags: ['Lieferant-Büro'],
        legalBasis: 'contract',
        ownerId: AYLIN,
      },
    },
    {
      ref: 'schulz-klaus',
      company: 'schulz',
      ageDays: 1100,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Klaus',
        lastName: 'Schulz',
        position: 'Geschäftsführer',
        roles: ['decisionMaker'],
        emails: [{ address: 'k.schulz@buero-schulz.de', primary: true }],
        relationships: ['supplier'],
        ownerId: AYLIN,
      },
    },
    {
      ref: 'nordlicht',
      ageDays: 540,
      body: {
        kind: 'company',
        name: 'Nordlicht Consulting GmbH',
        emails: [{ address: 'hallo@nordlicht-consulting.de', primary: true }],
        website: 'https://nordlicht-consulting.de',
        address: { street: 'Deichweg 3', postcode: '28195', city: 'Bremen', country: 'DE' },
        industry: 'Unternehmensberatung',
        relationships: ['partner'],
        tags: ['Partner-Implementierung'],
        legalBasis: 'legitimateInterest',
        ownerId: THOMAS,
      },
    },
    {
      ref: 'nordlicht-eva',
      company: 'nordlicht',
      ageDays: 540,
      body: {
        kind: 'person',
        salutation: 'Frau',
        firstName: 'Eva',
        lastName: 'Nordmann',
        position: 'Partnermanagerin',
        roles: ['decisionMaker'],
        emails: [{ address: 'eva.nordmann@nordlicht-consulting.de', primary: true }],
        mobilePhone: '+49 151 22334455',
        relationships: ['partner'],
        legalBasis: 'legitimateInterest',
        ownerId: THOMAS,
      },
    },
    ...leadRecords(now, fair),
    ...dataCareRecords(now),
  ];
}

type Fair = (channel: ConsentEventCreate['channel'], daysAgo: number) => ConsentEventCreate;

// Leads of every age: fresh ones, one in qualification, an offer, and stale ones the weekly
// review should archive (open for more than 90 days, untouched for more than a year).
function leadRecords(now: Date, fair: Fair): DemoRecord[] {
  return [
    {
      ref: 'alpenblick',
      ageDays: RECENT_FAIR_DAYS - 1,
      lastActivityDaysAgo: 9,
      body: {
        kind: 'company',
        name: 'Hotel Alpenblick GmbH',
        emails: [{ address: 'info@alpenblick-hotel.de', primary: true }],
        businessPhones: ['+49 8821 7788'],
        address: { street: 'Bergstraße 5', postcode: '82467', city: 'Garmisch-Partenkirchen', country: 'DE' },
        industry: 'Hotellerie',
        relationships: ['lead'],
        tags: ['Branche-Hotellerie'],
        lead: {
          source: 'tradeFair',
          sourceDetail: `IT-Days ${yearBefore(now, RECENT_FAIR_DAYS)}, Stand 42`,
          status: 'qualifying',
          nextSteps: 'Vorführung des Buchungssystems vereinbaren',
          budget: { minEur: 15000, maxEur: 25000 },
          timeframe: quarterAfter(now, 120),
        },
        legalBasis: 'legitimateInterest',
        ownerId: SABINE,
      },
    },
    {
      ref: 'alpenblick-berger',
      company: 'alpenblick',
      ageDays: RECENT_FAIR_DAYS - 1,
      lastActivityDaysAgo: 9,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Peter',
        lastName: 'Berger',
        position: 'Direktor',
        roles: ['decisionMaker'],
        emails: [{ address: 'p.berger@alpenblick-hotel.de', primary: true }],
        relationships: ['lead'],
        lead: {
          source: 'tradeFair',
          sourceDetail: `IT-Days ${yearBefore(now, RECENT_FAIR_DAYS)}`,
          status: 'qualifying',
        },
        ownerId: SABINE,
      },
      consent: [fair('email', RECENT_FAIR_DAYS)],
    },
    {
      ref: 'krause',
      ageDays: 3,
      body: {
        kind: 'company',
        name: 'Bäckerei Krause GmbH',
        emails: [{ address: 'kontakt@baeckerei-krause.de', primary: true }],
        businessPhones: ['+49 341 2233440'],
        address: { street: 'Brühl 14', postcode: '04109', city: 'Leipzig', country: 'DE' },
        industry: 'Lebensmittelhandwerk',
        relationships: ['lead'],
        lead: { source: 'website', sourceDetail: 'Kontaktformular Startseite', status: 'new' },
        ownerId: SABINE,
      },
    },
    {
      ref: 'krause-petra',
      company: 'krause',
      ageDays: 3,
      body: {
        kind: 'person',
        salutation: 'Frau',
        firstName: 'Petra',
        lastName: 'Krause',
        position: 'Inhaberin',
        roles: ['decisionMaker', 'billingContact'],
        emails: [{ address: 'p.krause@baeckerei-krause.de', primary: true }],
        relationships: ['lead'],
        lead: { source: 'website', sourceDetail: 'Kontaktformular Startseite', status: 'new' },
        ownerId: SABINE,
      },
    },
    {
      ref: 'lindner',
      ageDays: 75,
      lastActivityDaysAgo: 6,
      body: {
        kind: 'company',
        name: 'Lindner Maschinenbau GmbH',
        emails: [{ address: 'info@lindner-maschinenbau.de', primary: true }],
        businessPhones: ['+49 371 908070-0'],
        address: { street: 'Annaberger Straße 210', postcode: '09125', city: 'Chemnitz', country: 'DE' },
        industry: 'Maschinenbau',
        relationships: ['lead'],
        lead: {
          source: 'referral',
          sourceDetail: 'Empfehlung von Nordlicht Consulting',
          status: 'offer',
          nextSteps: 'Angebot nachfassen; die Geschäftsleitung entscheidet in ihrer nächsten Sitzung.',
          budget: { minEur: 40000, maxEur: 60000 },
          timeframe: quarterAfter(now, 60),
        },
        legalBasis: 'legitimateInterest',
        ownerId: THOMAS,
      },
    },
    {
      ref: 'lindner-frank',
      company: 'lindner',
      ageDays: 75,
      lastActivityDaysAgo: 6,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Frank',
        lastName: 'Lindner',
        position: 'Geschäftsführer',
        roles: ['decisionMaker'],
        emails: [{ address: 'f.lindner@lindner-maschinenbau.de', primary: true }],
        businessPhones: ['+49 371 908070-11'],
        relationships: ['lead'],
        lead: { source: 'referral', sourceDetail: 'Empfehlung von Nordlicht Consulting', status: 'offer' },
        ownerId: THOMAS,
      },
    },
    {
      ref: 'neumann',
      ageDays: 120,
      lastActivityDaysAgo: 100,
      body: {
        kind: 'person',
        salutation: 'Herr',
        firstName: 'Jonas',
        lastName: 'Neumann',
        emails: [{ address: 'jonas.neumann@gmx.de', primary: true }],
        relationships: ['lead'],
        lead: { source: 'website', sourceDetail: 'Kontaktformular Preisseite', status: 'new' },
        ownerId: AYLIN,
      },
      consent: [
        {
          channel: 'newsletter',
          type: 'doubleOptInRequested',
          at: instantBefore(now, 120),
          source: 'Newsletter-Anmeldung auf der Website',
          proof: 'Bestätigungs-Mail an jonas.neumann@gmx.de versandt, noch nicht bestätigt',
        },
      ],
    },
    {
      ref: 'fischer',
      ageDays: 500,
      lastActivityDaysAgo: 420,
      body: {
        kind: 'company',
        name: 'Fischer & Söhne OHG',
        emails: [{ address: 'info@fischer-soehne.de', primary: true }],
        relationships: ['lead'],
        lead: {
          source: 'referral',
          sourceDetail: 'Empfehlung von Dr. Hoffmann',
          status: 'offer',
          timeframe: quarterAfter(now, -330),
        },
        ownerId: THOMAS,
      },
    },
  ];
}

// What the data-care worklist is meant to show.
function dataCareRecords(now: Date): DemoRecord[] {
  return [
    {
      ref: 'weber',
      ageDays: 1400,
      body: {
        kind: 'company',
        name: 'Weber Logistik AG',
        relationships: ['customer'],
        customerSince: dayBefore(now, 2150),
        tags: ['Branche-Logistik'],
        ownerId: AYLIN,
      },
    },
    {
      ref: 'schmidt-anna',
      ageDays: 260,
      body: {
        kind: 'person',
        salutation: 'Frau',
        firstName: 'Anna',
        lastName: 'Schmidt',
        emails: [{ address: 'anna.schmidt@schmitt-elektro.de', primary: true }],
        businessPhones: ['0123'],
        ownerId: SABINE,
      },
    },
    {
      ref: 'schmitt-elektro',
      ageDays: 1000,
      body: {
        kind: 'company',
        name: 'Schmitt Elektro GmbH',
        emails: [{ address: 'info@schmitt-elektro.de', primary: true }],
        relationships: ['customer'],
        customerSince: dayBefore(now, 1000),
        ownerId: SABINE,
      },
    },
    {
      ref: 'schmidt-elektro',
      ageDays: 210,
      body: {
        kind: 'company',
        name: 'Schmidt Elektro',
        businessPhones: ['+49 221 445566'],
        relationships: ['lead'],
        ownerId: AYLIN,
      },
    },
  ];
}
