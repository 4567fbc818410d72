import { startServer } from '../start';
import { DEV_ENV } from './dev-env';

// The README's start command: the API with the local token issuer, the
// embedded database and the demo tenant, unless the environment says otherwise.
startServer(DEV_ENV).catch((err: unknown) => {
  console.error('KlarKonform API failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
