// Builds what the product serves: the embedded database program, the Outlook
// task pane and the Teams tab (Vite), and the API bundle for production.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { npx, ROOT, runOrExit } from './run.mjs';

const frontEndsOnly = process.argv.includes('--front-ends');

for (const workspace of ['addin', 'teams-app']) {
  if (existsSync(path.join(ROOT, workspace, 'vite.config.ts'))) {
    runOrExit(`${workspace} build`, npx('vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(ROOT, workspace) });
  }
}
if (!frontEndsOnly) {
  runOrExit('embedded database build', process.execPath, ['tools/embedded-mongo/build.mjs']);
  runOrExit('API bundle', npx('esbuild'), [
    'api/src/server.ts',
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--packages=external',
    '--sourcemap',
    '--outfile=api/dist/server.js',
  ]);
}
