import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { dataDirProblem } from '../infra/embedded-postgres';
import { DEV_ENV } from './dev-env';

// The start command's first step: the configuration is read and checked before anything is
// built or started, so a bad variable is named within seconds, not after a minute of building.
try {
  const config = loadConfig(undefined, DEV_ENV);
  const problem = config.mongodbUri ? undefined : dataDirProblem(path.join(config.dataDir, 'db'));
  if (problem) {
    console.error(`KlarKonform: ${problem}`);
    process.exit(1);
  }
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`KlarKonform: ${err.message}`);
  process.exit(1);
}
