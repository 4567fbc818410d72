import type { OpportunityKey } from './opportunity-messages.de';

export const OPPORTUNITY_EN: Record<OpportunityKey, string> = {
  'opportunityCard.title': 'Open opportunities',
  'opportunityCard.none': 'No open opportunities',
  'opportunityCard.list': 'Open opportunities',
  'opportunityCard.closeDate': 'Closes {date}',
  'opportunityCard.noCloseDate': 'No close date',
  'opportunityCard.open': 'Open {title}',
  'opportunityCard.probability': '{percent}%',
};
