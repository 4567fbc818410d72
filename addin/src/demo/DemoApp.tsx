import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ApiContext,
  createApiClient,
  DEMO_MAILBOX,
  DEMO_USER,
  type DemoMailItem,
  demoItemDetails,
  DemoResetButton,
  type Language,
  UiTextProvider,
} from '@klarkonform/shared/ui';
import { createLocalTokenProvider } from '@klarkonform/shared/auth';
import { COMPOSE_SESSION_KEYS } from '@klarkonform/shared/send-check';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EventCompletion } from '../office/demo-events-protocol';
import type { DemoEnvironment } from '../office/demo-protocol';
import type { FakeComposeState } from '../office/fake-compose';
import type { HostTheme, MailItem } from '../office/mailbox-host';
import { THEMES } from '../taskpane/theme';
import { ComposeWindow } from './ComposeWindow';
import { initialLanguage, initialTheme, storeLanguage, storeTheme } from './demo-settings';
import { DEMO_TEXTS } from './demo-texts';
import { MailList } from './MailList';
import { ReadingPane } from './ReadingPane';
import { SendCheckDialog } from './SendCheckDialog';
import { useDemoBridge } from './useDemoBridge';
import { toStubMail, useDemoEvents } from './useDemoEvents';

const useStyles = makeStyles({
  root: { height: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, flexGrow: 1 },
  control: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { flexGrow: 1, display: 'grid', gridTemplateColumns: 'minmax(220px, 300px) 1fr 380px', minHeight: 0 },
  column: {
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  intro: { display: 'block', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  pane: { width: '100%', height: '100%', border: 'none', display: 'block' },
  newMail: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  sent: { margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
  runtime: { display: 'none' },
});

/** "Neue E-Mail" starts addressed to a customer of the demo data; To and Cc can be changed. */
const newDraft = (): FakeComposeState => ({
  recipients: { to: [{ name: 'Max Mustermann', email: 'max.mustermann@muster.de' }], cc: [], bcc: [] },
  subject: '',
  bodyHtml: '',
  sessionData: {},
});

const toMailItem = (demo: DemoMailItem): MailItem => {
  const { preview: _preview, received: _received, location: _location, ...item } = demo;
  return { ...item, ...demoItemDetails(demo) };
};

// The demo page's own client (the reset), signed in like the pane: the local issuer's demo user.
let clientLanguage: Language = 'de';
const demoApi = createApiClient({ getToken: createLocalTokenProvider().getToken, language: () => clientLanguage });

// "Try it without Outlook": an inbox with demo mails and the real task pane beside it. The page
// plays Outlook for the pane (stub mailbox over postMessage, see office/demo-host.ts).
export function DemoApp() {
  const styles = useStyles();
  const frame = useRef<HTMLIFrameElement>(null);
  const themeId = useId();
  const languageId = useId();
  const [selected, setSelected] = useState(DEMO_MAILBOX[0]?.key ?? '');
  const [theme, setTheme] = useState<HostTheme>(initialTheme);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  // A reset restarts the pane, which then shows the fresh data.
  const [paneRun, setPaneRun] = useState(0);
  const texts = DEMO_TEXTS[language];
  const current = DEMO_MAILBOX.find((item) => item.key === selected) ?? DEMO_MAILBOX[0];
  const item = useMemo(() => (current ? toMailItem(current) : null), [current]);
  const environment = useMemo<DemoEnvironment>(
    () => ({ theme, displayLanguage: language === 'de' ? 'de-DE' : 'en-US', userEmail: DEMO_USER.email }),
    [theme, language],
  );
  // "Neue E-Mail": a message being written instead of the selected mail; each one is a new pane.
  const [composeRun, setComposeRun] = useState(0);
  const [draft, setDraft] = useState<FakeComposeState | null>(null);
  const { sendRecipients } = useDemoBridge(
    frame,
    item,
    environment,
    draft ? { draft, onChanged: setDraft } : undefined,
  );
  // The send check: the real events.js in a hidden event runtime, one per message being written.
  const events = useRef<HTMLIFrameElement>(null);
  const [sending, setSending] = useState(false);
  const [sendProblem, setSendProblem] = useState<string | undefined>();
  const [held, setHeld] = useState<EventCompletion>(null);
  const [sent, setSent] = useState<string | undefined>();
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const runtime = useDemoEvents(events, composeRun, () => {
    // The new message starts with a recipient in To: RecipientsChanged for it, as if typed in, so
    // that sending answers from the warm consent cache.
    const start = latestDraft.current;
    if (start && start.recipients.to.length + start.recipients.cc.length > 0) {
      runtime
        .invoke('onMessageRecipientsChangedHandler', toStubMail(start, environment.displayLanguage))
        .catch(() => undefined);
    }
  });

  /** "Senden": the send handler decides; allowed (or sent anyway) closes the message. */
  const send = async (anyway: boolean) => {
    const message = latestDraft.current;
    if (!message) return;
    setSendProblem(undefined);
    // Outlook does not send a message without recipients (nor asks the add-in).
    const { to, cc, bcc } = message.recipients;
    if (to.length + cc.length + bcc.length === 0) {
      setSendProblem(texts.noRecipients);
      return;
    }
    if (!anyway) {
      setSending(true);
      let outcome: EventCompletion;
      try {
        outcome = await runtime.invoke('onMessageSendHandler', toStubMail(message, environment.displayLanguage));
      } catch {
        setSendProblem(texts.checkUnavailable);
        return;
      } finally {
        setSending(false);
      }
      if (outcome?.allowEvent === false) {
        setHeld(outcome);
        return;
      }
    }
    setHeld(null);
    // Whether the mail was logged, from the API (the handler logs it before it completes).
    const session = message.sessionData;
    const composeKey = session[COMPOSE_SESSION_KEYS.composeKey];
    let confirmation = texts.sent;
    if (session[COMPOSE_SESSION_KEYS.logOnSend] === '1' && composeKey) {
      const logged = await demoApi
        .mailStatus('', undefined, composeKey)
        .then((status) => status.logged)
        .catch(() => false);
      confirmation = logged ? texts.sentLogged : texts.sentNotLogged;
    }
    setDraft(null);
    setSent(confirmation);
  };

  useEffect(() => {
    clientLanguage = language;
    document.documentElement.lang = language;
    document.title = texts.title ?? '';
  }, [language, texts]);

  return (
    // The layout sits inside the provider: Fluent gives the provider's class to its portals (the
    // dialogs) too, and a full-height block there would cover the page behind a dialog.
    <FluentProvider theme={THEMES[theme]}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" className={styles.title}>
            {texts.title}
          </Text>
          <span className={styles.control}>
            <label htmlFor={themeId}>{texts.theme}</label>
            <Select
              id={themeId}
              value={theme}
              onChange={(_, d) => {
                setTheme(d.value as HostTheme);
                storeTheme(d.value as HostTheme);
              }}
            >
              <option value="light">{texts.light}</option>
              <option value="dark">{texts.dark}</option>
              <option value="highContrast">{texts.highContrast}</option>
            </Select>
          </span>
          <span className={styles.control}>
            <label htmlFor={languageId}>{texts.language}</label>
            <Select
              id={languageId}
              value={language}
              onChange={(_, d) => {
                setLanguage(d.value as Language);
                storeLanguage(d.value as Language);
              }}
            >
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </Select>
          </span>
          <UiTextProvider language={language}>
            <ApiContext.Provider value={demoApi}>
              <DemoResetButton onReset={() => setPaneRun((run) => run + 1)} />
            </ApiContext.Provider>
          </UiTextProvider>
        </header>
        <div className={styles.body}>
          <nav className={styles.column} aria-label={texts.inbox}>
            <Text size={200} className={styles.intro}>
              {texts.intro}
            </Text>
            <Button
              className={styles.newMail}
              appearance={draft ? 'primary' : 'secondary'}
              aria-pressed={draft !== null}
              onClick={() => {
                setDraft(newDraft());
                setComposeRun((run) => run + 1);
                setSent(undefined);
                setSendProblem(undefined);
              }}
            >
              {texts.newMail}
            </Button>
            <div role="status" className={styles.sent}>
              {sent && (
                <MessageBar intent="success" data-testid="demo-sent">
                  <MessageBarBody>{sent}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            <MailList
              items={DEMO_MAILBOX}
              selected={draft ? '' : selected}
              onSelect={(key) => {
                setDraft(null);
                setSelected(key);
              }}
              label={texts.inbox ?? ''}
              meetingLabel={texts.meeting ?? ''}
              language={language}
            />
          </nav>
          <main className={styles.column}>
            {draft ? (
              <ComposeWindow
                draft={draft}
                texts={texts}
                onRecipients={(recipients) => {
                  setDraft((d) => (d ? { ...d, recipients } : d));
                  sendRecipients(recipients);
                  runtime
                    .invoke(
                      'onMessageRecipientsChangedHandler',
                      toStubMail({ ...draft, recipients }, environment.displayLanguage),
                    )
                    .catch(() => undefined);
                }}
                onSend={() => void send(false)}
                sending={sending}
                problem={sendProblem}
              />
            ) : (
              current && <ReadingPane item={current} texts={texts} />
            )}
          </main>
          <aside aria-label={texts.pane}>
            <iframe
              key={`${paneRun}-${draft ? `compose-${composeRun}` : 'read'}`}
              ref={frame}
              className={styles.pane}
              src="/addin/demo-pane.html"
              title={texts.pane}
            />
          </aside>
        </div>
        {/* Not shown and without a title: it is no part of the page (the pane is its one titled frame). */}
        {draft && (
          // biome-ignore lint/a11y/useIframeTitle: never shown (display: none), so not exposed to assistive technology
          <iframe
            key={`events-${composeRun}`}
            ref={events}
            className={styles.runtime}
            src="/addin/demo-events.html"
            tabIndex={-1}
          />
        )}
        <SendCheckDialog
          outcome={held}
          texts={texts}
          onClose={() => setHeld(null)}
          onOpenPane={() => {
            setHeld(null);
            frame.current?.focus();
          }}
          onSendAnyway={() => void send(true)}
        />
      </div>
    </FluentProvider>
  );
}
