import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Browser tests: one production server (seeded temp database) for all files, Debian's Chromium driven by
// playwright-core. Run after `next build --webpack` (scripts/test.sh does both).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // a busy machine (CI, 2 cores, a production server and Chromium beside the tests) can take seconds where an idle
    // one takes milliseconds: waits for the page are bounded by what is wrong, never by what is fast
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
