import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';

/*
 * The browser half of the adopter test (scripts/adopter-test.sh): the stock
 * app it built from the READMEs, already running at ADOPTER_APP_URL, in
 * Debian's Chromium.
 */
export default defineConfig({
  testDir: '.',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../e2e-test-results/adopter',
  use: {
    baseURL: process.env.ADOPTER_APP_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
