import { CONSENT_CHANNELS, type ConsentReviewItem, type ConsentReviewPage, consentGrant } from '@klarkonform/shared';
import { fieldProblems } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { toContact } from '../contacts/contacts.mapper';
import type { ContactsRepository } from '../contacts/contacts.repository';
import { LIST_BUCKETS } from '../contacts/lookup-keys.rules';
import type { ReadPrivacySettings } from './privacy-a.settings-read';

// The yearly DSGVO check: consents granted longer ago than `consentReviewMonths` (settings, default
// 12). A tenant-wide check, so it reads the active contacts' list buckets one after another
// (QUERY-RULES.md rule 5, as the data-care worklist does): each bucket is an equality lookup on
// `listKeys`, and a page stops after PAGE_SIZE items or MAX_SCAN contacts looked at. No new key
// is needed: "granted before X" is evaluated on the contacts of the bucket being read. The cursor
// `<bucket>:<id>` is the last contact looked at.

const PAGE_SIZE = 50;
const MAX_SCAN = 5000;

export class ConsentReviewService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly settings: ReadPrivacySettings,
    private readonly clock: () => Date,
  ) {}

  /** One page of consents granted before now − `consentReviewMonths` (oldest grant first within a contact). */
  async page(auth: AuthContext, cursor?: string): Promise<ConsentReviewPage> {
    const from = parseCursor(cursor);
    const now = this.clock();
    const { consentReviewMonths } = await this.settings(auth.tenantId);
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - consentReviewMonths);
    const items: ConsentReviewItem[] = [];
    let scanned = 0;
    const startAt = from ? LIST_BUCKETS.indexOf(from.bucket) : 0;
    const buckets = LIST_BUCKETS.slice(startAt);
    for (const [b, bucket] of buckets.entries()) {
      const docs = (
        await this.contacts.findInBucket(auth.tenantId, 'active', bucket, { mergedInto: { $exists: false } })
      )
        .filter((d) => !from || bucket !== from.bucket || String(d._id) > from.id)
        .sort((x, y) => (String(x._id) < String(y._id) ? -1 : 1));
      for (const [i, doc] of docs.entries()) {
        scanned++;
        const contact = toContact(doc);
        const found: ConsentReviewItem[] = [];
        for (const channel of CONSENT_CHANNELS) {
          const grant = consentGrant(contact.consent.channels[channel] ?? [], now, channel);
          if (grant && new Date(grant.at) < cutoff) {
            found.push({
              contactId: contact.id,
              displayName: contact.displayName,
              channel,
              grantedAt: grant.at,
              eventType: grant.type,
            });
          }
        }
        items.push(...found.sort((x, y) => x.grantedAt.localeCompare(y.grantedAt)));
        if (items.length >= PAGE_SIZE || scanned >= MAX_SCAN) {
          const more = i < docs.length - 1 || b < buckets.length - 1;
          return { items, ...(more ? { nextCursor: `${bucket}:${String(doc._id)}` } : {}) };
        }
      }
    }
    return { items };
  }
}

function parseCursor(cursor: string | undefined): { bucket: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(.):([0-9a-f]{24})$/.exec(cursor);
  if (!match?.[1] || !match[2] || !LIST_BUCKETS.includes(match[1])) {
    throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
  }
  return { bucket: match[1], id: match[2] };
}
