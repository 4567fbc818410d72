import type { EmailAddress, MailItem } from '../../office/mailbox-host';

export type ParticipantRole = 'from' | 'to' | 'cc' | 'organizer' | 'required' | 'optional';

export interface Participant {
  email: string;
  name: string;
  role: ParticipantRole;
}

const normalize = (email: string) => email.trim().toLowerCase();

/**
 * True for an Exchange legacy DN (X.500 form, `/o=ExchangeLabs/ou=…/cn=Recipients/cn=…`), which
 * Outlook hands out instead of the SMTP address for recipients of the user's own organisation,
 * notably the user as organizer of their own meetings (OfficeDev/office-js issues on legacy DN in
 * `from` and `organizer`). Such an entry names the user or a colleague, never an outside contact,
 * and has no address a card could be looked up by.
 */
export function isExchangeLegacyDn(address: string): boolean {
  return /^\s*\/o=[^/]*\/(?:ou=[^/]*\/)*cn=/i.test(address);
}

// Everyone on the item, in reading order (From, To, Cc; organizer, attendees), each address
// once, without the signed-in user (the rep does not need their own card) and without entries
// in Exchange's X.500 form (the user or a colleague whose SMTP address Outlook did not give).
export function participantsOf(item: MailItem | null, userEmail?: string): Participant[] {
  if (!item) return [];
  const groups: Array<[ParticipantRole, readonly EmailAddress[]]> =
    item.kind === 'message'
      ? [
          ['from', item.from ? [item.from] : []],
          ['to', item.to],
          ['cc', item.cc],
        ]
      : [
          ['organizer', item.organizer ? [item.organizer] : []],
          ['required', item.requiredAttendees],
          ['optional', item.optionalAttendees],
        ];
  const self = userEmail ? normalize(userEmail) : undefined;
  const seen = new Set<string>();
  const result: Participant[] = [];
  for (const [role, addresses] of groups) {
    for (const address of addresses) {
      const email = normalize(address.email);
      if (!email || email === self || isExchangeLegacyDn(email) || seen.has(email)) continue;
      seen.add(email);
      result.push({ email, name: address.name.trim() || address.email, role });
    }
  }
  return result;
}

// The sender (or organizer) by default; when that is the user, the first other person.
export function defaultParticipant(participants: readonly Participant[]): Participant | undefined {
  return participants.find((p) => p.role === 'from' || p.role === 'organizer') ?? participants[0];
}
