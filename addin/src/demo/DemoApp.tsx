import { Button, FluentProvider, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
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
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DemoEnvironment } from '../office/demo-protocol';
import type { FakeComposeState } from '../office/fake-compose';
import type { HostTheme, MailItem } from '../office/mailbox-host';
import { THEMES } from '../taskpane/theme';
import { ComposeWindow } from './ComposeWindow';
import { initialLanguage, initialTheme, storeLanguage, storeTheme } from './demo-settings';
import { DEMO_TEXTS } from './demo-texts';
import { MailList } from './MailList';
import { ReadingPane } from './ReadingPane';
import { useDemoBridge } from './useDemoBridge';

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
  useEffect(() => {
    clientLanguage = language;
    document.documentElement.lang = language;
    document.title = texts.title ?? '';
  }, [language, texts]);

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root}>
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
            }}
          >
            {texts.newMail}
          </Button>
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
              }}
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
    </FluentProvider>
  );
}
