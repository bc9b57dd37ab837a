import { AppError } from '../../contract/errors';
import { assertStrongPassphrase } from '../../domain/users/passphrase-strength';
import { AccountEntity } from '../../domain/users/account-entity';
import { appendAudit } from '../../platform/audit/audit-log';
import type { LifecycleContext } from '../call-context';
import { openWithRecoveryKey } from './open-vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';

/**
 * Without any administrator who knows a passphrase: the recovery key from IT's safe opens the vault and sets a new
 * passphrase for an active account. Audited; the vault stays locked afterwards.
 */
export async function recoveryReset(ctx: LifecycleContext, input: { recoveryKey: string; login: string; newPassphrase: string }): Promise<null> {
  const vault = await openWithRecoveryKey(ctx.location, input.recoveryKey);
  const keyring = vault.keyring;
  try {
    const account = await vault.dataSource.manager.findOneBy(AccountEntity, { login: input.login, active: true });
    if (!account) throw new AppError('record.notFound', { entity: 'account' });
    assertStrongPassphrase(input.newPassphrase, [account.login, account.displayName, account.office]);
    const secrets = vault.secrets();
    try {
      const categories = vault.fields.keysFor(account.role);
      await keyring.setAccountPassphrase(account.login, input.newPassphrase, secrets, categories);
      zeroCategoryKeys(categories);
    } finally {
      zeroSecrets(secrets);
    }
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
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}
