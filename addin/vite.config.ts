import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API under /addin/: the Outlook task pane (taskpane.html), the demo page with its
// pane (demo.html, demo-pane.html) and its event runtime for the send check (demo-events.html,
// which loads the built events.js), and the sign-in fallback pages. Modern browsers only: the
// task pane runs in Edge WebView2, Safari/WKWebView and current browsers (Outlook on the web).
export default defineConfig({
  base: '/addin/',
  plugins: [react()],
  // `npx vite` in addin/ for hot reload against a running API (npm start on port 3000); the demo's
  // send check loads the handler script the API serves (built by scripts/build.mjs).
  server: {
    proxy: Object.fromEntries(
      ['/api', '/app-config.json', '/local-issuer', '/icons', '/addin/events.js'].map((path) => [
        path,
        'http://localhost:3000',
      ]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The shared package's modules have no side effects (pure rules, schemas, components),
      // so what the pane does not import from its barrels stays out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/shared/src/') },
      input: {
        taskpane: 'taskpane.html',
        'demo-pane': 'demo-pane.html',
        'demo-events': 'demo-events.html',
        demo: 'demo.html',
        'auth-dialog': 'auth-dialog.html',
        'auth-redirect': 'auth-redirect.html',
      },
    },
  },
});
