import { freeEmailDomains } from 'free-email-domains-typescript';
import { domainToAscii } from './domain.rules';
import { emailDomain } from './normalize.rules';

// Free-mail and ISP mailbox domains: a sender at one of them says nothing about their employer,
// so no company is matched or suggested from the domain, and the domain is never a duplicate
// signal. The list is HubSpot's list of free e-mail domains as maintained in the package
// `free-email-domains-typescript` (about 4,800 domains; updated with the package), plus the
// German, Austrian and Swiss mailbox providers below that it lacks (checked against 1.0.13).
const DACH_MAILBOX_PROVIDERS = [
  // GMX, 1&1, Telekom, Vodafone, regional carriers
  'gmx.eu',
  'gmx.info',
  'gmx.org',
  'magenta.de',
  't-mobile.de',
  '1und1.de',
  'online.de',
  'onlinehome.de',
  'vodafone.de',
  'vodafonemail.de',
  'kabelmail.de',
  'ewetel.net',
  'osnanet.de',
  'htp-tel.de',
  'netcologne.de',
  'email.de',
  'emailn.de',
  'aol.de',
  'mnet-online.de',
  'kabelbw.de',
  'o2online.de',
  'alice.de',
  'alice-dsl.net',
  'versanet.de',
  'nexgo.de',
  'tiscali.de',
  'lycos.de',
  'ish.de',
  'primacom.de',
  'pyur.de',
  'wtnet.de',
  'dokom.net',
  'chello.at',
  'a1.net',
  'liwest.at',
  'kabsi.at',
  'tele2.at',
  'utanet.at',
  'inode.at',
  'sunrise.ch',
  'hispeed.ch',
  'green.ch',
  'swissonline.ch',
  'vtxmail.ch',
  'quicknet.ch',
  // HIN, the Swiss health professionals' mail service: the address says nothing about the practice.
  'hin.ch',
  // Privacy mailbox providers popular in the DACH region
  'mailbox.org',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'tuta.com',
  'tutamail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'zohomail.eu',
  'hey.com',
  'o2.pl',
];

// Organisations whose own domain HubSpot's list counts as free mail; their senders are theirs.
const NOT_FREE_MAIL = new Set([
  'test.de', // Stiftung Warentest
  'berlin.de', // Land Berlin's administration
]);

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  [...freeEmailDomains, ...DACH_MAILBOX_PROVIDERS].filter((domain) => !NOT_FREE_MAIL.has(domain)),
);

// Domains compare in their ASCII form: "gmx.de", "GMX.de." and an IDN in either form.
const cleanDomain = (domain: string) => domainToAscii(domain) ?? domain.trim().toLowerCase();

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(cleanDomain(domain));
}

export function isFreeMailAddress(email: string): boolean {
  const domain = emailDomain(email);
  return domain !== null && FREE_MAIL_DOMAINS.has(domain);
}
