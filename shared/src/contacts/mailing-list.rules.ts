import { tableOf } from './name-words.rules';
import { emailDomain, emailLocalPart, foldName } from './normalize.rules';

// List servers rewrite the From of a member's post to the list's address and keep the member's
// name in the display name (DMARC mitigation), so that name does not belong to the address:
// - Google Groups: "'Max Mustermann' via Muster-Liste"; Mailman 2.1 and 3 (munge From):
//   "Max Mustermann via Muster-Liste"; groups.io, LinkedIn, XING: "… via …", "… über XING"
// - Sympa (dmarc_protection.phrase): "Max Mustermann (via Liste)", "Max Mustermann (max@… via
//   Liste)", "Liste (on behalf of Max Mustermann)"; Google Docs: "Max Mustermann (über Google Docs)"
// - Exchange and Microsoft 365 Groups, sent on behalf: "Vertrieb im Auftrag von Max Mustermann"
// - Yahoo Groups and other "Name [liste]" forms: the bracket names the list (see isListRewrite)
const REWRITE_PATTERNS: readonly RegExp[] = [
  /\S\s+(?:via|über|ueber)\s+\S/iu,
  /\((?:[^()]*\s)?(?:via|über|ueber)\s+[^()\s][^()]*\)/iu,
  /(?:^|[\s(])(?:on\s+behalf\s+of|im\s+auftrag\s+von)\s+\S/iu,
];

// Hosts of list services, matched with their subdomains.
const LIST_DOMAINS = `
  googlegroups.com groups.io freelists.org yahoogroups.com yahoogroups.de simplelists.com
  listbox.com topica.com discoursemail.com mailmanlists.net
`
  .split(/\s+/)
  .filter(Boolean);

// First labels of list servers' own hosts: lists.example.org, listserv.example.edu, listen.uni-….de.
const LIST_HOST_LABELS = new Set(
  tableOf('lists, list, listen, liste, listes, listserv, listserver, mailman, sympa, majordomo, ml, mailinglist'),
);

// Local parts of list addresses: the servers' own ones, LISTSERV's "NAME-L", Mailman's
// "-bounces", "-request" and "-owner", and the usual "-list", "-liste", "-users", "-announce".
const LIST_SERVER_LOCAL_PARTS = new Set(tableOf('listserv, majordomo, mailman, sympa, ecartis'));
const LIST_LOCAL_SUFFIXES = tableOf(`
  l, list, liste, lists, listen, users, announce, discuss, devel, bounces, request, owner
`);
const LIST_LOCAL_PART = new RegExp(`^[a-z0-9][a-z0-9._-]+-(?:${LIST_LOCAL_SUFFIXES.join('|')})$`);

/** True for the address of a mailing list: a list service's host, a list server's host, or a list's local part. */
export function isListAddress(email: string): boolean {
  const domain = emailDomain(email);
  const local = emailLocalPart(email);
  if (domain === null || local === null) return false;
  if (LIST_DOMAINS.some((host) => domain === host || domain.endsWith(`.${host}`))) return true;
  const labels = domain.split('.');
  if (labels.length >= 3 && LIST_HOST_LABELS.has(labels[0] ?? '')) return true;
  const bare = local.split('+')[0] ?? '';
  return LIST_SERVER_LOCAL_PARTS.has(bare) || LIST_LOCAL_PART.test(bare);
}

/** True for a host whose domain says nothing about a company (googlegroups.com, lists.example.org). */
export function isListHost(domain: string): boolean {
  return isListAddress(`x@${domain}`);
}

const compact = (text: string) => foldName(text).replace(/ /g, '');

/**
 * True when the display name is a list's rewrite of a member's name ("'Max Mustermann' via
 * Liste", "Max Mustermann (via Liste)", "Max Mustermann [liste]" from liste@…): the name is the
 * member's, the address the list's.
 */
export function isListRewrite(displayName: string, email?: string | null): boolean {
  if (REWRITE_PATTERNS.some((pattern) => pattern.test(displayName))) return true;
  const local = email ? emailLocalPart(email) : null;
  const bracket = /\[([^\]]+)\]\s*$/.exec(displayName)?.[1];
  return local !== null && bracket !== undefined && compact(bracket) === compact(local);
}

/** True when a mail comes through a mailing list: a rewritten display name or a list address. */
export function isMailingListSender(displayName: string | null | undefined, email?: string | null): boolean {
  return isListRewrite(displayName ?? '', email) || (!!email && isListAddress(email));
}
