// The README's start command: build what is missing or stale, then run the
// API (which serves the task pane, the Teams tab and the demo page) on the
// embedded database with the demo tenant.
import { spawn } from 'node:child_process';
import { runOrExit } from './run.mjs';

runOrExit('configuration', process.execPath, ['--import', 'tsx', 'api/src/cli/check-config.ts']);
runOrExit('embedded database', process.execPath, ['tools/embedded-mongo/build.mjs']);
runOrExit('front ends', process.execPath, ['scripts/build.mjs', '--front-ends']);

const api = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/dev-server.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
