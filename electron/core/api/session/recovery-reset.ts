import { AppError } from '../../contract/errors';
import { assertStrongPassphrase } from '../../domain/users/passphrase-strength';
import { AccountEntity } from '../../domain/users/account-entity';
import { appendAudit } from '../../platform/audit/audit-log';
import { parseRecoveryKey } from '../../platform/vault/recovery-key';
import { loadKeyring } from '../../platform/vault/vault';
import type { LifecycleContext } from '../call-context';
import { openVault } from './open-vault';

/**
 * Without any administrator who knows a passphrase: the recovery key from IT's safe opens the vault and sets a new
 * passphrase for an active account. Audited; the vault stays locked afterwards.
 */
export async function recoveryReset(ctx: LifecycleContext, input: { recoveryKey: string; login: string; newPassphrase: string }): Promise<null> {
  const key = parseRecoveryKey(input.recoveryKey);
  const keyring = loadKeyring(ctx.location.dataDir);
  let vault;
  try {
    vault = await openVault(ctx.location, keyring, key);
  } catch (error) {
    key.fill(0);
    // A wrong recovery key fails the keyring MAC: say "wrong key", not "tampered".
    if (error instanceof AppError && error.code === 'vault.keyringTampered') throw new AppError('recoveryKey.invalid');
    throw error;
  }
  try {
    const account = await vault.dataSource.manager.findOneBy(AccountEntity, { login: input.login, active: true });
    if (!account) throw new AppError('record.notFound', { entity: 'account' });
    assertStrongPassphrase(input.newPassphrase, [account.login, account.displayName, account.office]);
    await keyring.setAccountPassphrase(account.login, input.newPassphrase, key);
    keyring.clearFailures(account.login);
    await vault.dataSource.transaction((m) =>
      appendAudit(m, {
        at: ctx.now,
        actor: { id: account.id, role: account.role, office: account.office },
        action: 'session.recoveryReset',
        entity: 'account',
        entityId: account.id,
        fields: ['passphrase'],
      }),
    );
    keyring.save();
    return null;
  } finally {
    key.fill(0);
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}
