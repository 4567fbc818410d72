import { defineConfig } from 'vitest/config';

// Lets the manifest tests run on their own, without the root config's global
// setup (which starts the embedded database they do not need):
//   npx vitest run --root manifest
// The root `npm test` runs the same files through the root config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
