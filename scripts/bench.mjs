// npm run bench: the API benchmark, the contacts mirror against the fake Microsoft, then the
// task-pane and send-check benchmarks in Chromium. Numbers go to the console; nothing here fails on them.
import { runOrExit } from './run.mjs';

// BENCH_ONLY=sendcheck / taskpane / mirror: only that benchmark; any other value filters the API shapes.
const only = process.env.BENCH_ONLY;
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
const browserOnly = only === 'sendcheck' || only === 'taskpane';
const mirrorOnly = only === 'mirror';
if (!browserOnly && !mirrorOnly) {
  runOrExit('API benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/api-bench.ts']);
}
if (!only || mirrorOnly) {
  runOrExit('contacts mirror benchmark', process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/bench/mirror-bench.ts']);
}
if (mirrorOnly) process.exit(0);
runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);
if (!only || only === 'taskpane') {
  runOrExit('task-pane benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/taskpane-bench.ts']);
}
if (!only || only === 'sendcheck') {
  runOrExit('send-check benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/sendcheck-bench.ts']);
}
