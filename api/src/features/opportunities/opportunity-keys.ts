import { closeMonthOf, foldName, isOpenStage, monthOf, type Opportunity } from '@klarkonform/shared';
import type { OpportunityDoc, OpportunityKeys } from './opportunities.model';

// Lookup keys and the mapping between the stored document and the API's Opportunity.

/** Sorts after every date in `listSort`: undated opportunities come last. */
const UNDATED_SORT = '9999-99-99';

export type OpportunityFields = Omit<Opportunity, 'id'>;

/** The lookup keys of an opportunity's fields (recomputed on every write, never edited). */
export function keysOf(fields: OpportunityFields): OpportunityKeys {
  return {
    contactKeys: [...new Set([fields.contactId, ...(fields.companyId ? [fields.companyId] : [])])],
    closeMonth: closeMonthOf(fields.expectedCloseDate) ?? 'none',
    closedMonth: fields.closedAt ? monthOf(new Date(fields.closedAt)) : 'open',
    open: isOpenStage(fields.stage),
    listSort: `${fields.expectedCloseDate ?? UNDATED_SORT} ${foldName(fields.title)}`,
  };
}

const FIELDS: ReadonlyArray<keyof OpportunityFields> = [
  'title',
  'contactId',
  'contactName',
  'companyId',
  'companyName',
  'amountCents',
  'probability',
  'stage',
  'expectedCloseDate',
  'offerDate',
  'offerContent',
  'lossReason',
  'ownerId',
  'ownerName',
  'stageHistory',
  'closedAt',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
];

/** The API fields of a stored document (storage-only fields left out). */
export function fieldsOf(doc: OpportunityDoc): OpportunityFields {
  const source = doc as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of FIELDS) if (source[key] !== undefined && source[key] !== null) fields[key] = source[key];
  return structuredClone(fields) as OpportunityFields;
}

export function toOpportunity(doc: OpportunityDoc): Opportunity {
  return { id: String(doc._id), ...fieldsOf(doc) };
}

/** The API field names, for the `$unset` of fields a change removed. */
export const OPPORTUNITY_FIELDS = FIELDS;
