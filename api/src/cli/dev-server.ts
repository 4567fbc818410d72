import { startServer } from '../start';
import { DEV_ENV } from './dev-env';

// The README's start command: the API with the local token issuer, the
// embedded database and the demo tenant, unless the environment says otherwise.
// scripts/start.mjs runs us in a process group of our own; if it is gone, so are we.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

startServer(DEV_ENV).catch((err: unknown) => {
  console.error('KlarKonform API failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
