import { spawn } from 'node:child_process';
import { buildPackage } from '../package';
import { RenderError } from '../render';
import { SettingsError } from '../settings';
import { PackageValidationError } from '../validate/index';
import { exitWith, flagValue, hasFlag } from './args';

// npm run sideload [-- --env dev] [-- --stop]
// Builds and validates the package, then hands the unpacked manifest to
// office-addin-debugging, which installs the app into the Microsoft 365 account
// you are signed in to (it runs `atk install` under the hood) and starts
// Outlook. Windows or macOS only, a developer tenant, never in CI.
// Always run with --stop when done: closing Outlook does not uninstall it.

const args = process.argv.slice(2);
const envName = flagValue(args, 'env') ?? 'dev';
const stop = hasFlag(args, 'stop');

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.error(
    'office-addin-debugging sideloads only on Windows or macOS. On Linux, upload the zip from ' +
      '`npm run package -- --env dev` in Teams (Apps → Manage your apps → Upload an app); see docs/DEPLOYMENT.md.',
  );
  process.exit(1);
}

let manifestFile: string;
try {
  manifestFile = (await buildPackage(envName)).unpackedManifest;
} catch (err) {
  exitWith(err, [SettingsError, RenderError, PackageValidationError]);
}

const toolArgs = stop
  ? ['--yes', 'office-addin-debugging@7', 'stop', manifestFile]
  : ['--yes', 'office-addin-debugging@7', 'start', manifestFile, 'desktop', '--app', 'outlook'];
console.log(`npx ${toolArgs.join(' ')}`);

// npx is a .cmd script on Windows, which Node starts only through a shell.
const windows = process.platform === 'win32';
const child = spawn(windows ? 'npx.cmd' : 'npx', windows ? toolArgs.map((a) => `"${a}"`) : toolArgs, {
  stdio: 'inherit',
  shell: windows,
});
child.on('exit', (code) => process.exit(code ?? 1));
