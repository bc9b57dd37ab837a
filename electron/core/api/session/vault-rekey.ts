import { AppError } from '../../contract/errors';
import type { RekeyResult } from '../../contract/types/workstation-types';
import { confirmCaller } from '../../domain/users/reauthentication';
import { appendAudit } from '../../platform/audit/audit-log';
import { loadKeyring, openVaultWithSecrets, vaultPaths, type OpenVault } from '../../platform/vault/vault';
import { formatRecoveryKey } from '../../platform/vault/recovery-key';
import { rekeyDatabaseFile } from '../../platform/vault/rekey-database';
import { newKeyPair } from '../../platform/vault/sealed-box';
import { copySecrets, SECRET_BYTES, zeroSecrets, type VaultSecrets } from '../../platform/vault/vault-secrets';
import { randomBytes } from 'node:crypto';
import type { VaultLifecycleContext } from '../call-context';
import { VAULT_ENTITIES } from './entity-list';
import { openUnlockedVault } from './open-vault';
import { settleCategoryKeys } from './category-keys';
import { copyCategoryKeys, zeroCategoryKeys } from '../../platform/vault/field-cipher';

/**
 * Re-keying: a new database key for the vault file, sealed to every account's key pair, and a new recovery key
 * shown once. After it, a former colleague's copy of keyring.json, or the old recovery key, opens nothing of
 * what the vault holds from now on. The audit key stays, so the trail verifies across the change.
 *
 * Crash safety: the keyring holds the old and the new grants (written before the file is touched) until the file
 * is re-encrypted; whichever key then opens the file settles it at the next unlock (open-vault.ts).
 */
export async function rekeyVault(ctx: VaultLifecycleContext, input: { confirmPassphrase: string }): Promise<RekeyResult> {
  const { session } = ctx;
  const { user, deviceId } = session;
  const recordRekey = (vault: OpenVault, action: string) =>
    vault.dataSource.transaction((tx) =>
      appendAudit(tx, { at: ctx.now, actor: { id: user.id, role: user.role, office: user.office }, action, entity: 'vault', entityId: null }),
    );
  const keyring = loadKeyring(ctx.location.dataDir);
  await confirmCaller({ user, now: ctx.now, clock: ctx.clock }, keyring, input.confirmPassphrase);
  const current = session.vault.secrets();
  const next: VaultSecrets = { database: randomBytes(SECRET_BYTES), audit: Buffer.from(current.audit) };
  const recovery = newKeyPair();
  // The new recovery key gets the category keys the session holds; any others follow at a holder's next unlock.
  const categories = session.vault.fields.keysFor();
  try {
    keyring.verifyMac(current.database);
    const unreachable = keyring.beginRekey(current, next, recovery.publicKey, categories);
    keyring.save();
    // The session's connection closes first: every page must be in the file (WAL checkpointed) and nothing else
    // may write while it is re-encrypted.
    await ctx.setSession(null);
    try {
      rekeyDatabaseFile(vaultPaths(ctx.location.dataDir).database, current.database, next.database, ctx.location.nativeBinding);
      keyring.finishRekey(next.database);
      keyring.save();
    } catch {
      // The file opens with one of the keys: settle as an unlock would, keep the user signed in, record it, say so.
      const { vault, rekey } = await openUnlockedVault(ctx.location, keyring, {
        current: copySecrets(current),
        next: copySecrets(next),
        categories: copyCategoryKeys(categories),
      });
      await recordRekey(vault, rekey === 'completed' ? 'vault.rekeyCompleted' : 'vault.rekeyAborted');
      await ctx.setSession({ vault, user, deviceId });
      throw new AppError('vault.rekeyFailed');
    }
    const vault = await openVaultWithSecrets(ctx.location, keyring, next, VAULT_ENTITIES, categories);
    try {
      await settleCategoryKeys(vault);
    } catch (error) {
      vault.forgetKey();
      await vault.dataSource.destroy().catch(() => undefined);
      throw error;
    }
    await recordRekey(vault, 'vault.rekey');
    await ctx.setSession({ vault, user, deviceId });
    return { recoveryKey: formatRecoveryKey(recovery.privateKey), accountsWithoutAccess: unreachable.length };
  } finally {
    zeroSecrets(current);
    zeroSecrets(next);
    zeroCategoryKeys(categories);
    recovery.privateKey.fill(0);
  }
}
