import {
  Button,
  Divider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import type { ComposeSurface, MailboxHost } from '../office/mailbox-host';
import { consentBadgeOf, lacksConsent } from './consent-badge';
import { PurposeControl } from './PurposeControl';
import { RecipientCards } from './RecipientCards';
import { TemplateInsert } from './TemplateInsert';
import { useComposeRecipients } from './useComposeRecipients';
import { useComposeSession } from './useComposeSession';
import { useComposeText } from './useComposeText';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface ComposePaneProps {
  host: MailboxHost;
  api: ApiClient;
  store: CardStore;
  userEmail: string | undefined;
}

/** The task pane on a message being written: opens the compose surface, then shows the pane. */
export function ComposePane({ host, ...rest }: ComposePaneProps) {
  const { c } = useComposeText();
  const [surface, setSurface] = useState<ComposeSurface | null | 'failed'>(null);
  useEffect(() => {
    let active = true;
    (host.openCompose?.() ?? Promise.reject(new Error('no compose surface'))).then(
      (opened) => active && setSurface(opened),
      () => active && setSurface('failed'),
    );
    return () => {
      active = false;
    };
  }, [host]);
  if (surface === null) return <Spinner size="small" />;
  if (surface === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{c('compose.openFailed')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ComposeView surface={surface} {...rest} />;
}

function ComposeView({ surface, api, store, userEmail }: Omit<ComposePaneProps, 'host'> & { surface: ComposeSurface }) {
  const styles = useStyles();
  const { c } = useComposeText();
  const { recipients, failed, retry } = useComposeRecipients(surface, store, userEmail);
  const { session, setLogOnSend, templateInserted, setPurpose } = useComposeSession(surface);
  // Whether the tenant switched the send check off (then the pane must not promise it); unknown: on.
  const [checkOff, setCheckOff] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    api.sendCheckSettings(abort.signal).then(
      (settings) => setCheckOff(!settings.enabled),
      () => undefined,
    );
    return () => abort.abort();
  }, [api]);

  // Who lacks consent: with a marketing purpose the send check will hold the mail.
  const lacking = (recipients ?? [])
    .filter((r) => {
      const card = store.get(r.email)?.card;
      return card !== undefined && lacksConsent(consentBadgeOf(card));
    })
    .map((r) => store.get(r.email)?.card?.contact?.displayName ?? r.email);
  const held = session?.purpose === 'marketing' ? lacking : [];

  return (
    <div className={styles.root} data-testid="compose-pane">
      <section className={styles.section} aria-labelledby="compose-recipients">
        <Text as="h2" id="compose-recipients" size={400} weight="semibold" className={styles.heading}>
          {c('compose.recipients')}
        </Text>
        {failed && (
          <MessageBar intent="error">
            <MessageBarBody>{c('compose.cardsFailed')}</MessageBarBody>
            <Button size="small" onClick={retry}>
              {c('compose.retry')}
            </Button>
          </MessageBar>
        )}
        {recipients === null ? (
          <Spinner size="tiny" label={c('compose.loadingCards')} />
        ) : recipients.length === 0 ? (
          <Text className={styles.hint}>{c('compose.noRecipients')}</Text>
        ) : (
          <RecipientCards recipients={recipients} store={store} />
        )}
      </section>
      <Divider />
      <section className={styles.section} aria-labelledby="compose-template">
        <Text as="h2" id="compose-template" size={400} weight="semibold" className={styles.heading}>
          {c('compose.template')}
        </Text>
        <TemplateInsert
          surface={surface}
          api={api}
          recipients={recipients ?? []}
          store={store}
          onInserted={templateInserted}
          lacking={session?.purpose === 'marketing' || checkOff ? [] : lacking}
        />
        {session?.purpose && <PurposeControl purpose={session.purpose} onChange={setPurpose} checkOff={checkOff} />}
        {held.length > 0 && (
          <MessageBar intent="warning" data-testid="marketing-held">
            <MessageBarBody>
              {c(checkOff ? 'compose.marketingUnchecked' : 'compose.marketingHeld', { names: held.join(', ') })}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <Divider />
      <section className={styles.section}>
        <Switch
          label={c('compose.logOnSend')}
          checked={session?.logOnSend ?? false}
          disabled={session === null}
          onChange={(_, d) => void setLogOnSend(d.checked)}
        />
        <Text size={200} className={styles.hint}>
          {c('compose.logOnSendHint')}
        </Text>
        {!surface.sessionDataShared && (
          <Text size={200} className={styles.hint}>
            {c('compose.noSessionData')}
          </Text>
        )}
      </section>
    </div>
  );
}
