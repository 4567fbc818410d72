import { type JsonRecord, record, records, text } from '../json';
import { XML_MANIFEST_FILE } from '../render';
import { SEND_MODES } from '../settings';
import { type XmlElement, descendants, localName, xsiType } from '../xml';
import { type ValidationProblem, problem } from './problem';
import type { WebFiles } from './web-files';

// The compose surface and the event runtime (Smart Alerts consent check, issue 14), in both
// manifests. The schema cannot see what breaks sending: a handler not associated in the script
// the JS-only runtime loads (softBlock then blocks every mail), a missing events.js/events.html,
// an unknown send mode, or an event runtime offered to clients below Mailbox 1.12.

/** The lowest Mailbox requirement set with event-based Smart Alerts (OnMessageSend). */
export const EVENTS_MIN_MAILBOX = '1.12';
const XML_SEND_MODES = SEND_MODES.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

const versionAtLeast = (version: string | undefined, min: string) => {
  const [a = 0, b = 0] = (version ?? '0').split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

const mailboxMin = (requirements: unknown) =>
  text(records(record(requirements).capabilities).find((c) => c.name === 'Mailbox')?.minVersion);

/** Whether `script` (the built file) calls Office.actions.associate("<name>", …). */
export function associates(script: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`Office\\.actions\\.associate\\(\\s*["'\`]${escaped}["'\`]\\s*,`).test(script);
}

function scriptText(url: string | undefined, web: WebFiles): string | undefined {
  if (url === undefined) return undefined;
  const located = web.locate(url);
  return located.kind === 'file' ? located.data.toString('utf8') : undefined;
}

/** The unified manifest: compose ribbon, event runtime, autoRunEvents. */
export function checkEventRuntime(manifest: unknown, web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [e, extension] of records(record(manifest).extensions).entries()) {
    const base = `extensions[${e}]`;
    const runtimes = records(extension.runtimes);
    const actionOf = new Map<string, { runtime: JsonRecord; r: number; type: string | undefined }>();
    for (const [r, runtime] of runtimes.entries()) {
      for (const action of records(runtime.actions)) {
        const id = text(action.id);
        if (id) actionOf.set(id, { runtime, r, type: text(action.type) });
      }
    }

    // The compose surface: a mailCompose ribbon whose buttons open a task pane.
    const compose = records(extension.ribbons).filter((ribbon) =>
      (Array.isArray(ribbon.contexts) ? ribbon.contexts : []).includes('mailCompose'),
    );
    if (compose.length === 0) {
      problems.push(
        problem('events', `${base}.ribbons`, 'no ribbon with context "mailCompose": the compose pane cannot be opened'),
      );
    }
    for (const ribbon of compose) {
      for (const tab of records(ribbon.tabs)) {
        for (const group of records(tab.groups)) {
          for (const control of records(group.controls)) {
            const id = text(control.actionId);
            const action = id ? actionOf.get(id) : undefined;
            if (action && action.type !== 'openPage') {
              problems.push(
                problem(
                  'events',
                  `${base}.ribbons`,
                  `the compose button "${text(control.id)}" must open a task pane (openPage), not ${action.type}`,
                ),
              );
            }
          }
        }
      }
    }

    const autoRun = records(extension.autoRunEvents);
    let sending = 0;
    for (const [a, entry] of autoRun.entries()) {
      const where = `${base}.autoRunEvents[${a}]`;
      if (!versionAtLeast(mailboxMin(entry.requirements) ?? mailboxMin(extension.requirements), EVENTS_MIN_MAILBOX)) {
        problems.push(
          problem(
            'events',
            `${where}.requirements`,
            `event-based activation needs Mailbox ${EVENTS_MIN_MAILBOX} or later`,
          ),
        );
      }
      for (const [i, event] of records(entry.events).entries()) {
        const eventWhere = `${where}.events[${i}]`;
        const type = text(event.type);
        if (type === 'messageSending') {
          sending++;
          const mode = text(record(event.options).sendMode);
          if (mode !== undefined && !(SEND_MODES as readonly string[]).includes(mode)) {
            problems.push(
              problem(
                'events',
                `${eventWhere}.options.sendMode`,
                `"${mode}" is not a send mode (${SEND_MODES.join(', ')})`,
              ),
            );
          }
        }
        const actionId = text(event.actionId);
        const action = actionId ? actionOf.get(actionId) : undefined;
        if (!actionId || !action) continue; // the actions check names unknown ids
        const runtimeWhere = `${base}.runtimes[${action.r}]`;
        if (action.type !== 'executeFunction') {
          problems.push(
            problem(
              'events',
              `${eventWhere}.actionId`,
              `"${actionId}" must be an executeFunction action, not ${action.type}`,
            ),
          );
        }
        const code = record(action.runtime.code);
        const script = text(code.script);
        if (!text(code.page) || !script) {
          problems.push(
            problem(
              'events',
              `${runtimeWhere}.code`,
              'an event runtime needs code.page (events.html) and code.script (events.js, classic Outlook on Windows)',
            ),
          );
        }
        if (
          !versionAtLeast(
            mailboxMin(action.runtime.requirements) ?? mailboxMin(extension.requirements),
            EVENTS_MIN_MAILBOX,
          )
        ) {
          problems.push(
            problem(
              'events',
              `${runtimeWhere}.requirements`,
              `the event runtime must require Mailbox ${EVENTS_MIN_MAILBOX} or later`,
            ),
          );
        }
        const source = scriptText(script, web);
        if (source !== undefined && !associates(source, actionId)) {
          problems.push(
            problem(
              'events',
              `${runtimeWhere}.code.script`,
              `${script} does not call Office.actions.associate("${actionId}", …)`,
            ),
          );
        }
      }
    }
    if (sending > 1) {
      problems.push(problem('events', `${base}.autoRunEvents`, 'Outlook allows one messageSending handler per add-in'));
    }
  }
  return problems;
}

