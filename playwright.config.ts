import { defineConfig, devices } from '@playwright/test';

/**
 * E2E tests of the renderer in Debian's Chromium against the real core through the browser harness. Each test starts
 * its own harness on a fresh temp data dir (tests/e2e/fixtures.ts), so tests are independent. Run `npm run
 * build:web` first (npm run test:e2e does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    headless: true,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.KIM_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
