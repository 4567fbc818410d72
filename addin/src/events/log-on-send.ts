import { COMPOSE_KEY_HEADER, COMPOSE_SESSION_KEYS as KEYS } from '@klarkonform/shared/send-check';
import { apiOrigin, eventApi } from './event-api';
import { displayLanguage, participantsOf, sessionValue, setInternetHeader, subjectOf } from './office-item';
import { eventLanguage } from './send-check-messages';

// "E-Mail protokollieren beim Senden": when the compose pane ticked it (`kk.logOnSend` '1'), the
// mail gets the compose key as an internet header (so its sent copy is recognised in read mode)
// and the log entry is posted, keyed by the compose key. Within `budgetMs`; a failure never holds
// the mail back (the user can still log the sent copy from the read pane).

const TEMPLATE_PURPOSES = ['marketing', 'transactional', 'personal'] as const;
type Purpose = (typeof TEMPLATE_PURPOSES)[number];
const isPurpose = (value: string | undefined): value is Purpose =>
  (TEMPLATE_PURPOSES as readonly string[]).includes(value ?? '');

/** Resolves when the header is set and the log posted, or when `budgetMs` (ms) is used up. */
export async function logSentMail(budgetMs: number): Promise<void> {
  const item = Office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item || budgetMs <= 0) return;
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, budgetMs));
  await Promise.race([deadline, post(item)]);
}

async function post(item: Office.MessageCompose): Promise<void> {
  const [logOnSend, composeKey, mailPurpose, templateId, templateName, templatePurpose] = await Promise.all(
    [KEYS.logOnSend, KEYS.composeKey, KEYS.purpose, KEYS.templateId, KEYS.templateName, KEYS.templatePurpose].map(
      (key) => sessionValue(item, key),
    ),
  );
  // The template's own purpose (a pane before issue 14's fix wrote only the mail's).
  const purpose = templatePurpose ?? mailPurpose;
  if (logOnSend !== '1' || !composeKey) return;
  const [, subject, people] = await Promise.all([
    setInternetHeader(item, COMPOSE_KEY_HEADER, composeKey).catch(() => undefined),
    subjectOf(item),
    participantsOf(item),
  ]);
  const origin = apiOrigin();
  if (!origin) return;
  const lang = eventLanguage(displayLanguage());
  const template =
    templateName && isPurpose(purpose)
      ? { name: templateName.slice(0, 120), purpose, ...(templateId ? { id: templateId } : {}) }
      : undefined;
  await eventApi(origin, () => lang).logSentMail({
    composeKey,
    subject: subject.slice(0, 500),
    to: people.to,
    ...(people.cc.length > 0 ? { cc: people.cc } : {}),
    ...(people.bcc.length > 0 ? { bcc: people.bcc } : {}),
    ...(template ? { template } : {}),
  });
}
