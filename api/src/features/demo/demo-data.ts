import type { ConsentEventCreate, ContactCreate } from '@klarkonform/shared';

// The demo tenant's contacts, in German, as a sales team would have them:
// a key customer with its three people, a supplier, a partner, leads of
// different ages and sources, and some deliberate data-quality problems for
// the data-care worklist. `ref` names a record within this list; `company`
// links a person to a company by ref.

export interface DemoRecord {
  ref: string;
  body: ContactCreate;
  company?: string;
  consent?: ConsentEventCreate[];
  /** Age of the record in days, and days since the last lead activity. */
  ageDays?: number;
  lastActivityDaysAgo?: number;
}

const messe = (channel: ConsentEventCreate['channel']): ConsentEventCreate => ({
  channel,
  type: 'optIn',
  source: 'Messe IT-Days 2025',
  proof: 'Unterschriebenes Kontaktformular, Ordner Messe 2025',
});

export const DEMO_RECORDS: DemoRecord[] = [
  {
    ref: 'muster',
    body: {
      kind: 'company',
      name: 'Muster GmbH',
      emails: [{ address: 'info@muster.de', primary: true }],
      businessPhones: ['+49 30 1234560'],
      website: 'https://www.muster.de',
      address: { street: 'Musterstraße 1', postcode: '10115', city: 'Berlin', country: 'DE' },
      industry: 'IT-Dienstleistungen',
      relationships: ['customer'],
      customerSince: '2019-03-01',
      tags: ['Branche-IT', 'Grosskunde'],
      legalBasis: 'contract',
      notes: {
        specifics:
          'Rechnungen nur als PDF an rechnung@muster.de. Zahlungsziel 30 Tage netto. Rahmenvertrag bis 12/2027.',
      },
    },
  },
  {
    ref: 'max',
    company: 'muster',
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
      tags: ['Grosskunde'],
      legalBasis: 'contract',
      notes: { specifics: 'Bevorzugt Telefon vor 9 Uhr. Duzt sich mit unserem Vertriebsleiter.' },
    },
    consent: [messe('email'), messe('newsletter')],
  },
  {
    ref: 'lisa',
    company: 'muster',
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
    },
  },
  {
    ref: 'tom',
    company: 'muster',
    body: {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Tom',
      lastName: 'Techniker',
      position: 'IT-Leiter',
      department: 'IT',
      roles: ['technicalContact'],
      emails: [{ address: 'tom.techniker@muster.de', primary: true }],
      relationships: ['customer'],
      legalBasis: 'contract',
    },
    consent: [
      {
        channel: 'email',
        type: 'optOut',
        source: 'Telefonat',
        proof: 'Wünscht keine Werbung per E-Mail (Anruf 03.02.2026)',
      },
    ],
  },
  {
    ref: 'meyer',
    company: 'muster',
    body: {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Meyer',
      position: 'Einkauf',
      department: 'Einkauf',
      emails: [{ address: 'j.meyer@muster.de', primary: true }],
      relationships: ['customer'],
    },
  },
  {
    ref: 'hoffmann',
    body: {
      kind: 'company',
      name: 'Druckerei Hoffmann GmbH & Co. KG',
      emails: [{ address: 'kontakt@druckerei-hoffmann.de', primary: true }],
      businessPhones: ['+49 89 998877-0'],
      website: 'https://druckerei-hoffmann.de',
      address: { street: 'Papierweg 7', postcode: '80331', city: 'München', country: 'DE' },
      industry: 'Druck',
      relationships: ['customer', 'supplier'],
      customerSince: '2022-06-15',
      tags: ['Lieferant-Druck'],
      legalBasis: 'contract',
    },
  },
  {
    ref: 'hoffmann-chef',
    company: 'hoffmann',
    body: {
      kind: 'person',
      salutation: 'Herr',
      title: 'Dr.',
      firstName: 'Stefan',
      lastName: 'Hoffmann',
      position: 'Inhaber',
      roles: ['decisionMaker', 'billingContact'],
      emails: [{ address: 's.hoffmann@druckerei-hoffmann.de', primary: true }],
      relationships: ['customer', 'supplier'],
      legalBasis: 'contract',
    },
  },
  {
    ref: 'schulz',
    body: {
      kind: 'company',
      name: 'Bürobedarf Schulz KG',
      emails: [{ address: 'bestellung@buero-schulz.de', primary: true }],
      businessPhones: ['+49 40 555123'],
      address: { street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' },
      relationships: ['supplier'],
      tags: ['Lieferant-Büro'],
      legalBasis: 'contract',
    },
  },
  {
    ref: 'schulz-klaus',
    company: 'schulz',
    body: {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Klaus',
      lastName: 'Schulz',
      position: 'Geschäftsführer',
      roles: ['decisionMaker'],
      emails: [{ address: 'k.schulz@buero-schulz.de', primary: true }],
      relationships: ['supplier'],
    },
  },
  {
    ref: 'nordlicht',
    body: {
      kind: 'company',
      name: 'Nordlicht Consulting GmbH',
      emails: [{ address: 'hallo@nordlicht-consulting.de', primary: true }],
      website: 'https://nordlicht-consulting.de',
      address: { street: 'Deichweg 3', postcode: '28195', city: 'Bremen', country: 'DE' },
      relationships: ['partner'],
      tags: ['Partner-Implementierung'],
      legalBasis: 'legitimateInterest',
    },
  },
  {
    ref: 'nordlicht-eva',
    company: 'nordlicht',
    body: {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Eva',
      lastName: 'Nordmann',
      position: 'Partnermanagerin',
      roles: ['decisionMaker'],
      emails: [{ address: 'eva.nordmann@nordlicht-consulting.de', primary: true }],
      relationships: ['partner'],
      legalBasis: 'legitimateInterest',
    },
  },
  {
    ref: 'alpenblick',
    ageDays: 40,
    lastActivityDaysAgo: 10,
    body: {
      kind: 'company',
      name: 'Hotel Alpenblick GmbH',
      emails: [{ address: 'info@alpenblick-hotel.de', primary: true }],
      businessPhones: ['+49 8821 7788'],
      address: { street: 'Bergstraße 5', postcode: '82467', city: 'Garmisch-Partenkirchen', country: 'DE' },
      relationships: ['lead'],
      tags: ['Branche-Hotellerie'],
      lead: {
        source: 'tradeFair',
        sourceDetail: 'IT-Days 2025, Stand 42',
        status: 'qualifying',
        nextSteps: 'Demo-Termin für das Buchungssystem vereinbaren',
        budget: { minEur: 15000, maxEur: 25000 },
        timeframe: 'Q1 2027',
      },
      legalBasis: 'legitimateInterest',
    },
  },
  {
    ref: 'alpenblick-berger',
    company: 'alpenblick',
    body: {
      kind: 'person',
      salutation: 'Herr',
      firstName: 'Peter',
      lastName: 'Berger',
      position: 'Direktor',
      roles: ['decisionMaker'],
      emails: [{ address: 'p.berger@alpenblick-hotel.de', primary: true }],
      relationships: ['lead'],
    },
    consent: [messe('email')],
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
    },
    consent: [
      {
        channel: 'newsletter',
        type: 'doubleOptInRequested',
        source: 'Website-Newsletter',
        proof: 'DOI-Mail 2026-07-01',
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
      lead: { source: 'referral', sourceDetail: 'Empfehlung von Dr. Hoffmann', status: 'offer', timeframe: '2025' },
    },
  },
  {
    ref: 'weber',
    body: {
      kind: 'company',
      name: 'Weber Logistik AG',
      relationships: ['customer'],
      customerSince: '2021-01-10',
      tags: ['Branche-Logistik'],
    },
  },
  {
    ref: 'schmidt-anna',
    body: {
      kind: 'person',
      salutation: 'Frau',
      firstName: 'Anna',
      lastName: 'Schmidt',
      emails: [{ address: 'anna.schmidt@schmitt-elektro.de', primary: true }],
      businessPhones: ['0123'],
    },
  },
  {
    ref: 'schmitt-elektro',
    body: {
      kind: 'company',
      name: 'Schmitt Elektro GmbH',
      emails: [{ address: 'info@schmitt-elektro.de', primary: true }],
      relationships: ['customer'],
    },
  },
  {
    ref: 'schmidt-elektro',
    body: { kind: 'company', name: 'Schmidt Elektro', businessPhones: ['+49 221 445566'], relationships: ['lead'] },
  },
];
