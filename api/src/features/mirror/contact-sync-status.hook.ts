import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { MirrorStatusService, SyncSubject } from './mirror-status.service';

// Every full contact the API returns shows its Microsoft 365 sync status (DESIGN.md: "Every
// contact shows its sync status"): the contact itself, cards (contact and company), lead results,
// merges. The status lives in the mirror's entries, not in the contact (a sync must not change
// the contact's version under a user's edit), so it is put on the response here: for every route
// whose response schema contains a contact, in one round of parallel lookups per response.

const MAX_DEPTH = 6;

type Json = Record<string, unknown>;

/** True when a response schema contains the contact schema (an object with syncStatus and contactNumber). */
function mentionsContact(schema: unknown, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 12) return false;
  const node = schema as Json;
  const properties = node.properties as Json | undefined;
  if (properties && 'syncStatus' in properties && 'contactNumber' in properties) return true;
  const children = [
    ...Object.values(properties ?? {}),
    node.items,
    ...((node.anyOf as unknown[]) ?? []),
    ...((node.oneOf as unknown[]) ?? []),
    ...((node.allOf as unknown[]) ?? []),
  ];
  return children.some((child) => mentionsContact(child, depth + 1));
}

/** The full contacts in a response payload (objects carrying an id, a contact number and a sync status). */
function contactsIn(value: unknown, found: Json[], depth = 0): Json[] {
  if (depth > MAX_DEPTH || !value || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) contactsIn(item, found, depth + 1);
    return found;
  }
  const node = value as Json;
  if (typeof node.id === 'string' && typeof node.contactNumber === 'string' && 'syncStatus' in node) found.push(node);
  for (const child of Object.values(node)) if (child && typeof child === 'object') contactsIn(child, found, depth + 1);
  return found;
}

/**
 * Registers the status overlay for the routes registered after it (call it before the contact
 * routes). A failed lookup leaves the response as it is and is logged: a card never fails
 * because the mirror's state could not be read.
 */
export function contactSyncStatusHook(app: FastifyInstance, status: MirrorStatusService): void {
  const overlay = async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    const tenantId = request.auth?.tenantId;
    const contacts = tenantId ? contactsIn(payload, []) : [];
    if (!tenantId || contacts.length === 0) return payload;
    try {
      const subjects = new Map<string, SyncSubject>(contacts.map((c) => [String(c.id), c as SyncSubject]));
      const states = await status.states(tenantId, subjects);
      for (const contact of contacts) {
        const state = states.get(String(contact.id));
        if (!state) continue;
        delete contact.syncedAt;
        delete contact.syncProblem;
        Object.assign(contact, state);
      }
    } catch (err) {
      request.log.warn({ err }, 'the contacts mirror status could not be read');
    }
    return payload;
  };
  app.addHook('onRoute', (route: RouteOptions) => {
    const responses = Object.values((route.schema?.response ?? {}) as Json);
    if (!responses.some((schema) => mentionsContact(schema))) return;
    const existing = route.preSerialization;
    route.preSerialization = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), overlay] as never;
  });
}
