import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const SHARED_NON_UI = /[\\/]shared[\\/]src[\\/](?!ui[\\/])/;

// The Teams tab: one HTML entry (tab.html), served by the API under /teams/.
export default defineConfig({
  root: import.meta.dirname,
  base: '/teams/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MSAL (Entra sign-in) is its own chunk and only loads in Entra mode.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: 'tab.html',
      // shared's schemas, rules and catalogs are side-effect free: importing one rule from its
      // root entry (leadStaleness) must not pull TypeBox schemas and i18next into the tab.
      treeshake: { moduleSideEffects: (id: string) => !SHARED_NON_UI.test(id) },
    },
  },
});
