import { type JsonRecord, isRecord, record, records, text } from '../json';
import { type ValidationProblem, problem } from './problem';
import type { WebFiles } from './web-files';

// Cross-references inside extensions[0] that the JSON schema cannot express:
// every actionId (ribbon buttons, menu items, mobile buttons, events, …) must
// name an action of some runtime; ids must be unique; at most 20 commands;
// and a function action must be registered in its script with
// Office.actions.associate("<id>", …) — without that, a send-time handler in
// softBlock mode stops users from sending any mail.

const MAX_ADD_IN_COMMANDS = 20;

interface ActionRef {
  readonly where: string;
  readonly actionId: string;
}

interface DefinedAction {
  readonly where: string;
  readonly type: string | undefined;
  readonly runtime: JsonRecord;
}

/** Every "actionId" anywhere in the extension except inside runtimes. */
function* actionRefs(value: unknown, where: string): Generator<ActionRef> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* actionRefs(item, `${where}[${i}]`);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'runtimes') continue;
    if (key === 'actionId' && typeof child === 'string') yield { where: `${where}.actionId`, actionId: child };
    else yield* actionRefs(child, `${where}.${key}`);
  }
}

function countCommands(extension: JsonRecord): number {
  let count = 0;
  for (const ribbon of records(extension.ribbons)) {
    for (const tab of records(ribbon.tabs)) {
      for (const group of [...records(tab.groups), ...records(tab.customMobileRibbonGroups)]) {
        for (const control of records(group.controls)) count += Math.max(1, records(control.items).length);
      }
    }
  }
  return count;
}

export function checkActions(manifest: unknown, web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const extensions = records(record(manifest).extensions);
  for (const [e, extension] of extensions.entries()) {
    const base = `extensions[${e}]`;
    const defined = new Map<string, DefinedAction>();
    const runtimeIds = new Map<string, string>();

    for (const [r, runtime] of records(extension.runtimes).entries()) {
      const runtimeWhere = `${base}.runtimes[${r}]`;
      const runtimeId = text(runtime.id);
      if (runtimeId !== undefined) {
        const first = runtimeIds.get(runtimeId);
        if (first)
          problems.push(problem('actions', `${runtimeWhere}.id`, `runtime id "${runtimeId}" is also used by ${first}`));
        else runtimeIds.set(runtimeId, runtimeWhere);
      }
      for (const [a, action] of records(runtime.actions).entries()) {
        const where = `${runtimeWhere}.actions[${a}]`;
        const id = text(action.id);
        if (id === undefined) continue;
        const first = defined.get(id);
        if (first)
          problems.push(problem('actions', `${where}.id`, `action id "${id}" is already defined at ${first.where}`));
        else defined.set(id, { where, type: text(action.type), runtime });
      }
    }

    const known = [...defined.keys()].join(', ') || 'none';
    for (const ref of actionRefs(extension, base)) {
      if (!defined.has(ref.actionId)) {
        problems.push(
          problem(
            'actions',
            ref.where,
            `actionId "${ref.actionId}" does not match any runtime action (defined: ${known})`,
          ),
        );
      }
    }

    const commands = countCommands(extension);
    if (commands > MAX_ADD_IN_COMMANDS) {
      problems.push(
        problem(
          'actions',
          `${base}.ribbons`,
          `${commands} add-in commands; Outlook allows at most ${MAX_ADD_IN_COMMANDS}`,
        ),
      );
    }

    for (const [id, action] of defined) {
      if (action.type !== 'executeFunction') continue;
      // The JS-only runtime (classic Outlook on Windows) loads code.script directly, so
      // the registration must be in that file. Missing files are the URL check's job.
      const script = text(record(action.runtime.code).script);
      const located = script === undefined ? undefined : web.locate(script);
      if (located?.kind === 'file' && !located.data.toString('utf8').includes(id)) {
        problems.push(
          problem(
            'actions',
            action.where,
            `function "${id}" is not registered in ${script}: call Office.actions.associate("${id}", handler) there`,
          ),
        );
      }
    }
  }
  return problems;
}
