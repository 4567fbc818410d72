import {
  DEFAULT_MIRROR_FOLDER,
  isEmailAddress,
  MAX_MIRROR_TARGETS,
  type MirrorSettings,
  type MirrorSettingsUpdate,
  normalizeEmail,
} from '@klarkonform/shared';

// The mirror settings form (mirror.schema.ts MirrorSettingsUpdate): on/off and the target
// mailboxes as editable rows. Pure, so its rules are tested without a browser.

export { DEFAULT_MIRROR_FOLDER, MAX_MIRROR_TARGETS };
/** The contract's limit on a folder name (MirrorTarget.folderName: RequiredText(255)). */
export const MAX_FOLDER_LENGTH = 255;

/** One target row; `key` stays with the row while rows above it are removed. */
export interface TargetRow {
  key: number;
  mailbox: string;
  folderName: string;
}

export interface MirrorForm {
  enabled: boolean;
  targets: TargetRow[];
}

export type TargetProblem = 'mailboxMissing' | 'mailboxInvalid' | 'mailboxTaken' | 'folderMissing' | 'folderTooLong';

/** What is wrong with the form before it is sent: per row key and field, and the switch. */
export interface FormProblems {
  enabled?: 'enableNeedsTarget' | undefined;
  rows: ReadonlyMap<number, { mailbox?: TargetProblem | undefined; folderName?: TargetProblem | undefined }>;
}

let nextKey = 1;

/** A new, empty row with the default folder "KlarKonform CRM". */
export function newRow(): TargetRow {
  return { key: nextKey++, mailbox: '', folderName: DEFAULT_MIRROR_FOLDER };
}

/** The form for saved settings. */
export function formOf(settings: MirrorSettings): MirrorForm {
  return {
    enabled: settings.enabled,
    targets: settings.targets.map((target) => ({ key: nextKey++, ...target })),
  };
}

/** The PUT body: addresses and folder names trimmed, rows in their order. */
export function bodyOf(form: MirrorForm): MirrorSettingsUpdate {
  return {
    enabled: form.enabled,
    targets: form.targets.map((row) => ({ mailbox: row.mailbox.trim(), folderName: row.folderName.trim() })),
  };
}

/** True when the form would save something other than `saved`. */
export function isDirty(form: MirrorForm, saved: MirrorSettings): boolean {
  const body = bodyOf(form);
  return (
    body.enabled !== saved.enabled ||
    body.targets.length !== saved.targets.length ||
    body.targets.some(
      (target, i) => target.mailbox !== saved.targets[i]?.mailbox || target.folderName !== saved.targets[i]?.folderName,
    )
  );
}

/**
 * The form's problems as the contract states them: every mailbox an e-mail address, each once
 * (compared normalised, as Exchange compares SMTP addresses: case-insensitively); every folder
 * named, at most 255 characters; enabling needs at least one target.
 */
export function formProblems(form: MirrorForm): FormProblems {
  const rows = new Map<number, { mailbox?: TargetProblem; folderName?: TargetProblem }>();
  const seen = new Set<string>();
  for (const row of form.targets) {
    const mailbox = row.mailbox.trim();
    const folder = row.folderName.trim();
    const problems: { mailbox?: TargetProblem; folderName?: TargetProblem } = {};
    if (mailbox === '') problems.mailbox = 'mailboxMissing';
    else if (!isEmailAddress(mailbox)) problems.mailbox = 'mailboxInvalid';
    else {
      const key = normalizeEmail(mailbox) ?? mailbox.toLowerCase();
      if (seen.has(key)) problems.mailbox = 'mailboxTaken';
      seen.add(key);
    }
    if (folder === '') problems.folderName = 'folderMissing';
    else if (folder.length > MAX_FOLDER_LENGTH) problems.folderName = 'folderTooLong';
    if (problems.mailbox || problems.folderName) rows.set(row.key, problems);
  }
  return {
    ...(form.enabled && form.targets.length === 0 ? { enabled: 'enableNeedsTarget' as const } : {}),
    rows,
  };
}

export function hasProblems(problems: FormProblems): boolean {
  return problems.enabled !== undefined || problems.rows.size > 0;
}

/** The API's field errors placed at the form's fields; `rest` is what no field shows. */
export interface PlacedErrors {
  enabled?: string | undefined;
  targets?: string | undefined;
  rows: ReadonlyMap<number, { mailbox?: string | undefined; folderName?: string | undefined }>;
  rest: { field: string; message: string }[];
}

/**
 * Places problem+json field errors ("body.targets.1.mailbox", "body.enabled", "body.targets")
 * at the rows of `form` as it was sent (the n-th target is the n-th row).
 */
export function placeServerErrors(
  errors: readonly { field: string; message: string }[],
  form: MirrorForm,
): PlacedErrors {
  const rows = new Map<number, { mailbox?: string; folderName?: string }>();
  const placed: PlacedErrors = { rows, rest: [] };
  for (const error of errors) {
    const path = error.field.replace(/^body\.?/, '').split('.');
    const [head, index, field] = path;
    const row = head === 'targets' && index !== undefined ? form.targets[Number(index)] : undefined;
    if (row && (field === 'mailbox' || field === 'folderName' || field === undefined)) {
      // A problem with a whole target (e.g. its mailbox listed twice) shows at its mailbox.
      rows.set(row.key, { ...rows.get(row.key), [field ?? 'mailbox']: error.message });
    } else if (head === 'enabled' && path.length === 1) {
      placed.enabled = error.message;
    } else if (head === 'targets' && path.length === 1) {
      placed.targets = error.message;
    } else {
      placed.rest.push(error);
    }
  }
  return placed;
}
