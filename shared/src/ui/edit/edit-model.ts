import type { ContactPatch } from '../../contacts/contact-input.schema';
import type { LeadSource, LeadStatus, Relationship, Role } from '../../contacts/contact-enums.schema';
import type { Contact, LeadInput } from '../../contacts/contact.schema';

// The edit form as flat, comparable fields. Saving sends only what the user changed; when
// someone else saved first (412), `rebase` lays the user's changes over the newer version,
// so nothing typed is lost and only truly contested fields are pointed out.

export interface EditDraft {
  relationships: Relationship[];
  roles: Role[];
  position: string;
  department: string;
  tags: string;
  specifics: string;
  customerSince: string;
  leadSource: LeadSource | '';
  leadSourceDetail: string;
  leadStatus: LeadStatus | '';
  leadNextSteps: string;
  budgetMin: string;
  budgetMax: string;
  timeframe: string;
}

export type EditField = keyof EditDraft;

const LEAD_FIELDS: readonly EditField[] = [
  'leadSource',
  'leadSourceDetail',
  'leadStatus',
  'leadNextSteps',
  'budgetMin',
  'budgetMax',
  'timeframe',
];

export function draftOf(contact: Contact): EditDraft {
  const person = contact.kind === 'person' ? contact : undefined;
  const lead = contact.lead;
  return {
    relationships: [...contact.relationships],
    roles: [...(person?.roles ?? [])],
    position: person?.position ?? '',
    department: person?.department ?? '',
    tags: contact.tags.join(', '),
    specifics: contact.notes.specifics,
    customerSince: contact.customerSince ?? '',
    leadSource: lead?.source ?? '',
    leadSourceDetail: lead?.sourceDetail ?? '',
    leadStatus: lead?.status ?? '',
    leadNextSteps: lead?.nextSteps ?? '',
    budgetMin: lead?.budget?.minEur?.toString() ?? '',
    budgetMax: lead?.budget?.maxEur?.toString() ?? '',
    timeframe: lead?.timeframe ?? '',
  };
}

const same = (a: EditDraft[EditField], b: EditDraft[EditField]) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

export function changedFields(base: EditDraft, draft: EditDraft): EditField[] {
  return (Object.keys(draft) as EditField[]).filter((field) => !same(base[field], draft[field]));
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

const euros = (text: string) => {
  const value = Number.parseInt(text.replace(/[.\s€]/g, ''), 10);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

function leadOf(draft: EditDraft): LeadInput | null {
  const lead: LeadInput = {};
  if (draft.leadSource) lead.source = draft.leadSource;
  if (draft.leadSourceDetail.trim()) lead.sourceDetail = draft.leadSourceDetail.trim();
  if (draft.leadStatus) lead.status = draft.leadStatus;
  if (draft.leadNextSteps.trim()) lead.nextSteps = draft.leadNextSteps.trim();
  if (draft.timeframe.trim()) lead.timeframe = draft.timeframe.trim();
  const minEur = euros(draft.budgetMin);
  const maxEur = euros(draft.budgetMax);
  if (minEur !== undefined || maxEur !== undefined) {
    lead.budget = { ...(minEur !== undefined ? { minEur } : {}), ...(maxEur !== undefined ? { maxEur } : {}) };
  }
  return Object.keys(lead).length > 0 ? lead : null;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** Only the fields that differ from `base`; undefined when nothing changed. */
export function patchFor(kind: Contact['kind'], base: EditDraft, draft: EditDraft): ContactPatch | undefined {
  const changed = new Set(changedFields(base, draft));
  const patch: Record<string, unknown> = {};
  if (changed.has('relationships')) patch.relationships = draft.relationships;
  if (changed.has('tags')) patch.tags = parseTags(draft.tags);
  if (changed.has('specifics')) patch.notes = { specifics: draft.specifics };
  if (changed.has('customerSince')) patch.customerSince = orNull(draft.customerSince);
  if (LEAD_FIELDS.some((field) => changed.has(field))) patch.lead = leadOf(draft);
  if (kind === 'person') {
    if (changed.has('roles')) patch.roles = draft.roles;
    if (changed.has('position')) patch.position = orNull(draft.position);
    if (changed.has('department')) patch.department = orNull(draft.department);
  }
  return Object.keys(patch).length > 0 ? (patch as ContactPatch) : undefined;
}

export interface Rebased {
  base: EditDraft;
  draft: EditDraft;
  /** Fields both the user and someone else changed; the user's value is kept. */
  conflicts: EditField[];
}

export function rebase(base: EditDraft, draft: EditDraft, latest: Contact): Rebased {
  const theirs = draftOf(latest);
  const mine = new Set(changedFields(base, draft));
  const next = { ...theirs } as Record<EditField, EditDraft[EditField]>;
  for (const field of mine) next[field] = draft[field];
  const conflicts = changedFields(base, theirs).filter(
    (field) => mine.has(field) && !same(theirs[field], draft[field]),
  );
  return { base: theirs, draft: next as EditDraft, conflicts };
}
