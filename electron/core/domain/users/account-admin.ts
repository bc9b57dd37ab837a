import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { officeForRole } from '../../contract/data-categories';
import type { Office, Role } from '../../contract/offices';
import { recordChange } from '../../platform/sync/change-recorder';
import type { Keyring } from '../../platform/vault/keyring';
import { loadKeyring } from '../../platform/vault/vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { AccountEntity, type Account } from './account-entity';
import { insertAccount, toAccountSummary } from './account-service';
import type { AccountSummary } from '../../contract/types/workstation-types';
import type { VaultKeyContext } from '../service-context';
import { confirmCaller } from './reauthentication';
import { assertStrongPassphrase } from './passphrase-strength';

/**
 * Account administration for IT: create, change role/name, disable, reset passphrases. The database key comes
 * from the administrator's unlocked session and never leaves the core; sensitive changes ask for the
 * administrator's own passphrase again.
 */

/** Seals the session's vault secrets to `login` under `passphrase` (a new key pair for the account). */
async function wrapFor(ctx: VaultKeyContext, keyring: Keyring, login: string, passphrase: string): Promise<void> {
  const secrets = ctx.vaultSecrets();
  try {
    keyring.verifyMac(secrets.database);
    await keyring.setAccountPassphrase(login, passphrase, secrets);
  } finally {
    zeroSecrets(secrets);
  }
}


async function requireAccount(m: EntityManager, id: string): Promise<Account> {
  const account = await m.findOneBy(AccountEntity, { id });
  if (!account) throw new AppError('record.notFound', { entity: 'account' });
  return account;
}

export async function createAccount(
  ctx: VaultKeyContext,
  input: { login: string; displayName: string; role: Role; passphrase: string; office?: Office },
): Promise<AccountSummary> {
  const { tx } = ctx;
  const keyring = loadKeyring(ctx.dataDir);
  if ((await tx.findOneBy(AccountEntity, { login: input.login })) || keyring.hasAccount(input.login)) throw new AppError('account.loginTaken');
  assertStrongPassphrase(input.passphrase, [input.login, input.displayName, ctx.user.office]);
  const office = officeForRole(input.role, input.office ?? ctx.user.office);
  const account = await insertAccount(tx, { ...input, office }, ctx.deviceId, ctx.now);
  await wrapFor(ctx, keyring, input.login, input.passphrase);
  // Saved last: if the transaction still failed, a wrap without an active account is refused at unlock.
  keyring.save();
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push('login', 'displayName', 'role');
  return toAccountSummary(account, keyring);
}

/**
 * Changes name, role or active state. Disabling removes the account's key wrap, so its old passphrase opens
 * nothing any more; a re-enabled account needs a passphrase reset. There is always one active IT administrator.
 */
export async function updateAccount(
  ctx: VaultKeyContext,
  input: { id: string; version: number; displayName: string; role: Role; active: boolean; confirmPassphrase: string },
): Promise<AccountSummary> {
  const { tx } = ctx;
  const keyring = loadKeyring(ctx.dataDir);
  await confirmCaller(ctx, keyring, input.confirmPassphrase);
  const account = await requireAccount(tx, input.id);
  if (account.version !== input.version) throw new AppError('record.staleVersion', { entity: 'account' });
  if (account.id === ctx.user.id && (input.role !== account.role || !input.active)) throw new AppError('account.self');
  const losesAdmin = account.role === 'it-admin' && account.active && (input.role !== 'it-admin' || !input.active);
  if (losesAdmin && (await tx.count(AccountEntity, { where: { role: 'it-admin', active: true } })) <= 1) throw new AppError('account.lastAdmin');

  // A clerk who becomes (or stops being) ABH moves office with the role: the ABH is a Dienststelle of its own.
  const office = input.role === account.role ? account.office : officeForRole(input.role, account.role === 'abh' ? ctx.user.office : account.office);
  const changed: string[] = (['displayName', 'role', 'active'] as const).filter((f) => input[f] !== account[f]);
  if (office !== account.office) changed.push('office');
  await tx.update(
    AccountEntity,
    { id: account.id },
    { displayName: input.displayName, role: input.role, office, active: input.active, updatedAt: ctx.now.toISOString(), version: account.version + 1 },
  );
  if (changed.length) await recordChange(tx, ctx.deviceId, ctx.now.getTime(), { entity: 'account', entityId: account.id, fields: [...changed] });
  if (!input.active && account.active && keyring.hasAccount(account.login)) {
    const secrets = ctx.vaultSecrets();
    try {
      keyring.removeAccount(account.login, secrets.database);
    } finally {
      zeroSecrets(secrets);
    }
    keyring.save();
  }
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push(...changed);
  return toAccountSummary((await tx.findOneBy(AccountEntity, { id: account.id }))!, keyring);
}

/** An administrator sets a new passphrase for a colleague who forgot theirs (or after re-enabling). */
export async function resetAccountPassphrase(
  ctx: VaultKeyContext,
  input: { id: string; newPassphrase: string; confirmPassphrase: string },
): Promise<AccountSummary> {
  const { tx } = ctx;
  const keyring = loadKeyring(ctx.dataDir);
  await confirmCaller(ctx, keyring, input.confirmPassphrase);
  const account = await requireAccount(tx, input.id);
  if (!account.active) throw new AppError('record.notFound', { entity: 'account' });
  assertStrongPassphrase(input.newPassphrase, [account.login, account.displayName, account.office]);
  await wrapFor(ctx, keyring, account.login, input.newPassphrase);
  keyring.clearFailures(account.login);
  keyring.save();
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push('passphrase');
  return toAccountSummary(account, keyring);
}

