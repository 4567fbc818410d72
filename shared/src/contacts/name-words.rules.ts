import type { Salutation } from './contact-enums.schema';
import { foldName } from './normalize.rules';

// Word lists and word-level helpers behind the name parser.

// Mailboxes of a function, not a person: never turned into a name.
export const ROLE_WORDS = new Set([
  'info',
  'kontakt',
  'contact',
  'vertrieb',
  'verkauf',
  'einkauf',
  'office',
  'buero',
  'buchhaltung',
  'rechnung',
  'rechnungen',
  'invoice',
  'invoices',
  'billing',
  'accounting',
  'noreply',
  'donotreply',
  'support',
  'sales',
  'hello',
  'hallo',
  'team',
  'service',
  'kundenservice',
  'kundendienst',
  'mail',
  'post',
  'admin',
  'webmaster',
  'postmaster',
  'newsletter',
  'marketing',
  'presse',
  'press',
  'redaktion',
  'personal',
  'bewerbung',
  'jobs',
  'karriere',
  'empfang',
  'zentrale',
  'hotline',
  'helpdesk',
  'bestellung',
  'orders',
  'shop',
  'datenschutz',
  'privacy',
  'mailer',
  'notifications',
  'benachrichtigung',
]);

// Particles stay with the last name and in lower case: "Ursula von der Leyen".
export const PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'dos',
  'das',
  'zu',
  'zum',
  'zur',
  'ten',
  'ter',
  'te',
  'la',
  'le',
]);

const SALUTATION_WORDS: Record<string, Salutation> = {
  herr: 'Herr',
  hr: 'Herr',
  hrn: 'Herr',
  herrn: 'Herr',
  mr: 'Herr',
  frau: 'Frau',
  fr: 'Frau',
  mrs: 'Frau',
  ms: 'Frau',
  miss: 'Frau',
};

export function salutationWord(token: string): Salutation | undefined {
  return SALUTATION_WORDS[token.toLowerCase().replace(/\.$/, '')];
}

// Academic titles before the name: "Prof.", "Dr.", "Dr.-Ing.", "Dipl.-Kfm.", and the degree
// qualifiers that follow a "Dr." ("med.", "rer. nat.", "h.c.").
const TITLE_HEAD = /^(?:prof|dr|pd)\.?$|^(?:doz|mag|ing|dipl)\.$|^(?:prof|dr|dipl|priv|univ|mag)\.-/i;
const TITLE_QUALIFIER =
  /^(?:med|dent|vet|rer|nat|pol|oec|phil|jur|iur|habil|h\.\s?c|mult|sc|techn|ing|univ|theol|paed|agr|biol|math|soc)\.$/i;

export function isTitleToken(token: string, afterTitle: boolean): boolean {
  return TITLE_HEAD.test(token) || (afterTitle && TITLE_QUALIFIER.test(token));
}

const POSTNOMINALS = new Set([
  'mba',
  'msc',
  'bsc',
  'ma',
  'ba',
  'llm',
  'phd',
  'mdb',
  'mdl',
  'jr',
  'sr',
  'jun',
  'sen',
  'esq',
  'beng',
  'meng',
]);

export function isPostnominal(token: string): boolean {
  return POSTNOMINALS.has(token.toLowerCase().replace(/[.\s]/g, ''));
}

// "M", "M." or "M.-L.": an initial, not a first name.
export function isInitials(token: string): boolean {
  return /^\p{L}\.?$/u.test(token) || /^\p{L}\.-?\p{L}\.?$/u.test(token);
}

export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(foldName(word).replace(/ /g, ''));
}

// Upper-case each part of a name written all in one case ("anna-lena" → "Anna-Lena",
// "O'BRIEN" → "O'Brien"); mixed case is the writer's choice ("McDonald") and is kept.
export function capitalizeWord(word: string): string {
  const isOneCase = word === word.toLowerCase() || word === word.toUpperCase();
  if (!isOneCase) return word;
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_match, separator: string, letter: string) => {
    return separator + letter.toUpperCase();
  });
}

export function isAllCaps(token: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(token) && token === token.toUpperCase();
}
