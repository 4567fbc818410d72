// How the API client gets a bearer token. `AuthRequiredError` means silent sign-in failed
// and the user has to act (the pane shows a sign-in button that calls `signIn`).
export interface TokenProvider {
  getToken(options: { forceRefresh: boolean }): Promise<string>;
  signIn(): Promise<void>;
}

export class AuthRequiredError extends Error {
  constructor(cause?: unknown) {
    super('sign-in required', { cause });
    this.name = 'AuthRequiredError';
  }
}
