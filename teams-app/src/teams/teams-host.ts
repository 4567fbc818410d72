import { app, FrameContexts, nestedAppAuth, pages } from '@microsoft/teams-js';
import { pickLanguage } from '@klarkonform/shared/ui';
import type { TabHost, TabHostContext, TabSurface, TabTheme } from './tab-host';

// TeamsJS rejects at once in a top-level window but hangs for 60 s in a frame whose parent is
// not Teams (m365-tech.md §4.3, pitfall 24), so initialisation is raced with a short timeout
// and the tab carries on as a web page.
const INIT_TIMEOUT_MS = 1500;
const TAB_ENTITY_ID = 'klarkonform-meeting';

export function teamsTheme(theme: string | undefined): TabTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'highContrast';
  return 'light';
}

function surfaceOf(frameContext: FrameContexts | undefined): TabSurface {
  if (frameContext === FrameContexts.sidePanel || frameContext === FrameContexts.meetingStage) return 'sidePanel';
  if (frameContext === FrameContexts.settings) return 'settings';
  return 'content';
}

function browserContext(): TabHostContext {
  const requested = new URLSearchParams(location.search).get('lang');
  return {
    inTeams: false,
    hostName: undefined,
    surface: 'browser',
    theme: 'light',
    locale: requested ?? navigator.languages.join(','),
    loginHint: undefined,
    nestedAppAuth: false,
  };
}

async function initialize(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), INIT_TIMEOUT_MS);
  });
  const init = app.initialize().then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([init, timeout]);
  clearTimeout(timer);
  return ok;
}

async function teamsContext(): Promise<TabHostContext> {
  if (!(await initialize())) return browserContext();
  const context = await app.getContext();
  let naa = false;
  try {
    naa = nestedAppAuth.isNAAChannelRecommended();
  } catch {
    // Older hosts do not know the call: no nested app authentication.
  }
  return {
    inTeams: true,
    hostName: context.app.host.name,
    surface: surfaceOf(context.page.frameContext),
    theme: teamsTheme(context.app.theme),
    locale: context.app.locale || navigator.language,
    loginHint: context.user?.loginHint ?? context.user?.userPrincipalName,
    nestedAppAuth: naa,
  };
}

export function createTeamsHost(): TabHost {
  const listeners = new Set<(theme: TabTheme) => void>();
  const context = teamsContext().catch(() => browserContext());
  void context.then((ctx) => {
    if (!ctx.inTeams) return;
    // TeamsJS keeps one handler; it fans out to the tab's listeners.
    app.registerOnThemeChangeHandler((theme) => {
      for (const listener of listeners) listener(teamsTheme(theme));
    });
  });

  return {
    context,
    onThemeChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyLoaded() {
      void context.then((ctx) => {
        if (ctx.inTeams) app.notifySuccess().catch(() => undefined);
      });
    },
    enableSave(contentUrl, displayName) {
      void context.then((ctx) => {
        if (!ctx.inTeams) return;
        pages.config.registerOnSaveHandler((event) => {
          pages.config
            .setConfig({
              entityId: TAB_ENTITY_ID,
              contentUrl,
              websiteUrl: contentUrl,
              suggestedDisplayName: displayName,
            })
            .then(
              () => event.notifySuccess(),
              (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
            );
        });
        pages.config.setValidityState(true);
      });
    },
  };
}

export const languageOf = (ctx: TabHostContext) => pickLanguage(ctx.locale);
