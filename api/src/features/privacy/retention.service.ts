import {
  coversOf,
  erasureOutcomeOf,
  type ErasureOutcome,
  type RetainedRecord,
  recordTypeOfActivity,
  type RetentionCover,
} from '@klarkonform/shared';
import type { Connection, Model } from 'mongoose';
import { type ActivityDoc, activityModel } from '../activities/activities.model';
import { type OpportunityDoc, opportunityModel } from '../opportunities/opportunities.model';
import type { PrivacySettingsService } from './privacy-settings.service';

// Which of a contact's records a retention period still covers (issue 15; the rules in
// shared/src/privacy/retention.rules.ts): its logged e-mails and letters (activities linked to
// it, read by the timeline key) and the won opportunities it is the contact of or, for a company,
// holds (by `contactKeys`). Both reads are top-level equalities (QUERY-RULES.md rule 2) with a
// projection of the few fields the rule needs.

export class RetentionService {
  private readonly activities: Model<ActivityDoc>;
  private readonly opportunities: Model<OpportunityDoc>;
  constructor(
    connection: Connection,
    private readonly settings: PrivacySettingsService,
    private readonly clock: () => Date,
  ) {
    this.activities = activityModel(connection);
    this.opportunities = opportunityModel(connection);
  }

  /** The records of `contactId` a period covers today, the longest kept first. */
  async coversFor(tenantId: string, contactId: string): Promise<RetentionCover[]> {
    const [years, records] = await Promise.all([
      this.settings.retentionYears(tenantId),
      this.recordsOf(tenantId, contactId),
    ]);
    return coversOf(records, years, this.clock());
  }

  /** What erasing the contact now would do (nothing changed): held, erased or restricted until eraseOn. */
  async preview(tenantId: string, contactId: string, legalHold: boolean): Promise<ErasureOutcome> {
    return erasureOutcomeOf(await this.coversFor(tenantId, contactId), legalHold);
  }

  private async recordsOf(tenantId: string, contactId: string): Promise<RetainedRecord[]> {
    const [activities, won] = await Promise.all([
      this.activities
        .find({ tenantId, timelineKeys: contactId }, { type: 1, occurredAt: 1, contactIds: 1 })
        .lean<Pick<ActivityDoc, '_id' | 'type' | 'occurredAt' | 'contactIds'>[]>(),
      this.opportunities
        .find({ tenantId, contactKeys: contactId, stage: 'won' }, { closedAt: 1, updatedAt: 1 })
        .lean<Pick<OpportunityDoc, '_id' | 'closedAt' | 'updatedAt'>[]>(),
    ]);
    const records: RetainedRecord[] = [];
    for (const a of activities) {
      const recordType = recordTypeOfActivity(a.type);
      // A company's timeline holds its people's entries too: only the contact's own count.
      if (recordType && a.contactIds.includes(contactId)) {
        records.push({ record: 'activity', recordId: String(a._id), recordType, madeAt: a.occurredAt.toISOString() });
      }
    }
    for (const o of won) {
      records.push({
        record: 'opportunity',
        recordId: String(o._id),
        recordType: 'businessLetter',
        madeAt: String(o.closedAt ?? o.updatedAt),
      });
    }
    return records;
  }
}
