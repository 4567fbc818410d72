// npm run bench: the API benchmark, the import/export benchmark (issue 16), the contacts mirror
// against the fake Microsoft (issue 13), then the task-pane and send-check benchmarks in Chromium.
// Numbers go to the console; nothing here fails on them.
import { runOrExit } from './run.mjs';

// BENCH_ONLY=sendcheck / taskpane: only that browser benchmark; BENCH_ONLY=import: only the import and
// export benchmark (BENCH_IMPORT_ROWS, default 50,000); BENCH_ONLY=mirror: only the mirror benchmark
// (BENCH_MIRROR_CONTACTS, default 10,000); any other value filters the API shapes.
const only = process.env.BENCH_ONLY;
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
const browserOnly = only === 'sendcheck' || only === 'taskpane';
const alone = only === 'import' || only === 'mirror';
if (!browserOnly && !alone) {
  runOrExit('API benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/api-bench.ts']);
}
if (!only || only === 'import') {
  runOrExit('import/export benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/import-bench.ts']);
}
if (!only || only === 'mirror') {
  runOrExit('contacts mirror benchmark', process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    'tests/bench/mirror-bench.ts',
  ]);
}
if (alone) process.exit(0);
runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);
if (!only || only === 'taskpane') {
  runOrExit('task-pane benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/taskpane-bench.ts']);
}
if (!only || only === 'sendcheck') {
  runOrExit('send-check benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/sendcheck-bench.ts']);
}
