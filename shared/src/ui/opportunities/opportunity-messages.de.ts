// The UI's own texts for opportunities (Verkaufschancen); stage names come from the shared
// catalog (`opportunityStage.*`), field names from `field.*`.
export const OPPORTUNITY_DE = {
  'opportunityCard.title': 'Offene Verkaufschancen',
  'opportunityCard.none': 'Keine offenen Verkaufschancen',
  'opportunityCard.list': 'Offene Verkaufschancen',
  'opportunityCard.closeDate': 'Abschluss {date}',
  'opportunityCard.noCloseDate': 'Abschluss offen',
  'opportunityCard.open': '{title} öffnen',
  'opportunityCard.probability': '{percent} %',
} as const;

export type OpportunityKey = keyof typeof OPPORTUNITY_DE;
