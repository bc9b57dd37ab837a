import { defineConfig } from '@playwright/test';
import { electronBinary, SKIP_MESSAGE } from './electron-binary';

if (!electronBinary()) console.log(`\n[tests/electron] SKIPPED: ${SKIP_MESSAGE}\n`);

/** The real Electron app through Playwright's _electron; each test skips with a message where no binary exists. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.spec.ts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
});
