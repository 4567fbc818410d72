import type { Connection } from 'mongoose';
import type { ActivitiesService } from '../activities/activities.service';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { FollowUpsService } from '../follow-ups/follow-ups.service';
import type { MirrorStatusService } from '../mirror/mirror-status.service';
import type { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import { ConsentReviewService } from './consent-review.service';
import { DoubleOptInRepository } from './double-opt-in.repository';
import { DoubleOptInService } from './double-opt-in.service';
import { ObjectionService } from './objection.service';
import { createPrivacySettingsReader } from './privacy-a.settings-read';
import { PrivacyExportService } from './privacy-export.service';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import { PrivacyRequestsService } from './privacy-requests.service';

/** The DSGVO lifecycle's Part A (issue 15): requests register, export, objection, DOI, consent review. */
export interface PrivacyAFeature {
  requests: PrivacyRequestsService;
  exports: PrivacyExportService;
  objection: ObjectionService;
  doubleOptIn: DoubleOptInService;
  consentReview: ConsentReviewService;
}

/** What Part A reads from the other features (their services and repositories' public functions). */
export interface PrivacyADeps {
  contacts: ContactsFeature;
  activities: ActivitiesService;
  followUps: FollowUpsService;
  opportunities: OpportunitiesRepository;
  mirror: MirrorStatusService;
  clock: () => Date;
  publicBaseUrl: string;
}

export function createPrivacyAFeature(connection: Connection, deps: PrivacyADeps): PrivacyAFeature {
  const settings = createPrivacySettingsReader(connection);
  const requests = new PrivacyRequestsService(
    new PrivacyRequestsRepository(connection),
    deps.contacts.repo,
    deps.contacts.audit,
    deps.clock,
  );
  return {
    requests,
    exports: new PrivacyExportService({
      contacts: deps.contacts.contacts,
      audit: deps.contacts.audit,
      activities: deps.activities,
      followUps: deps.followUps,
      opportunities: deps.opportunities,
      mirror: deps.mirror,
      requests,
      clock: deps.clock,
    }),
    objection: new ObjectionService(deps.contacts.notes),
    doubleOptIn: new DoubleOptInService(
      new DoubleOptInRepository(connection),
      deps.contacts.contacts,
      deps.contacts.notes,
      settings,
      deps.clock,
      deps.publicBaseUrl,
    ),
    consentReview: new ConsentReviewService(deps.contacts.repo, settings, deps.clock),
  };
}
