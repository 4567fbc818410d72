import { FluentProvider, makeStaticStyles, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ApiContext, type Language, UiTextProvider } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useTabText } from '../i18n/useTabText';
import { languageOf } from '../teams/teams-host';
import type { TabHost, TabHostContext, TabTheme } from '../teams/tab-host';
import { ServicesContext, type TabServices } from './services';
import { TabSettings } from './TabSettings';
import { TabShell } from './TabShell';
import { fluentTheme } from './themes';

const useStaticStyles = makeStaticStyles({ 'html, body': { margin: 0, padding: 0 } });

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  starting: { paddingTop: tokens.spacingVerticalXXXL },
});

function Starting({ className }: { className: string }) {
  const { tt } = useTabText();
  return <Spinner className={className} label={tt('tab.starting')} />;
}

export interface TabAppProps {
  host: TabHost;
  services: TabServices;
  /** Tells the API clients which language to ask for. */
  onLanguage: (language: Language) => void;
}

// One FluentProvider at the root, in Teams' theme (light, dark, high contrast) and language;
// the plain web theme and the browser's language outside Teams.
export function TabApp({ host, services, onLanguage }: TabAppProps) {
  useStaticStyles();
  const styles = useStyles();
  const [context, setContext] = useState<TabHostContext | undefined>();
  const [theme, setTheme] = useState<TabTheme>('light');
  const language: Language = context ? languageOf(context) : 'de';

  useEffect(() => {
    let active = true;
    host.context.then((ctx) => {
      if (!active) return;
      setTheme(ctx.theme);
      setContext(ctx);
    });
    const off = host.onThemeChanged(setTheme);
    return () => {
      active = false;
      off();
    };
  }, [host]);

  useEffect(() => {
    onLanguage(language);
    document.documentElement.lang = language;
  }, [language, onLanguage]);

  useEffect(() => {
    if (context) host.notifyLoaded();
  }, [context, host]);

  return (
    // The page's height and background sit on a div inside the provider: Fluent gives the provider's
    // class to its portals too, so on the provider they turned every dialog's backdrop into a
    // full-page sheet that hid the tab behind it.
    <FluentProvider theme={fluentTheme(theme, context?.inTeams ?? false)} lang={language}>
      <div className={styles.root}>
        <UiTextProvider language={language}>
          <ApiContext.Provider value={services.api}>
            <ServicesContext.Provider value={services}>
              {!context && <Starting className={styles.starting} />}
              {context?.surface === 'settings' && <TabSettings host={host} />}
              {context && context.surface !== 'settings' && <TabShell compact={context.surface === 'sidePanel'} />}
            </ServicesContext.Provider>
          </ApiContext.Provider>
        </UiTextProvider>
      </div>
    </FluentProvider>
  );
}
