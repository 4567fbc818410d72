// The README's test command: type-check, lint, build what the browser tests
// load, then run every test once and print one summary line.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { npx, ROOT, run, runOrExit } from './run.mjs';

const extra = process.argv.slice(2);

runOrExit('type-check (tsc -b)', npx('tsc'), ['-b']);
runOrExit('lint (biome)', npx('biome'), ['ci', '--reporter=summary', '.']);
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);

const report = path.join(ROOT, 'test-results', 'vitest.json');
rmSync(report, { force: true });
const { status } = run(npx('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}
process.exit(status);
