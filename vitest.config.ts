import { defineConfig } from 'vitest/config';

// One runner for every workspace. Unit tests of pure code run beside it;
// API and cross-package tests share one embedded database engine started in
// the global setup, each test file in a database of its own.
export default defineConfig({
  test: {
    include: [
      'shared/src/**/*.test.ts',
      'api/src/**/*.test.ts',
      'addin/src/**/*.test.ts',
      'teams-app/src/**/*.test.ts',
      'manifest/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
