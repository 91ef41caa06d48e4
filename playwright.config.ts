import { defineConfig } from '@playwright/test';

// Two workers, one per project: the Chromium files run in one (one Chromium with the extension, shared by its
// files) while the Firefox files run in the other, each browser waiting on its own pages much of the time.
// Never two of the same browser at once: the machines have two cores and a browser with an extension is heavy.
export default defineConfig({
  testDir: 'tests/e2e',
  // One line when the real-page corpus is missing (its tests are skipped; with CI=true, an error).
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 2,
  // One retry in CI only: a test that fails twice fails; a pass on retry is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : 'list',
  outputDir: process.env.NETGOV_TEST_OUTPUT ?? 'test-results/e2e',
  // Firefox ESR runs through puppeteer-core inside these tests (tests/e2e/firefox-helpers.ts): its own project,
  // so that `--project=firefox` runs only the Firefox files and `--project=chromium` only the others.
  projects: [
    { name: 'chromium', workers: 1, testIgnore: [/firefox\.spec\.ts$/, /[\\/]firefox[\\/]/] },
    { name: 'firefox', workers: 1, testMatch: [/firefox\.spec\.ts$/, /[\\/]firefox[\\/].*\.spec\.ts$/] },
  ],
});
