import type { BrowserContext, Frame, Page } from 'playwright-core';

// A stub of the Teams client for the tab: a page on the API's origin that frames
// /teams/tab.html and answers TeamsJS's postMessage protocol (initialize, getContext) and sends
// it theme changes, as Teams does. A test double of Microsoft's host and nothing else: the tab
// runs its real TeamsJS code path (inTeams, Teams themes, Teams locale). TeamsJS accepts
// messages from a parent on its own origin, so no valid-domain list is involved.

/** Teams' theme names (app.getContext().app.theme). */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

export interface TeamsHostOptions {
  theme: TeamsThemeName;
  /** Teams' display language, e.g. de-DE. */
  locale: string;
}

export interface TeamsTab {
  readonly page: Page;
  /** The tab's frame. */
  frame(): Frame;
  /** Teams switches its theme: the tab hears it through TeamsJS's themeChange handler. */
  setTheme(theme: TeamsThemeName): Promise<void>;
}

const HOST_PATH = '/__teams-host-stub.html';

// Runs in the host page (no CSP: the route answers it, not the API).
function hostScript(context: Record<string, unknown>): void {
  const frame = document.querySelector('iframe');
  const runtime = { apiVersion: 4, isNAAChannelRecommended: false, supports: { pages: { config: {} } } };
  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow) return;
    const message = event.data as { id?: unknown; uuidAsString?: string; func?: unknown };
    if (typeof message?.id !== 'number' || typeof message.func !== 'string') return;
    const reply = (args: unknown[]) =>
      (event.source as Window).postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    if (message.func === 'initialize') reply(['content', 'web', JSON.stringify(runtime), '2.58.0']);
    else if (message.func === 'getContext') reply([context]);
    // Other calls (appInitialization.success, registerHandler) need no answer.
  });
  (window as unknown as { setTeamsTheme: (theme: string) => void }).setTeamsTheme = (theme) => {
    frame?.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
  };
}

/** Opens the tab inside the stub Teams client in a new page of `context`. */
export async function openTeamsTab(
  context: BrowserContext,
  baseUrl: string,
  options: TeamsHostOptions,
): Promise<TeamsTab> {
  const page = await context.newPage();
  const teamsContext = {
    theme: options.theme,
    locale: options.locale,
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext: 'content',
    loginHint: 'max.mustermann@muster.de',
    userPrincipalName: 'max.mustermann@muster.de',
  };
  await page.route(`${baseUrl}${HOST_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Teams (stub)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe title="KlarKonform" src="/teams/tab.html"></iframe>
<script>(${hostScript.toString()})(${JSON.stringify(teamsContext)});</script></body></html>`,
    }),
  );
  await page.goto(`${baseUrl}${HOST_PATH}`);
  const frame = () => {
    const found = page.frames().find((f) => f.url().includes('/teams/tab.html'));
    if (!found) throw new Error('tab frame not found');
    return found;
  };
  return {
    page,
    frame,
    async setTheme(theme) {
      await page.evaluate(
        (name) => (window as unknown as { setTeamsTheme: (t: string) => void }).setTeamsTheme(name),
        theme,
      );
    },
  };
}
