import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import { assertStrongPassphrase } from '../../domain/users/passphrase-strength';
import { appendAudit } from '../../platform/audit/audit-log';
import type { LifecycleContext } from '../call-context';
import { SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { effectiveIdleLockMinutes, readStoredIdleLockMinutes } from '../../platform/settings/idle-lock';
import { currentPolicyView } from '../policy-context';
import type { Office } from '../../contract/offices';
import { insertAccount, toSessionUser } from '../../domain/users/account-service';
import { loadKeyring, vaultPaths, vaultState } from '../../platform/vault/vault';
import { createWorkstationVault } from './open-vault';
import { settleCategoryKeys } from './category-keys';
import { NAME_KEY_VERSION } from '../../domain/clients/name-key-rebuild';
import type { VaultStatus } from '../../contract/types/workstation-types';
import type { SetupResult } from '../../contract/types/workstation-types';


/**
 * What the lock screen may know: whether a vault exists, its office, the idle timeout, and the machine policy
 * (read-only view; folders and the office, no personal data).
 */
export async function vaultStatus(ctx: LifecycleContext): Promise<VaultStatus> {
  const policy = currentPolicyView(ctx);
  const idle = (stored: number | null) => effectiveIdleLockMinutes(stored, ctx.machinePolicy, ctx.policySources);
  if (ctx.session) {
    return {
      state: 'unlocked',
      office: ctx.session.vault.keyring.office,
      idleLockMinutes: idle(await readStoredIdleLockMinutes(ctx.session.vault.dataSource.manager)),
      appVersion: ctx.appVersion,
      policy,
    };
  }
  if (vaultState(ctx.location.dataDir) === 'uninitialised') {
    return { state: 'uninitialised', office: null, idleLockMinutes: idle(null), appVersion: ctx.appVersion, policy };
  }
  let office: Office | null = null;
  try {
    office = loadKeyring(ctx.location.dataDir).office;
  } catch {
    // A damaged keyring is reported when unlocking; the lock screen still shows.
  }
  return { state: 'locked', office, idleLockMinutes: idle(null), appVersion: ctx.appVersion, policy };
}

/**
 * First-run setup of this workstation: creates the vault, the office settings and the first administrator, and
 * leaves the session unlocked as that administrator. On any failure nothing is left behind.
 */
export async function setupVault(
  ctx: LifecycleContext,
  input: { office: Office; adminLogin: string; adminName: string; passphrase: string },
): Promise<SetupResult> {
  if (vaultState(ctx.location.dataDir) !== 'uninitialised') throw new AppError('vault.alreadyInitialised');
  // The policy's office is the only one this machine may serve; the form preselects and locks it.
  const policyOffice = ctx.machinePolicy.office;
  if (policyOffice && input.office !== policyOffice) throw new AppError('policy.officeMismatch', { vaultOffice: input.office, policyOffice });
  assertStrongPassphrase(input.passphrase, [input.adminLogin, input.adminName, input.office]);
  const created = await createWorkstationVault(ctx.location, input.office, input.adminLogin, input.passphrase, ctx.now);
  try {
    const deviceId = randomUUID();
    const account = await created.dataSource.transaction(async (m) => {
      await writeSetting(m, SETTING_KEYS.office, input.office);
      await writeSetting(m, SETTING_KEYS.deviceId, deviceId);
      // No idle lock is stored: the machine policy's lock.idleMinutes applies until an administrator chooses.
      // No client has keys yet: the vault starts at the current name key version, nothing to rebuild at unlock.
      await writeSetting(m, SETTING_KEYS.nameKeyVersion, String(NAME_KEY_VERSION));
      const admin = await insertAccount(
        m,
        { login: input.adminLogin, displayName: input.adminName, role: 'it-admin', office: input.office },
        deviceId,
        ctx.now,
      );
      const actor = { id: admin.id, role: admin.role, office: admin.office };
      await appendAudit(m, { at: ctx.now, actor, action: 'vault.setup', entity: 'account', entityId: admin.id });
      await appendAudit(m, { at: ctx.now, actor, action: 'session.unlock', entity: 'account', entityId: admin.id });
      return admin;
    });
    created.keyring.save();
    await settleCategoryKeys(created);
    const user = toSessionUser(account);
    await ctx.setSession({ vault: created, user, deviceId });
    return { recoveryKey: created.recoveryKey, user };
  } catch (error) {
    created.forgetKey();
    await created.dataSource.destroy().catch(() => undefined);
    const db = vaultPaths(ctx.location.dataDir).database;
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    throw error;
  }
}
