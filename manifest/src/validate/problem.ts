// One readable finding of the validator: which check, where (a manifest path
// such as "extensions[0].runtimes[0].code.page" or a file and line), and what
// is wrong in words an admin or developer can act on.

export type CheckName =
  | 'settings'
  | 'schema'
  | 'version'
  | 'actions'
  | 'urls'
  | 'icons'
  | 'localization'
  | 'xml'
  | 'events';

export interface ValidationProblem {
  readonly check: CheckName;
  readonly where: string;
  readonly message: string;
}

export function problem(check: CheckName, where: string, message: string): ValidationProblem {
  return { check, where, message };
}

export function formatProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => `  - [${p.check}] ${p.where}: ${p.message}`).join('\n');
}

export class PackageValidationError extends Error {
  override readonly name = 'PackageValidationError';
  constructor(
    readonly subject: string,
    readonly problems: readonly ValidationProblem[],
  ) {
    super(
      `${subject} failed validation (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`,
    );
  }
}
