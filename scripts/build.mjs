// Builds what the product serves: the Outlook task pane and the Teams tab
// (Vite), the Outlook event handler (one classic script, esbuild) and the API
// bundle for production. The embedded database is built
// by the start and test commands, which use it.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { npx, ROOT, runOrExit } from './run.mjs';

const frontEndsOnly = process.argv.includes('--front-ends');

for (const workspace of ['addin', 'teams-app']) {
  if (existsSync(path.join(ROOT, workspace, 'vite.config.ts'))) {
    runOrExit(`${workspace} build`, npx('vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(ROOT, workspace) });
  }
}
{
  // The Smart Alerts handler: ONE classic script (IIFE) without imports or ESM, because classic
  // Outlook on Windows loads it in a JS-only runtime (m365-tech.md §6.3); beside it its page.
  // After Vite, which empties addin/dist.
  const started = Date.now();
  await build({
    entryPoints: ['addin/src/events/events.ts'],
    outfile: 'addin/dist/events.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  copyFileSync(path.join(ROOT, 'addin/events.html'), path.join(ROOT, 'addin/dist/events.html'));
  console.log(`✓ event handler addin/dist/events.js (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
if (!frontEndsOnly) {
  const started = Date.now();
  // Our workspace packages are TypeScript sources: bundle them; every other
  // package stays an import from node_modules.
  await build({
    entryPoints: { server: 'api/src/server.ts', 'db-indexes': 'api/src/cli/db-indexes.ts' },
    outdir: 'api/dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [
      {
        name: 'external-node-modules',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@klarkonform/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  console.log(`✓ API bundle api/dist/server.js (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