const at = (element: XmlElement) => `${XML_MANIFEST_FILE} line ${element.line} <${element.name}>`;

/** The XML manifest: compose surface in every DesktopFormFactor, LaunchEvents, the JS runtime. */
export function checkXmlEvents(root: XmlElement, web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const all = [...descendants(root)];
  const permissions = all.find((e) => localName(e) === 'Permissions' && e.children.length === 0);
  if (!permissions || !['ReadWriteItem', 'ReadWriteMailbox'].includes(permissions.text.trim())) {
    problems.push(
      problem(
        'events',
        XML_MANIFEST_FILE,
        '<Permissions> must be ReadWriteItem: the compose pane and the send check change the item',
      ),
    );
  }
  const composeRule = all.some(
    (e) => localName(e) === 'Rule' && e.attributes.ItemType === 'Message' && e.attributes.FormType === 'Edit',
  );
  if (!composeRule) {
    problems.push(
      problem(
        'events',
        XML_MANIFEST_FILE,
        'no <Rule ItemType="Message" FormType="Edit">: the add-in never activates in compose',
      ),
    );
  }
  for (const factor of all.filter((e) => localName(e) === 'DesktopFormFactor')) {
    const points = factor.children.filter((c) => localName(c) === 'ExtensionPoint');
    if (!points.some((p) => xsiType(p) === 'MessageComposeCommandSurface')) {
      problems.push(
        problem('events', at(factor), 'has no MessageComposeCommandSurface: the compose pane cannot be opened'),
      );
    }
  }

  const overrides = all.filter((e) => localName(e) === 'VersionOverrides' && xsiType(e) === 'VersionOverridesV1_1');
  const launch = all.filter((e) => localName(e) === 'LaunchEvent' && e.attributes.Type !== undefined);
  if (launch.length === 0) {
    problems.push(
      problem('events', XML_MANIFEST_FILE, 'no LaunchEvent: the send-time consent check does not run on Mac'),
    );
    return problems;
  }
  // Resources of the V1_1 overrides: the JS runtime's file is where the functions must be associated.
  const urls = new Map<string, string>();
  for (const o of overrides) {
    for (const e of descendants(o)) {
      if (localName(e) === 'Url' && e.attributes.id && e.attributes.DefaultValue)
        urls.set(e.attributes.id, e.attributes.DefaultValue);
    }
  }
  const runtime = all.find((e) => localName(e) === 'Runtime');
  const override = runtime?.children.find((c) => localName(c) === 'Override' && c.attributes.type === 'javascript');
  const scriptUrl = override?.attributes.resid ? urls.get(override.attributes.resid) : undefined;
  if (!runtime || !scriptUrl) {
    problems.push(
      problem(
        'events',
        runtime ? at(runtime) : XML_MANIFEST_FILE,
        'the event <Runtime> needs an <Override type="javascript"> naming events.js (classic Outlook on Windows)',
      ),
    );
  }
  const source = scriptText(scriptUrl, web);
  let sending = 0;
  for (const event of launch) {
    const name = event.attributes.FunctionName ?? '';
    if (event.attributes.Type === 'OnMessageSend') {
      sending++;
      const mode = event.attributes.SendMode;
      if (mode !== undefined && !XML_SEND_MODES.includes(mode)) {
        problems.push(problem('events', at(event), `SendMode "${mode}" is not one of ${XML_SEND_MODES.join(', ')}`));
      }
    }
    if (source !== undefined && !associates(source, name)) {
      problems.push(problem('events', at(event), `${scriptUrl} does not call Office.actions.associate("${name}", …)`));
    }
  }
  if (sending > 1)
    problems.push(problem('events', XML_MANIFEST_FILE, 'Outlook allows one OnMessageSend handler per add-in'));
  return problems;
}
