import { defineConfig } from 'vitest/config';

// Browser journeys against the real API and the built SPA: one file at a time, since each starts a
// server and a browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
