import { Button, Caption1, Checkbox, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { type Activity, ApiError, type ApiClient, COMPOSE_KEY_HEADER, useUiText } from '@klarkonform/shared/ui';
import { useEffect, useRef, useState } from 'react';
import type { MailboxHost, MailItem } from '../../office/mailbox-host';
import { isComposeKey, mailLogRequest, meetingKey, meetingLogRequest } from './log-request';

/** How long the pane waits for the item's internet headers before it asks by Message-ID alone. */
const HEADER_WAIT_MS = 2_000;

/**
 * The compose key a mail carries when it was logged as it was sent (its `x-klarkonform-compose-key`
 * header, Mailbox 1.8); undefined when absent, malformed or the host is slow to tell.
 */
function composeKeyOf(host: MailboxHost): Promise<string | undefined> {
  if (!host.getInternetHeader) return Promise.resolve(undefined);
  const header = host
    .getInternetHeader(COMPOSE_KEY_HEADER)
    .then((value) => (value && isComposeKey(value.trim()) ? value.trim() : undefined))
    .catch(() => undefined);
  return Promise.race([header, new Promise<undefined>((resolve) => setTimeout(resolve, HEADER_WAIT_MS))]);
}

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface LogItemBarProps {
  api: ApiClient;
  host: MailboxHost;
  item: MailItem;
  /** Counts item switches: a new item starts over. */
  switchId: number;
  userEmail: string | undefined;
  /** activities:write — without it only "Bereits protokolliert" shows. */
  canWrite: boolean;
  /** Nobody on the item is a contact yet: logging would be refused, so the bar says what to do first. */
  noKnownParticipant?: boolean;
  /** A log was stored now: the cards may show it. */
  onLogged?: (activity: Activity) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'logging' }
  | { kind: 'logged'; activity: Activity; now: boolean }
  | { kind: 'failed'; message: string };

/**
 * "E-Mail protokollieren" (with "Inhalt speichern") for a message, "Termin protokollieren" for an
 * appointment — for the whole item, not per person. Whether the item is logged already is asked
 * once the card has its answer (never before it), so after a reload or on another device the pane
 * says "Bereits protokolliert" with who and when. The server decides by Message-ID or iCalUId.
 */
export function LogItemBar({
  api,
  host,
  item,
  switchId,
  userEmail,
  canWrite,
  noKnownParticipant = false,
  onLogged,
}: LogItemBarProps) {
  const styles = useStyles();
  const { t, dateTime } = useUiText();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [saveBody, setSaveBody] = useState(false);
  const key = useRef(crypto.randomUUID());
  // A sent copy's compose key: status and log then go by it, so a mail logged as it left is found.
  const composeKey = useRef<string | undefined>(undefined);
  const isMessage = item.kind === 'message';
  const logKey = isMessage ? item.internetMessageId : meetingKey(item);
  const own = userEmail?.trim().toLowerCase();
  const sentByUser = isMessage && own !== undefined && own !== '' && item.from?.email.trim().toLowerCase() === own;

  // A new item starts over (state that follows a prop, adjusted while rendering).
  const [seen, setSeen] = useState(switchId);
  if (seen !== switchId) {
    setSeen(switchId);
    setState({ kind: 'idle' });
    setSaveBody(false);
    key.current = crypto.randomUUID();
  }

  useEffect(() => {
    // The pane mounts the bar once the card has its answer, so this never goes out before the card.
    if (!logKey) return;
    const abort = new AbortController();
    composeKey.current = undefined;
    // Only the user's own sent mail can carry the header: received mail asks by Message-ID at once.
    const header = sentByUser ? composeKeyOf(host) : Promise.resolve(undefined);
    const status = isMessage
      ? header.then(async (byHeader) => {
          composeKey.current = byHeader;
          const answer = byHeader ? await api.mailStatus(logKey, abort.signal, byHeader) : undefined;
          return answer?.logged ? answer : api.mailStatus(logKey, abort.signal);
        })
      : api.meetingStatus(logKey, abort.signal);
    status.then(
      (answer) => {
        if (abort.signal.aborted || !answer.logged || !answer.activity) return;
        const activity = answer.activity;
        setState((current) => (current.kind === 'idle' ? { kind: 'logged', activity, now: false } : current));
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [api, host, logKey, isMessage, sentByUser]);

  if (!logKey) return null;

  const log = async () => {
    setState({ kind: 'logging' });
    try {
      let result: Awaited<ReturnType<ApiClient['logMail']>>;
      if (isMessage) {
        const body = saveBody ? await host.getBody() : undefined;
        const request = mailLogRequest(item, userEmail, body, new Date(), composeKey.current);
        if (!request) return;
        result = await api.logMail(request, key.current);
      } else {
        const request = meetingLogRequest(item);
        if (!request) return;
        result = await api.logMeeting(request, key.current);
      }
      setState({ kind: 'logged', activity: result.activity, now: !result.alreadyLogged });
      if (!result.alreadyLogged) onLogged?.(result.activity);
    } catch (err) {
      setState({
        kind: 'failed',
        message: err instanceof ApiError && err.problem?.detail ? err.problem.detail : t('activity.logFailed'),
      });
    }
  };

  if (state.kind === 'logged') {
    const { activity } = state;
    return (
      <MessageBar intent="success" layout="multiline" data-testid="log-status">
        <MessageBarBody>
          {state.now
            ? t('activity.loggedNow', { names: activity.contactNames.filter(Boolean).join(', ') })
            : t('activity.loggedBy', { name: activity.createdBy.name, when: dateTime(activity.createdAt) })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!canWrite) return null;
  if (noKnownParticipant) {
    return (
      <Caption1 className={styles.hint} data-testid="log-item">
        {t(isMessage ? 'activity.logNeedsContactMail' : 'activity.logNeedsContactMeeting')}
      </Caption1>
    );
  }
  return (
    <div className={styles.bar} data-testid="log-item">
      <Button size="small" appearance="primary" disabled={state.kind === 'logging'} onClick={() => void log()}>
        {state.kind === 'logging' ? t('activity.logging') : t(isMessage ? 'activity.logMail' : 'activity.logMeeting')}
      </Button>
      {isMessage && (
        <Checkbox
          label={t('activity.saveBody')}
          checked={saveBody}
          disabled={state.kind === 'logging'}
          onChange={(_, data) => setSaveBody(data.checked === true)}
        />
      )}
      {state.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
