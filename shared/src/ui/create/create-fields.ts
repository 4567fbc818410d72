import type { CreateDraft, DraftProblem } from './create-model';

/** What the field groups of the create form get: the draft, how to change it, which problems to show. */
export interface CreateFieldsProps {
  draft: CreateDraft;
  update: (patch: Partial<CreateDraft>) => void;
  change: (next: (draft: CreateDraft) => CreateDraft) => void;
  /** Whether to show `problem` now: the draft has it and the user has been at the field. */
  show: (problem: DraftProblem) => boolean;
  /** The user has been at the field of `problem` (typed in it, left it, chose it). */
  touch: (problem: DraftProblem) => void;
}
