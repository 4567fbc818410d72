import { createStandardPublicClientApplication } from '@azure/msal-browser';
import type { DialogTokenMessage } from '../auth/msal-token';
import { loadAppConfig } from '@klarkonform/shared/auth';

// The sign-in fallback for Outlook clients without nested app authentication (m365-tech.md
// §2.3): the task pane opens this page with Office's dialog API; it signs in with a redirect
// (the dialog is a top-level window, so no iframe limits apply) and hands the token back.

const AUTHORITY = 'https://login.microsoftonline.com/organizations';

function reply(message: DialogTokenMessage): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function run(): Promise<void> {
  await Office.onReady();
  const { auth } = await loadAppConfig();
  if (auth.mode !== 'entra') {
    reply({ error: 'not configured for Microsoft Entra ID' });
    return;
  }
  const app = await createStandardPublicClientApplication({
    auth: {
      clientId: auth.clientId,
      authority: AUTHORITY,
      // msal-browser 5: the identity provider answers to the bridge page, which hands the
      // response back to this page.
      redirectUri: `${location.origin}/addin/auth-redirect.html`,
    },
    cache: { cacheLocation: 'localStorage' },
  });
  const result = await app.handleRedirectPromise();
  if (result) {
    reply({ accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() });
    return;
  }
  await app.acquireTokenRedirect({ scopes: [auth.scope] });
}

run().catch((err: unknown) => {
  const text = err instanceof Error ? err.message : String(err);
  const status = document.getElementById('status');
  if (status) status.textContent = text;
  try {
    reply({ error: text });
  } catch {
    // Not inside an Office dialog: the text on the page is all we can do.
  }
});
