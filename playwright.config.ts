import { defineConfig } from '@playwright/test';

/**
 * Playwright Electron specs. One set of specs, two backends:
 * - `standin` (default here): the real built app on the Electron stand-in
 *   (tests/support/electron-standin), because no Electron binary can be
 *   downloaded on this machine;
 * - `electron`: the same specs on real Electron (`E2E_BACKEND=electron`),
 *   skipped with the reason printed where no binary exists.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: process.env.E2E_BACKEND === 'electron' ? 'electron' : 'standin' },
  ],
});
