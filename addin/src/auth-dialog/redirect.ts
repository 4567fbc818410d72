import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// msal-browser 5's redirect bridge: receives the identity provider's answer and returns it to
// the page that started the sign-in (auth-dialog.html). Served without COOP headers.
broadcastResponseToMainFrame().catch((err: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = err instanceof Error ? err.message : String(err);
});
