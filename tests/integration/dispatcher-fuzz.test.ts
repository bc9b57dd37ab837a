import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { METHOD_NAMES } from '../../electron/core/contract/method-names';
import { ROLES, type Role } from '../../electron/core/contract/offices';
import { clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, OTHER_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

/**
 * Every method answers every role with a value or a refusal, never a crash (`internal`), whatever the input. The
 * earlier version of this test ran as IT only, where the role gate refused most methods before their input was
 * even parsed.
 */
describe('every method as every role', () => {
  const tmp = tempDir('kim-akte-fuzz-', true);
  let core: CoreDispatcher;
  let clientId: string;
  // Methods that end or replace the session, or change a passphrase, would stop the sweep; they have tests of their own.
  const SKIP = new Set(['session.lock', 'session.unlock', 'vault.setup', 'session.recoveryReset', 'session.changePassphrase']);
  const methods = METHOD_NAMES.filter((m) => !SKIP.has(m));

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir));
    const admin = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
    const approver = { login: 'u.datenschutz', passphrase: OTHER_PASSPHRASE };
    for (const role of ['datenschutz' as const, ...ROLES.filter((r) => r !== 'datenschutz')]) {
      if (role !== 'it-admin') await enrolAccount(core, admin, { login: `u.${role}`, displayName: `U ${role}`, role, passphrase: OTHER_PASSPHRASE }, approver);
    }
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'u.fallmanagement', passphrase: OTHER_PASSPHRASE });
    clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina'))).id;
  }, 600_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const as = async (role: Role) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', role === 'it-admin' ? { login: 'admin', passphrase: ADMIN_PASSPHRASE } : { login: `u.${role}`, passphrase: OTHER_PASSPHRASE });
  };

  it.each([...ROLES])('never crashes for %s on malformed or made-up input', async (role) => {
    await as(role);
    const fixed: unknown[] = [undefined, null, [], 'x', 42, { a: 1 }, {}, { id: clientId }, { id: '00000000-0000-4000-8000-000000000000' }];
    const crashes: string[] = [];
    for (const method of methods) {
      for (const input of fixed) {
        const r = await core.dispatch(method, input);
        if (!r.ok && r.error.code === 'internal') crashes.push(`${method} ${JSON.stringify(input)}`);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.anything({ withNullPrototype: true, withObjectString: true }), async (method, input) => {
        const r = await core.dispatch(method, input);
        if (!r.ok && r.error.code === 'internal') crashes.push(`${method} (generated input)`);
      }),
      { numRuns: 150 },
    );
    expect(crashes).toEqual([]);
    expect((await call(core, 'session.current'))?.role).toBe(role);
  }, 600_000);
});
