import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ArchiveRequest,
  AuditEntry,
  ConsentEventCreate,
  Contact,
  ContactCreate,
  ContactListPage,
  ContactListQuery,
  ContactPatchBody,
  FreeNoteCreate,
  HistoryEntryCreate,
  NotesChange,
  ObjectId,
  OpenItemCreate,
  OpenItemPatch,
  Problem,
} from '@klarkonform/shared';
import type { ContactsFeature } from './contacts.feature';
import { etagOf, parseIfMatch } from './contact-writer';
import { listContacts, withOwner } from './contacts.search';

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const ItemParams = Type.Object({ id: ObjectId, itemId: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const NotesHeaders = Type.Object({ ...IdempotencyHeaders.properties, ...IfMatchHeaders.properties });
const History = Type.Object({ items: Type.Array(AuditEntry) }, { additionalProperties: false });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncTypebox<{ feature: ContactsFeature }> = async (app, { feature }) => {
  const { contacts, notes, repo } = feature;

  app.post(
    '/api/v1/contacts',
    {
      config: { permission: 'contacts:write' },
      schema: {
        tags,
        summary: 'Create a contact (idempotent by Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: ContactCreate,
        response: { 200: Contact, 201: Contact, ...errors },
      },
    },
    async (request, reply) => {
      const { contact, replayed } = await contacts.create(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('etag', etagOf(contact.version)).header('location', `/api/v1/contacts/${contact.id}`);
      return reply.status(replayed ? 200 : 201).send(contact);
    },
  );

  app.get(
    '/api/v1/contacts',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Search and filter contacts',
        querystring: ContactListQuery,
        response: { 200: ContactListPage, ...errors },
      },
    },
    async (request) => listContacts(repo, request.auth.tenantId, withOwner(request.query, request.auth)),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, params: IdParams, response: { 200: Contact, ...errors } },
    },
    async (request, reply) => {
      const contact = await contacts.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      config: { permission: 'contacts:write' },
      schema: {
        tags,
        summary: 'Change a contact (If-Match with its version is required)',
        description: "Fields of the contact's kind only; a field of the other kind is refused by name (400).",
        params: IdParams,
        headers: IfMatchHeaders,
        body: ContactPatchBody,
        response: { 200: Contact, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const contact = await contacts.patch(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  );

  app.post(
    '/api/v1/contacts/:id/archive',
    {
      config: { permission: 'contacts:archive' },
      schema: { tags, params: IdParams, body: ArchiveRequest, response: { 200: Contact, ...errors } },
    },
    async (request) => contacts.archive(request.auth, request.params.id, request.body),
  );

  app.post(
    '/api/v1/contacts/:id/unarchive',
    {
      config: { permission: 'contacts:archive' },
      schema: { tags, params: IdParams, response: { 200: Contact, ...errors } },
    },
    async (request) => contacts.unarchive(request.auth, request.params.id),
  );

  app.get(
    '/api/v1/contacts/:id/history',
    { config: { permission: 'audit:read' }, schema: { tags, params: IdParams, response: { 200: History, ...errors } } },
    async (request) => contacts.history(request.auth, request.params.id),
  );

  app.post(
    '/api/v1/contacts/:id/consent-events',
    {
      config: { permission: 'consent:write' },
      schema: { tags: ['consent'], params: IdParams, body: ConsentEventCreate, response: { 200: Contact, ...errors } },
    },
    async (request) => notes.addConsentEvent(request.auth, request.params.id, request.body),
  );

  app.patch(
    '/api/v1/contacts/:id/notes',
    {
      config: { permission: 'notes:write' },
      schema: {
        tags: ['notes'],
        summary: 'Store note changes at once (If-Match and Idempotency-Key required)',
        params: IdParams,
        headers: NotesHeaders,
        body: NotesChange,
        response: { 200: Contact, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const { id } = request.params;
      const contact = await notes.saveNotes(
        request.auth,
        id,
        request.headers['idempotency-key'],
        version,
        request.body,
      );
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  );

  app.post(
    '/api/v1/contacts/:id/notes/history',
    {
      config: { permission: 'notes:write' },
      schema: { tags: ['notes'], params: IdParams, body: HistoryEntryCreate, response: { 200: Contact, ...errors } },
    },
    async (request) => notes.addHistory(request.auth, request.params.id, request.body),
  );

  app.post(
    '/api/v1/contacts/:id/notes/open-items',
    {
      config: { permission: 'notes:write' },
      schema: { tags: ['notes'], params: IdParams, body: OpenItemCreate, response: { 200: Contact, ...errors } },
    },
    async (request) => notes.addOpenItem(request.auth, request.params.id, request.body),
  );

  app.patch(
    '/api/v1/contacts/:id/notes/open-items/:itemId',
    {
      config: { permission: 'notes:write' },
      schema: { tags: ['notes'], params: ItemParams, body: OpenItemPatch, response: { 200: Contact, ...errors } },
    },
    async (request) => notes.setOpenItem(request.auth, request.params.id, request.params.itemId, request.body),
  );

  app.post(
    '/api/v1/contacts/:id/notes/free',
    {
      config: { permission: 'notes:write' },
      schema: { tags: ['notes'], params: IdParams, body: FreeNoteCreate, response: { 200: Contact, ...errors } },
    },
    async (request) => notes.addFreeNote(request.auth, request.params.id, request.body),
  );
};
