import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e-tests/chromium';

/*
 * End-to-end tests of the demo portal in Debian's Chromium. Playwright starts
 * the backend and the app dev server (or reuses running ones outside CI) and
 * the global setup seeds the example canvases through the API.
 */
export default defineConfig({
  testDir: 'e2e-tests',
  // The adopter test's browser half runs against its own app.
  testIgnore: ['adopter/**'],
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'e2e-test-results/output',
  globalSetup: './e2e-tests/globalSetup.ts',
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/api/system-product/health',
      reuseExistingServer: !process.env.CI,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 900_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
