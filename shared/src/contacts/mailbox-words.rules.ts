import { tableOf } from './name-words.rules';
import { foldName } from './normalize.rules';

// Words that name a team, a function or a department instead of a person. A display name or an
// address local part made with one is a shared mailbox ("Geschäftsleitung", "Alle Mitarbeiter",
// info@, vertrieb@, noreply@): it never yields a person's name. German and English, folded.
const FUNCTION_WORDS = new Set(
  tableOf(`
    geschäftsleitung, geschäftsführung, geschäftsstelle, unternehmensleitung, vorstand, aufsichtsrat
    management, leitung, sekretariat, vorzimmer, assistenz, empfang, rezeption, zentrale, telefonzentrale
    poststelle, verwaltung, buchhaltung, finanzbuchhaltung, lohnbuchhaltung, fibu, rechnungswesen
    rechnungseingang, rechnung, rechnungen, mahnwesen, controlling, finanzen, einkauf, beschaffung
    vertrieb, verkauf, innendienst, außendienst, auftragsannahme, auftragsabwicklung, bestellung, bestellungen
    anfrage, anfragen, angebot, angebote, kundenservice, kundendienst, kundenbetreuung, kundencenter
    service, support, technik, edv, logistik, versand, disposition, qualitätssicherung, qualitätsmanagement
    personal, personalabteilung, personalwesen, bewerbung, bewerbungen, karriere, ausbildung
    marketing, presse, pressestelle, kommunikation, redaktion, datenschutz, datenschutzbeauftragter
    rechtsabteilung, mitarbeiter, mitarbeitende, mitarbeiterinnen, belegschaft, team, abteilung, gruppe
    büro, office, niederlassung, filiale, standort, info, information, kontakt, hallo, newsletter
    benachrichtigung, benachrichtigungen, noreply, no reply, donotreply, do not reply, keine antwort
    staff, allstaff, everyone, employees, board, reception, frontdesk, accounts, accounting
    accounts payable, accounts receivable, payables, receivables, payroll, finance, billing, invoice, invoices
    purchasing, procurement, orders, sales, helpdesk, servicedesk, hotline, customer service, customer care
    human resources, recruiting, careers, legal, compliance, privacy, security, abuse, press, media
    communications, contact, hello, enquiries, inquiries, admin, administrator, webmaster, postmaster
    hostmaster, mailer daemon, bounce, bounces, notification, notifications, alerts, news, updates, system
    shop, mail, email, group, holding
    betriebsrat, personalrat, mitarbeitervertretung, azubi, azubis, auszubildende, kreditoren, debitoren
    reklamation, reklamationen, retoure, retouren, returns, export, import, dispo, fuhrpark, backoffice
    facility, termine, terminvergabe, anmeldung, arbeitssicherheit, sicherheit, customer, projekt, project
    teams, room, meetingroom, boardroom, scheduling, bookings, booking, buchung, buchungen
  `).map((word) => word.replace(/ /g, '')),
);

// Function words that are also family names ("Anna Post", "Steve Jobs"): they make a mailbox a
// function mailbox only together with a function address or other function words.
const SURNAME_LIKE = new Set(
  tableOf('post, jobs, mailer, alle, all, lager, kasse, zoll, lohn, kalender, hausmeister, termin, raum'),
);

// Department acronyms, only as written in capitals ("HR", "IT"): "Hr." is Herr, "It" a word. As
// the whole local part (hr@, it@) they count in any case.
const ACRONYMS = new Set(['HR', 'IT', 'QS', 'QM', 'EDV', 'PR', 'EHS', 'HSE']);
const ACRONYM_LOCAL_PARTS = new Set([...ACRONYMS].map((acronym) => acronym.toLowerCase()));

// Compounds: "Vertriebsinnendienst", "Kundenzentrale", "Vertriebsteam", "Rechnungseingang".
const FUNCTION_STEMS = tableOf(`
  vertrieb, buchhaltung, einkauf, rechnung, personal, kunden, service, support, marketing
  geschäftsführ, geschäftsleit, noreply, donotreply, versand, termin, reklamation, retour, konferenz
  besprechung, auftragsbest
`);
const FUNCTION_ENDINGS = tableOf(`
  team, abteilung, service, zentrale, büro, center, centre, desk, support, leitung, verwaltung
  buchhaltung, stelle, eingang, management, mitarbeiter, gruppe, raum, room, einkauf, bestätigung
  anmeldung, sicherheit, vergabe
`);
const MIN_COMPOUND_HEAD = 3;

