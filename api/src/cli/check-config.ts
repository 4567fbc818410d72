import { ConfigError, loadConfig } from '../config';
import { DEV_ENV } from './dev-env';

// The start command's first step: the configuration is read and checked before anything is
// built or started, so a bad variable is named within seconds, not after a minute of building.
try {
  loadConfig(undefined, DEV_ENV);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`KlarKonform: ${err.message}`);
  process.exit(1);
}
