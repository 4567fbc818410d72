import { COMPOSE_SESSION_KEYS, type TemplatePurpose } from '@klarkonform/shared/ui';

// What the compose pane tells the send handler through the item's session data
// (COMPOSE_SESSION_KEYS, string values): the inserted template's purpose, id and name, whether to
// log the mail when it is sent, and the compose session's key.

/** The compose pane's view of the session data. */
export interface ComposeSession {
  purpose?: TemplatePurpose;
  templateId?: string;
  templateName?: string;
  logOnSend: boolean;
  composeKey?: string;
}

const PURPOSES: readonly string[] = ['marketing', 'transactional', 'personal'];

/** Reads the session data; an unknown purpose counts as none, anything but '1' as logging off. */
export function readSession(data: Readonly<Record<string, string>>): ComposeSession {
  const purpose = data[COMPOSE_SESSION_KEYS.purpose];
  return {
    ...(purpose && PURPOSES.includes(purpose) ? { purpose: purpose as TemplatePurpose } : {}),
    ...(data[COMPOSE_SESSION_KEYS.templateId] ? { templateId: data[COMPOSE_SESSION_KEYS.templateId] } : {}),
    ...(data[COMPOSE_SESSION_KEYS.templateName] ? { templateName: data[COMPOSE_SESSION_KEYS.templateName] } : {}),
    logOnSend: data[COMPOSE_SESSION_KEYS.logOnSend] === '1',
    ...(data[COMPOSE_SESSION_KEYS.composeKey] ? { composeKey: data[COMPOSE_SESSION_KEYS.composeKey] } : {}),
  };
}

/** The entries to write after a template was inserted: its purpose, id, name, and logging on. */
export function templateEntries(template: { id: string; name: string; purpose: TemplatePurpose }): [string, string][] {
  return [
    [COMPOSE_SESSION_KEYS.purpose, template.purpose],
    [COMPOSE_SESSION_KEYS.templateId, template.id],
    [COMPOSE_SESSION_KEYS.templateName, template.name.slice(0, 120)],
    [COMPOSE_SESSION_KEYS.logOnSend, '1'],
  ];
}
