import {
  displayName,
  type ImportContactPreview,
  type ImportRowPreview,
  type ImportRowResult,
} from '@klarkonform/shared';
import type { RowDecision } from './import-decide';
import type { PlannedRow } from './import-plan';
import { type ImportResultDoc, resultBlockKey } from './imports.model';

// A row's result as stored (with the keys the preview filters by) and a row as the preview shows it.

const DUPLICATE_VERDICTS = new Set(['duplicate', 'fileDuplicate', 'alreadyImported']);

/** The stored result of one row; `filterKeys` serve the preview's filters (outcome, problems, duplicates). */
export function resultDoc(
  tenantId: string,
  importId: string,
  planned: PlannedRow,
  decision: RowDecision,
  result: ImportRowResult,
): Omit<ImportResultDoc, '_id'> {
  const keys = [`${importId}:${result.outcome}`];
  if (planned.reading.problems.length > 0 || result.outcome === 'failed') keys.push(`${importId}:problems`);
  if (DUPLICATE_VERDICTS.has(decision.verdict)) keys.push(`${importId}:duplicates`);
  return {
    tenantId,
    importId,
    index: planned.index,
    blockKey: resultBlockKey(importId, planned.index),
    row: planned.row,
    verdict: decision.verdict,
    result,
    filterKeys: keys,
  };
}

const cut = (text: string, max = 200) => (text.length > max ? text.slice(0, max) : text);

/** The row's contact as the preview table shows it (null for a row with an error). */
function contactPreview(planned: PlannedRow): ImportContactPreview | null {
  const contact = planned.reading.contact;
  if (!contact) return null;
  const name =
    contact.kind === 'company'
      ? displayName({ kind: 'company', name: contact.name ?? '' })
      : displayName({
          kind: 'person',
          lastName: contact.lastName ?? '',
          firstName: contact.firstName ?? null,
          title: contact.title ?? null,
          salutation: contact.salutation ?? 'none',
        } as never);
  return {
    ...contact,
    displayName: cut(name, 300),
    ...(planned.reading.companyName ? { companyName: planned.reading.companyName } : {}),
    optOuts: planned.reading.optOuts,
  };
}

export function rowPreview(planned: PlannedRow, decision: RowDecision, result?: ImportRowResult): ImportRowPreview {
  return {
    row: planned.row,
    values: planned.cells.map((cell) => cut(cell)),
    contact: contactPreview(planned),
    ...(decision.company ? { company: decision.company } : {}),
    problems: planned.reading.problems.slice(0, 50),
    verdict: decision.verdict,
    candidates: decision.candidates,
    ...(decision.sameAsRow !== undefined ? { sameAsRow: decision.sameAsRow } : {}),
    action: decision.action,
    actionChosen: decision.actionChosen,
    actions: decision.actions,
    ...(decision.mergeTargetId ? { mergeTargetId: decision.mergeTargetId } : {}),
    ...(result ? { result } : {}),
  };
}
