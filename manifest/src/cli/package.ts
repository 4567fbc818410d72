import path from 'node:path';
import { buildPackage, describeApp } from '../package';
import { REPO_ROOT } from '../paths';
import { RenderError } from '../render';
import { SettingsError } from '../settings';
import { PackageValidationError } from '../validate/index';
import { exitWith, flagValue } from './args';

// npm run package -- --env <name>
// Renders manifest/env/<name>.json into manifest/dist/klarkonform-<name>.zip
// (for Integrated apps / Teams admin center) and
// manifest/dist/klarkonform-<name>-outlook-addin.xml (for the clients the
// unified manifest does not reach). Exits 1 with every problem listed.

const envName = flagValue(process.argv.slice(2), 'env');
if (!envName) {
  console.error('Usage: npm run package -- --env <name>   (reads manifest/env/<name>.json, e.g. --env dev)');
  process.exit(2);
}

try {
  const built = await buildPackage(envName);
  const shown = (file: string) => path.relative(REPO_ROOT, file);
  console.log(`App package (validated):  ${shown(built.zipFile)}`);
  console.log(`Add-in-only XML manifest: ${shown(built.xmlFile)}`);
  for (const line of describeApp(built.manifest)) console.log(`  - ${line}`);
} catch (err) {
  exitWith(err, [SettingsError, RenderError, PackageValidationError]);
}
