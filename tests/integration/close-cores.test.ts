import { describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { call, openCores, setupVault, tempDir } from '../helpers/temp-vault';

/** The shared setup file (tests/helpers/close-cores.ts) closes every dispatcher a test opened, after that test. */
describe('dispatchers opened by tests', () => {
  const tmp = tempDir();
  let opened: CoreDispatcher;

  it('are tracked while the test runs', async () => {
    ({ core: opened } = await setupVault(tmp.dir));
    expect(openCores.inTest.has(opened)).toBe(true);
    expect(await call(opened, 'session.current')).toMatchObject({ login: 'admin' });
  });

  it('are closed (locked) after the test that opened them', async () => {
    expect(openCores.inTest.size).toBe(0);
    expect(await call(opened, 'session.current')).toBeNull();
    await opened.close();
    tmp.cleanup();
  });
});
