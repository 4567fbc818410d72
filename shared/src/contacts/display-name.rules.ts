import type { Language } from '../i18n/language';
import type { Salutation } from './contact-enums.schema';
import { hasText } from './normalize.rules';

// The name fields of a stored contact, a create body, or a contact with a patch applied.
export type NameInput =
  | { kind: 'company'; name: string }
  | {
      kind: 'person';
      salutation?: Salutation | null;
      title?: string | null;
      firstName?: string | null;
      lastName: string;
    };

const joinWords = (...words: (string | null | undefined)[]) =>
  words
    .filter(hasText)
    .map((word) => word.trim())
    .join(' ');

export function displayName(contact: NameInput): string {
  if (contact.kind === 'company') return contact.name.trim();
  if (hasText(contact.firstName)) return joinWords(contact.title, contact.firstName, contact.lastName);
  // Without a first name the salutation keeps "Herr Mustermann" from reading like a first name.
  const salutation = contact.salutation === 'Herr' || contact.salutation === 'Frau' ? contact.salutation : '';
  return joinWords(salutation, contact.title, contact.lastName);
}

// Only doctor and professor belong in a letter's salutation (DIN 5008); "Dr. med.", "Dr.-Ing."
// and "Dr. rer. nat." are all addressed as "Dr.", "Dipl.-Ing." not at all.
function salutationTitles(title: string | null | undefined): ('Prof.' | 'Dr.')[] {
  if (!hasText(title)) return [];
  const found = title.toLowerCase().match(/(?<![\p{L}])(?:professor(?:in)?|prof|doktor|dr)(?![\p{L}])/gu);
  return (found ?? []).map((word) => (word.startsWith('prof') ? 'Prof.' : 'Dr.'));
}

/**
 * The greeting line of a letter or email, without the trailing comma (the writer's layout; the
 * templates' `{{briefanrede}}` adds it). Herr/Frau give "Sehr geehrter Herr Dr. Müller" (DIN 5008:
 * only Prof./Dr. of the title); `divers` the gender-neutral "Guten Tag Kim Müller"; an unknown
 * salutation (`none` or absent), a company or a person without last name the anonymous
 * "Sehr geehrte Damen und Herren" / "Dear Sir or Madam" (issue 14: a guessed form is worse than none).
 */
export function letterSalutation(contact: NameInput, lang: Language): string {
  const anonymous = lang === 'de' ? 'Sehr geehrte Damen und Herren' : 'Dear Sir or Madam';
  if (contact.kind === 'company' || !hasText(contact.lastName)) return anonymous;
  if (contact.salutation !== 'Herr' && contact.salutation !== 'Frau' && contact.salutation !== 'divers') {
    return anonymous;
  }
  const titles = salutationTitles(contact.title);
  const lastName = contact.lastName.trim();
  if (lang === 'de') {
    const titleText = titles.join(' ');
    if (contact.salutation === 'Herr') return joinWords('Sehr geehrter Herr', titleText, lastName);
    if (contact.salutation === 'Frau') return joinWords('Sehr geehrte Frau', titleText, lastName);
    // Gender-neutral German convention: "Guten Tag" with the full name.
    return joinWords('Guten Tag', titleText, contact.firstName, lastName);
  }
  // English uses one title in place of Mr/Ms: "Dear Professor Musterfrau", "Dear Dr Mustermann".
  if (titles.includes('Prof.')) return joinWords('Dear Professor', lastName);
  if (titles.includes('Dr.')) return joinWords('Dear Dr', lastName);
  if (contact.salutation === 'Herr') return joinWords('Dear Mr', lastName);
  if (contact.salutation === 'Frau') return joinWords('Dear Ms', lastName);
  return joinWords('Dear', contact.firstName, lastName);
}
