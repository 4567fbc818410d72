import type { CreateSuggestion } from './sender-card.schema';
import { isFreeMailDomain } from './free-mail.rules';
import { isListHost } from './mailing-list.rules';
import { type ParsedName, readSender } from './name-parser.rules';
import { companyNameFromDomain } from './domain.rules';
import { displayEmail, normalizeEmail } from './normalize.rules';

export { companyNameFromDomain } from './domain.rules';

export interface SuggestionInput {
  email: string;
  displayName?: string | null;
  // The company found by the sender's domain, if any.
  company?: { id: string; name: string } | null;
}

// The lengths CreateSuggestion allows (sender-card.schema.ts): a longer reading ("Prof. Dr. med.
// Dr. h.c. mult. Dipl.-Ing. (FH)") is left out rather than cut, so the form never starts invalid.
const NAME_LIMITS = { title: 40, firstName: 100, lastName: 100 } as const;

function withinLimits(name: ParsedName): ParsedName {
  const result: ParsedName = { ...name };
  for (const field of Object.keys(NAME_LIMITS) as (keyof typeof NAME_LIMITS)[]) {
    if ((result[field]?.length ?? 0) > NAME_LIMITS[field]) delete result[field];
  }
  return result;
}

/**
 * The prefilled "Create contact" form for an unknown sender; null for an unusable address.
 * A person when the display name or address names one; the company itself (`kind: 'company'`)
 * when the display name is a company ("Neue Firma GmbH") or the mailbox a function of it
 * ("Geschäftsleitung", info@). The company is the one matched by domain, else the one the display
 * name names, else a guess from the domain — never from a free-mail or mailing-list host. Mail
 * through a list ("'Max Mustermann' via Liste") suggests no person for the list's address. A firm
 * without a legal form ("Müller & Söhne", "Praxis Dr. Schmidt") and a brand writing from a
 * function address ("Deutsche Bahn" <noreply@bahn.de>) are the company too (company-name.rules.ts).
 */
export function createSuggestion(input: SuggestionInput): CreateSuggestion | null {
  const email = normalizeEmail(input.email);
  if (email === null) return null;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const freeMail = isFreeMailDomain(domain);
  const sender = readSender(input.displayName, email);
  // The address as people read it (an umlaut domain in Unicode); it is stored so and matched in either form.
  const shown = displayEmail(email) ?? email;
  const suggestion: CreateSuggestion = { ...withinLimits(sender.name), email: shown, freeMail };
  if (input.company) {
    suggestion.companyId = input.company.id;
    suggestion.companyName = input.company.name;
  } else if (sender.company) {
    suggestion.companyName = sender.company;
  } else if (!freeMail && !isListHost(domain)) {
    const guessed = companyNameFromDomain(domain);
    if (guessed) suggestion.companyName = guessed;
  }
  if (sender.name.firstName !== undefined || sender.name.lastName !== undefined) suggestion.kind = 'person';
  else if (sender.company || (sender.functionMailbox && !freeMail)) suggestion.kind = 'company';
  return suggestion;
}
