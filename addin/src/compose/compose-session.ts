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

/**
 * How closely the send check looks at a purpose: marketing (checked for consent) > transactional >
 * personal. Inserting a template only ever raises the mail's purpose; lowering it is the user's
 * explicit choice ("Zweck ändern", see useComposeSession).
 */
export const PURPOSE_RANK: Readonly<Record<TemplatePurpose, number>> = { marketing: 3, transactional: 2, personal: 1 };

/** The stricter of the mail's current purpose (none yet: undefined) and an inserted template's. */
export function stricterPurpose(current: TemplatePurpose | undefined, inserted: TemplatePurpose): TemplatePurpose {
  return current && PURPOSE_RANK[current] >= PURPOSE_RANK[inserted] ? current : inserted;
}

/**
 * The entries to write after a template was inserted: the mail's purpose (the stricter of
 * `currentPurpose` and the template's, so a marketing mail stays marketing when a business
 * template follows), the template's id and name, and logging on.
 */
export function templateEntries(
  template: { id: string; name: string; purpose: TemplatePurpose },
  currentPurpose?: TemplatePurpose,
): [string, string][] {
  return [
    [COMPOSE_SESSION_KEYS.purpose, stricterPurpose(currentPurpose, template.purpose)],
    [COMPOSE_SESSION_KEYS.templateId, template.id],
    [COMPOSE_SESSION_KEYS.templateName, template.name.slice(0, 120)],
    [COMPOSE_SESSION_KEYS.templatePurpose, template.purpose],
    [COMPOSE_SESSION_KEYS.logOnSend, '1'],
  ];
}
