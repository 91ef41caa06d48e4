import { defineConfig } from '@playwright/test';

// One worker: the machines have two cores and Chromium with an extension is heavy.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : 'list',
  outputDir: process.env.NETGOV_TEST_OUTPUT ?? 'test-results/e2e',
});
