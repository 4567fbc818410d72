import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import {
  ApiContext,
  type ApiClient,
  CardSkeleton,
  type Language,
  pickLanguage,
  UiTextProvider,
} from '@klarkonform/shared/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import {
  type HostContext,
  type HostFailure,
  type HostTheme,
  HostUnavailableError,
  type MailboxHost,
} from '../office/mailbox-host';
import { HostProblem } from './HostProblem';
import { TaskPane } from './TaskPane';
import { THEMES } from './theme';

// The compose pane (a message being written) is a chunk of its own: the read pane's first card does not wait for it.
const ComposePane = lazy(() => import('../compose/ComposePane').then((m) => ({ default: m.ComposePane })));

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  // Outlook titles the pane itself; the heading is there for screen readers' outline.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface TaskPaneAppProps {
  host: MailboxHost;
  hostContext: Promise<HostContext>;
  api: ApiClient;
  store: CardStore;
  signIn: () => Promise<void>;
  /** Tells the API client which language to ask for. */
  onLanguage: (language: Language) => void;
  /** Hosts that can switch the language live (the demo page). */
  subscribeLanguage?: (listener: (locale: string) => void) => void;
}

type Phase = { kind: 'starting' } | { kind: 'ready'; context: HostContext } | { kind: 'failed'; reason: HostFailure };

// One FluentProvider at the root, in the host's theme (light, dark, high contrast) and
// display language (German unless the host says English).
export function TaskPaneApp(props: TaskPaneAppProps) {
  const { host, hostContext, api, store, signIn, onLanguage, subscribeLanguage } = props;
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [theme, setTheme] = useState<HostTheme>('light');
  const [language, setLanguage] = useState<Language>('de');

  useEffect(() => {
    let active = true;
    // A change the host reports is newer than the context it started with: the start must not
    // undo a theme or language switched while the pane was starting.
    let themeChanged = false;
    let languageChanged = false;
    hostContext.then(
      (context) => {
        if (!active) return;
        if (!themeChanged) setTheme(context.theme);
        if (!languageChanged) setLanguage(pickLanguage(context.displayLanguage));
        setPhase({ kind: 'ready', context });
      },
      (err: unknown) => {
        if (active) setPhase({ kind: 'failed', reason: err instanceof HostUnavailableError ? err.reason : 'timeout' });
      },
    );
    const off = host.onThemeChanged((next) => {
      themeChanged = true;
      setTheme(next);
    });
    subscribeLanguage?.((locale) => {
      languageChanged = true;
      setLanguage(pickLanguage(locale));
    });
    return () => {
      active = false;
      off();
    };
  }, [host, hostContext, subscribeLanguage]);

  useEffect(() => {
    onLanguage(language);
    document.documentElement.lang = language;
  }, [language, onLanguage]);

  return (
    // Height and background on the main element, not the provider: Fluent gives the provider's
    // class to its portals, where they would cover the pane behind a dialog.
    <FluentProvider theme={THEMES[theme]} lang={language}>
      <UiTextProvider language={language}>
        <ApiContext.Provider value={api}>
          <main className={styles.root}>
            <h1 className={styles.visuallyHidden}>KlarKonform</h1>
            {phase.kind === 'starting' && <CardSkeleton />}
            {phase.kind === 'failed' && <HostProblem reason={phase.reason} />}
            {phase.kind === 'ready' &&
              (host.isComposeItem?.() ? (
                <Suspense fallback={<CardSkeleton />}>
                  <ComposePane host={host} api={api} store={store} userEmail={phase.context.userEmail} />
                </Suspense>
              ) : (
                <TaskPane host={host} userEmail={phase.context.userEmail} api={api} store={store} signIn={signIn} />
              ))}
          </main>
        </ApiContext.Provider>
      </UiTextProvider>
    </FluentProvider>
  );
}
