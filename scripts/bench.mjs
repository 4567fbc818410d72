// npm run bench: the API benchmark, the import/export benchmark (issue 16), then the task-pane and
// send-check benchmarks in Chromium. Numbers go to the console; nothing here fails on them.
import { runOrExit } from './run.mjs';

// BENCH_ONLY=sendcheck / taskpane: only that browser benchmark; BENCH_ONLY=import: only the import and
// export benchmark (BENCH_IMPORT_ROWS, default 50,000); any other value filters the API shapes.
const only = process.env.BENCH_ONLY;
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
const browserOnly = only === 'sendcheck' || only === 'taskpane';
if (!browserOnly && only !== 'import') {
  runOrExit('API benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/api-bench.ts']);
}
if (!only || only === 'import') {
  runOrExit('import/export benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/import-bench.ts']);
}
if (only === 'import') process.exit(0);
runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);
if (!only || only === 'taskpane') {
  runOrExit('task-pane benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/taskpane-bench.ts']);
}
if (!only || only === 'sendcheck') {
  runOrExit('send-check benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/sendcheck-bench.ts']);
}
