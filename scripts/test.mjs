// The README's test command: type-check, lint, build what the browser tests
// load, then run every test once — unit, API and cross-package tests first,
// then the browser tests (Chromium) — and print one summary line.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { npx, ROOT, run, runOrExit } from './run.mjs';

runOrExit('type-check (tsc -b)', npx('tsc'), ['-b']);
runOrExit('lint (biome)', npx('biome'), ['ci', '--reporter=summary', '.']);
runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
runOrExit('front-end build', process.execPath, ['scripts/build.mjs', '--front-ends']);

const suites = [
  { name: 'unit and API', args: [] },
  { name: 'browser', args: ['-c', 'tests/browser/vitest.config.ts'] },
];
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
for (const suite of suites) {
  const report = path.join(ROOT, 'test-results', `vitest-${suite.name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  console.log(`\n── ${suite.name} tests ──`);
  const result = run(npx('vitest'), [
    'run',
    ...suite.args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (result.status !== 0) status = result.status;
  if (!existsSync(report)) {
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status || (failed > 0 ? 1 : 0));
