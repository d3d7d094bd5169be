// Interop suite: the real built app against real Kamailio + rtpengine with
// sipp/baresip far ends, all on loopback (see docs/interop.md). Specs are
// plain ESM because the harness is shared with `node --test`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/interop',
  testMatch: '**/*.spec.mjs',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/interop-results.json' }]],
  outputDir: 'test-results/interop',
});
