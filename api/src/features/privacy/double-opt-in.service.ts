import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AppRole, DoubleOptInCreate, DoubleOptInLink, Permission } from '@klarkonform/shared';
import { HttpError, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf } from '../contacts/contact-writer';
import type { ContactNotesService } from '../contacts/contact-notes.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { DoubleOptInTokenDoc } from './double-opt-in.model';
import type { DoubleOptInRepository } from './double-opt-in.repository';
import type { ReadPrivacySettings } from './privacy-a.settings-read';

// Double opt-in (§ 7 Abs. 2 Nr. 2 UWG, Art. 7(1) DSGVO: the controller must prove the consent).
// The link is `<base>/api/v1/public/doi/<token>`, token = base64url(tenant) "." link id "." HMAC-
// SHA256(tenant secret, tenant "." link id) — forging one needs the tenant's secret. The link's
// expiry and single use live in its document: a GET shows a page and never confirms (mail scanners
// prefetch links); a POST claims the link once and records `doubleOptInConfirmed` with its proof.

/** What a link is: usable (with its document), or why not. */
export type LinkState =
  | { kind: 'open'; doc: DoubleOptInTokenDoc }
  | { kind: 'expired' }
  | { kind: 'used' }
  | { kind: 'invalid' };

/** The outcome of a confirmation, for the page. */
export type Confirmation = 'confirmed' | 'expired' | 'used' | 'invalid';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The identity a confirmation is recorded under (the data subject, through the link). */
function linkActor(tenantId: string): AuthContext {
  return {
    tenantId,
    userId: 'double-opt-in-link',
    name: 'Double-Opt-in-Link',
    email: undefined,
    roles: [] as AppRole[],
    permissions: new Set<Permission>(),
    kind: 'app',
  };
}

export class DoubleOptInService {
  constructor(
    private readonly repo: DoubleOptInRepository,
    private readonly contacts: ContactsService,
    private readonly notes: ContactNotesService,
    private readonly settings: ReadPrivacySettings,
    private readonly clock: () => Date,
    private readonly publicBaseUrl: string,
  ) {}

  private async sign(tenantId: string, linkId: string, secret?: Buffer): Promise<string> {
    const key = secret ?? (await this.repo.secret(tenantId));
    return createHmac('sha256', key).update(`${tenantId}.${linkId}`).digest('base64url');
  }

  /**
   * Records `doubleOptInRequested` on the channel (the contacts feature's consent path) and
   * answers a link valid `doubleOptInValidHours` (settings, default 72). 404 for an unknown
   * contact; 409 when the contact has no e-mail address.
   */
  async create(auth: AuthContext, contactId: string, body: DoubleOptInCreate): Promise<DoubleOptInLink> {
    const contact = await this.contacts.get(auth, contactId);
    if (!contact.emails?.length) throw problem(409, 'conflict', 'noEmailForDoubleOptIn');
    const { doubleOptInValidHours } = await this.settings(auth.tenantId);
    await this.notes.addConsentEvents(auth, contactId, 'consent', 'retry', [
      { channel: body.channel, type: 'doubleOptInRequested', source: body.source },
    ]);
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + doubleOptInValidHours * 3_600_000).toISOString();
    const doc = await this.repo.insert({
      tenantId: auth.tenantId,
      contactId,
      channel: body.channel,
      source: body.source,
      createdAt: now.toISOString(),
      createdBy: actorOf(auth),
      expiresAt,
      state: 'open',
      version: 1,
    });
    const linkId = String(doc._id);
    const token = `${b64url(auth.tenantId)}.${linkId}.${await this.sign(auth.tenantId, linkId)}`;
    return { url: `${this.publicBaseUrl}/api/v1/public/doi/${token}`, expiresAt, channel: body.channel };
  }

  /** Checks a token's signature, then its link's state and expiry (as of `clock()`); changes nothing. */
  async inspect(token: string): Promise<LinkState> {
    const [tenantPart, linkId, signature] = token.split('.');
    if (!tenantPart || !linkId || !signature) return { kind: 'invalid' };
    const tenantId = Buffer.from(tenantPart, 'base64url').toString('utf8');
    if (!/^[0-9a-f-]{36}$/.test(tenantId) || !/^[0-9a-f]{24}$/.test(linkId)) return { kind: 'invalid' };
    // Only read the secret: a forged link naming an unknown tenant must not create one (a GET changes nothing).
    const secret = await this.repo.existingSecret(tenantId);
    if (!secret) return { kind: 'invalid' };
    const expected = Buffer.from(await this.sign(tenantId, linkId, secret));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { kind: 'invalid' };
    const doc = await this.repo.find(tenantId, linkId);
    if (!doc) return { kind: 'invalid' };
    if (doc.state === 'used') return { kind: 'used' };
    if (new Date(doc.expiresAt).getTime() <= this.clock().getTime()) return { kind: 'expired' };
    return { kind: 'open', doc };
  }

  /**
   * Confirms once: claims the link (open → used, atomic on its version), then records
   * `doubleOptInConfirmed` with its proof — the time, the link id, a SHA-256 hash of the
   * requesting address (with the tenant, so hashes do not compare across tenants) and the user
   * agent. If the consent cannot be recorded the link is given back and the error rethrown.
   */
  async confirm(token: string, client: { ip: string; userAgent: string | undefined }): Promise<Confirmation> {
    const state = await this.inspect(token);
    if (state.kind !== 'open') return state.kind;
    const { doc } = state;
    const at = this.clock().toISOString();
    if (!(await this.repo.claim(doc, at))) return 'used';
    const ipHash = createHash('sha256').update(`${doc.tenantId}|${client.ip}`).digest('hex').slice(0, 32);
    const proof = [
      `Bestätigt über Double-Opt-in-Link am ${at}`,
      `Link-ID ${String(doc._id)} (angefordert ${doc.createdAt} von ${doc.createdBy.name})`,
      `IP-Hash (SHA-256) ${ipHash}`,
      `User-Agent: ${(client.userAgent ?? '–').slice(0, 400)}`,
    ].join('\n');
    try {
      await this.notes.addConsentEvents(linkActor(doc.tenantId), doc.contactId, 'consent', 'retry', [
        { channel: doc.channel, type: 'doubleOptInConfirmed', source: doc.source, proof },
      ]);
    } catch (err) {
      await this.repo.release(doc);
      // The contact is gone (erased or merged away): the link is no good any more.
      if (err instanceof HttpError && (err.statusCode === 404 || err.statusCode === 409)) return 'invalid';
      throw err;
    }
    return 'confirmed';
  }
}
