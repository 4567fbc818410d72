// What the tab needs to know about where it runs. Only `teams-host.ts` talks to TeamsJS; the
// rest of the tab sees this shape, so it runs the same inside Teams and as a plain web page.

export type TabTheme = 'light' | 'dark' | 'highContrast';

/** Where the page is shown: Teams' frame context, or `browser` outside Teams. */
export type TabSurface = 'content' | 'sidePanel' | 'settings' | 'browser';

export interface TabHostContext {
  inTeams: boolean;
  /** Teams, Outlook or Office (a static tab also runs in Outlook and the Microsoft 365 app). */
  hostName: string | undefined;
  surface: TabSurface;
  theme: TabTheme;
  /** The user's display language (Teams locale or the browser's languages). */
  locale: string;
  loginHint: string | undefined;
  /** Whether Teams recommends nested app authentication for MSAL. */
  nestedAppAuth: boolean;
}

export interface TabHost {
  /** Resolves within ~1.5 s: with the Teams context, or with the plain-browser context. */
  readonly context: Promise<TabHostContext>;
  onThemeChanged(listener: (theme: TabTheme) => void): () => void;
  /** Tells Teams the tab has rendered (hides the host's loading indicator). */
  notifyLoaded(): void;
  /** The configuration page of the meeting tab: lets the user save the tab. */
  enableSave(contentUrl: string, displayName: string): void;
}