// Words that only fill a function mailbox's name: "Ihr Team", "Die Geschäftsleitung", "Sales & Support".
const FILLERS = new Set(
  tableOf('und, and, der, die, das, des, ihr, ihre, dein, deine, unser, unsere, the, your, our, of'),
);

const compact = (word: string) => foldName(word).replace(/ /g, '');

function isFunctionCompound(word: string): boolean {
  return (
    FUNCTION_STEMS.some((stem) => word.length > stem.length && word.startsWith(stem)) ||
    FUNCTION_ENDINGS.some((ending) => word.length >= ending.length + MIN_COMPOUND_HEAD && word.endsWith(ending))
  );
}

function isFunctionCompact(word: string, strict: boolean): boolean {
  if (word === '' || (strict && SURNAME_LIKE.has(word))) return false;
  return FUNCTION_WORDS.has(word) || SURNAME_LIKE.has(word) || isFunctionCompound(word);
}

/**
 * True for a word that names a function or team ("Vertrieb", "Kundenservice", "HR",
 * "IT-Abteilung"); surname-like ones ("Post") only when `strict` is false. A hyphenated word is
 * one when a part is ("IT-Abteilung", "Vertrieb-Süd").
 */
export function isFunctionWord(token: string, strict = true): boolean {
  // Without the punctuation around it, but with a dot: "HR." is Herr.
  const bare = token.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
  if (ACRONYMS.has(bare)) return true;
  if (isFunctionCompact(compact(token), strict)) return true;
  const parts = bare.split('-');
  return parts.length > 1 && parts.some((part) => ACRONYMS.has(part) || isFunctionCompact(compact(part), true));
}

const wordsOf = (text: string) => text.split(/[\s&+,;]+/).filter((word) => compact(word) !== '');
const meaningfulWords = (text: string) => wordsOf(text).filter((word) => !FILLERS.has(compact(word)));

/**
 * True for a name that is a function mailbox: a function word among its words ("Vertrieb Muster",
 * "Max Mustermann Vertrieb"), or only function and filler words ("Alle", "Post"). Surname-like
 * words count anywhere when `functionAddress` (the address itself is a function mailbox).
 */
export function isFunctionName(text: string, functionAddress = false): boolean {
  if (wordsOf(text).some((word) => isFunctionWord(word, !functionAddress))) return true;
  const meaningful = meaningfulWords(text);
  return meaningful.length > 0 && meaningful.every((word) => isFunctionWord(word, false));
}

/** True for a name made only of function and filler words ("Die Geschäftsleitung", "Sales & Support"). */
export function isOnlyFunctionWords(text: string, functionAddress = false): boolean {
  const meaningful = meaningfulWords(text);
  return meaningful.length > 0 && meaningful.every((word) => isFunctionWord(word, !functionAddress));
}

/**
 * True for the local part of a function mailbox: `info`, `vertrieb-sued`, `alle.mitarbeiter`,
 * `no-reply`; a single word may be surname-like (`post@`), a part of a longer one may not
 * (`anna.post@` is Anna Post).
 */
export function isFunctionLocalPart(local: string): boolean {
  const whole = local.split('+')[0] ?? '';
  if (isFunctionWord(whole, false) || ACRONYM_LOCAL_PARTS.has(whole)) return true;
  const parts = whole.split(/[._-]+/).filter((part) => /[a-z]/.test(part));
  return parts.length > 1 && parts.some((part) => isFunctionWord(part));
}

// Tags that mail systems and administrators put around a name: "Max Mustermann (extern)",
// "[EXTERN] Max Mustermann", "EXT - Max Mustermann", "Max Mustermann:GUEST".
const NAME_TAGS = new Set(
  tableOf(`
    extern, externe, externer, external, ext, intern, interne, internal, guest, gast, contractor
    ooo, abwesend, urlaub, vacation, caution, achtung, warnung, warning, spam, suspicious
    verdächtig, unverified, unverifiziert, mobil, mobile, privat, private
  `),
);

export const isNameTag = (token: string) => NAME_TAGS.has(foldName(token));
