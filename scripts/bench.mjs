// npm run bench: the API benchmark, then the task-pane benchmark when the
// front end is built. Numbers go to the console; nothing here fails on them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runOrExit } from './run.mjs';

// BENCH_ONLY=sendcheck: only the send-time consent check's handler benchmark.
const only = process.env.BENCH_ONLY;
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
if (only === 'sendcheck') {
  runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);
  runOrExit('send-check benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/sendcheck-bench.ts']);
  process.exit(0);
}
runOrExit('API benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/api-bench.ts']);
if (existsSync(path.join(ROOT, 'tests/bench/taskpane-bench.ts'))) {
  runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);
  runOrExit('task-pane benchmark', process.execPath, ['--import', 'tsx', 'tests/bench/taskpane-bench.ts']);
}
