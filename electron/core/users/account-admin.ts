import type { AccountSummary } from '../api/contract';
import { AppError } from '../api/errors';
import { requireSession, type CallContext } from '../session/session';
import type { Role } from '../shared/offices';
import { loadKeyring } from '../vault/vault';
import { assertStrongPassphrase } from '../vault/vault-service';
import { AccountEntity } from './account-entity';
import { insertAccount, toAccountSummary } from './account-service';

/**
 * Creates a personal account on this workstation: a row in the vault and a wrap of the database key under the new
 * account's initial passphrase. The administrator's unlocked session supplies the key; it never leaves the core.
 */
export async function createAccount(
  ctx: CallContext,
  input: { login: string; displayName: string; role: Role; passphrase: string },
): Promise<AccountSummary> {
  const { session, tx } = requireSession(ctx);
  if (await tx.findOneBy(AccountEntity, { login: input.login })) throw new AppError('account.loginTaken');
  assertStrongPassphrase(input.passphrase, [input.login, input.displayName, session.user.office]);
  const account = await insertAccount(tx, { ...input, office: session.user.office }, session.deviceId, ctx.now);
  const keyring = loadKeyring(ctx.location.dataDir);
  if (keyring.hasAccount(input.login)) throw new AppError('account.loginTaken');
  const key = session.vault.databaseKey();
  try {
    keyring.verifyMac(key);
    await keyring.setAccountPassphrase(input.login, input.passphrase, key);
  } finally {
    key.fill(0);
  }
  // Written last: if the transaction fails after this, the wrap exists without an active account, and unlock refuses it.
  keyring.save();
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push('login', 'displayName', 'role');
  return toAccountSummary(account);
}
