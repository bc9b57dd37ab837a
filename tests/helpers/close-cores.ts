import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeCores, openCores } from './temp-vault';

/**
 * Setup file of every vitest run (vitest.config.ts): every dispatcher a test opens through openCore or setupVault
 * is closed, so no test leaves a vault unlocked, a database handle open or an audit head unwritten behind it.
 * Root hooks: beforeEach runs before a file's own beforeEach hooks, afterEach after its own afterEach hooks.
 */
beforeEach(() => {
  openCores.testRunning = true;
});

afterEach(async () => {
  openCores.testRunning = false;
  await closeCores(openCores.inTest);
});

afterAll(async () => {
  await closeCores(openCores.inFile);
});
