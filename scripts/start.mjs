// The README's start command: build what is missing or stale, then run the
// API (which serves the task pane, the Teams tab and the demo page) on the
// embedded database with the demo tenant.
import { spawn } from 'node:child_process';
import { runOrExit } from './run.mjs';

runOrExit('configuration', process.execPath, ['--import', 'tsx', 'api/src/cli/check-config.ts']);
runOrExit('embedded database', process.execPath, ['tools/embedded-mongo/build.mjs']);
runOrExit('front ends', process.execPath, ['scripts/build.mjs', '--front-ends']);

// The API runs in a process group of its own, so a terminal's Ctrl-C reaches it once (from
// here), not twice (a second signal makes it exit at once). When npm or the shell that started
// us goes away (a service manager stopping `npm start`), the API is stopped too.
const api = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/dev-server.ts'], {
  stdio: 'inherit',
  detached: true,
});
let forwarded = 0;
const stopApi = (signal) => {
  if (api.exitCode !== null || api.signalCode !== null) return;
  forwarded++;
  api.kill(forwarded > 2 ? 'SIGKILL' : signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopApi(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && forwarded === 0) stopApi('SIGTERM');
}, 1000).unref();
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
