// Settings of the README's start command: the local token issuer instead of
// Microsoft Entra ID, the embedded database, and the demo tenant. They apply
// only where the environment does not set a variable itself.
export const DEV_ENV: Readonly<Record<string, string>> = {
  LOCAL_ISSUER: 'true',
  SEED_DEMO: 'true',
  LOG_PRETTY: 'true',
};
