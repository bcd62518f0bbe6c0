import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'bot/**/*.test.ts', 'test/**/*.test.ts', 'manifest/**/*.test.ts', 'teams-app/**/*.test.ts', 'tab/src/**/*.test.{ts,tsx}', 'outlook-addin/src/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: keep parallel test files modest so servers and browsers do not starve.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
