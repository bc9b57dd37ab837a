import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { appendAudit } from '../../platform/audit/audit-log';
import { requireSession, type CallContext } from '../../api/call-context';
import { officeForRole } from '../../contract/data-categories';
import type { Office, Role } from '../../contract/offices';
import { recordChange } from '../../platform/sync/change-recorder';
import type { Keyring } from '../../platform/vault/keyring';
import { parseRecoveryKey } from '../../platform/vault/recovery-key';
import { loadKeyring, openVaultWithKey } from '../../platform/vault/vault';
import { assertStrongPassphrase } from '../../api/session/vault-setup';
import { AccountEntity, type Account } from './account-entity';
import { insertAccount, toAccountSummary } from './account-service';
import type { AccountSummary } from "../../contract/types/workstation-types";

/**
 * Account administration for IT: create, change role/name, disable, reset passphrases. The database key comes
 * from the administrator's unlocked session and never leaves the core; sensitive changes ask for the
 * administrator's own passphrase again.
 */

/** Wraps the database key for `login` under `passphrase` with the session's key, and saves the keyring. */
async function wrapFor(ctx: CallContext, keyring: Keyring, login: string, passphrase: string): Promise<void> {
  const key = requireSession(ctx).session.vault.databaseKey();
  try {
    keyring.verifyMac(key);
    await keyring.setAccountPassphrase(login, passphrase, key);
  } finally {
    key.fill(0);
  }
}

/** Re-authentication for sensitive actions: the caller's own passphrase, throttled like an unlock. */
export async function confirmCaller(ctx: CallContext, keyring: Keyring, passphrase: string): Promise<void> {
  const login = requireSession(ctx).session.user.login;
  const wait = keyring.retryAfterMs(login, ctx.now);
  if (wait > 0) throw new AppError('unlock.throttled', { retryAfterSeconds: Math.ceil(wait / 1000) });
  const key = await keyring.unwrapFor(login, passphrase);
  if (!key) {
    keyring.recordFailure(login, ctx.clock());
    keyring.save();
    throw new AppError('passphrase.wrongCurrent');
  }
  key.fill(0);
  // Like an unlock: the right passphrase ends the count of earlier failures.
  if (keyring.clearFailures(login).length) keyring.save();
}

async function requireAccount(m: EntityManager, id: string): Promise<Account> {
  const account = await m.findOneBy(AccountEntity, { id });
  if (!account) throw new AppError('record.notFound', { entity: 'account' });
  return account;
}

export async function createAccount(
  ctx: CallContext,
  input: { login: string; displayName: string; role: Role; passphrase: string; office?: Office },
): Promise<AccountSummary> {
  const { session, tx } = requireSession(ctx);
  const keyring = loadKeyring(ctx.location.dataDir);
  if ((await tx.findOneBy(AccountEntity, { login: input.login })) || keyring.hasAccount(input.login)) throw new AppError('account.loginTaken');
  assertStrongPassphrase(input.passphrase, [input.login, input.displayName, session.user.office]);
  const office = officeForRole(input.role, input.office ?? session.user.office);
  const account = await insertAccount(tx, { ...input, office }, session.deviceId, ctx.now);
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
  ctx: CallContext,
  input: { id: string; version: number; displayName: string; role: Role; active: boolean; confirmPassphrase: string },
): Promise<AccountSummary> {
  const { session, tx } = requireSession(ctx);
  const keyring = loadKeyring(ctx.location.dataDir);
  await confirmCaller(ctx, keyring, input.confirmPassphrase);
  const account = await requireAccount(tx, input.id);
  if (account.version !== input.version) throw new AppError('record.staleVersion', { entity: 'account' });
  if (account.id === session.user.id && (input.role !== account.role || !input.active)) throw new AppError('account.self');
  const losesAdmin = account.role === 'it-admin' && account.active && (input.role !== 'it-admin' || !input.active);
  if (losesAdmin && (await tx.count(AccountEntity, { where: { role: 'it-admin', active: true } })) <= 1) throw new AppError('account.lastAdmin');

  // A clerk who becomes (or stops being) ABH moves office with the role: the ABH is a Dienststelle of its own.
  const office = input.role === account.role ? account.office : officeForRole(input.role, account.role === 'abh' ? session.user.office : account.office);
  const changed: string[] = (['displayName', 'role', 'active'] as const).filter((f) => input[f] !== account[f]);
  if (office !== account.office) changed.push('office');
  await tx.update(
    AccountEntity,
    { id: account.id },
    { displayName: input.displayName, role: input.role, office, active: input.active, updatedAt: ctx.now.toISOString(), version: account.version + 1 },
  );
  if (changed.length) await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'account', entityId: account.id, fields: [...changed] });
  if (!input.active && account.active && keyring.hasAccount(account.login)) {
    const key = session.vault.databaseKey();
    try {
      keyring.removeAccount(account.login, key);
    } finally {
      key.fill(0);
    }
    keyring.save();
  }
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push(...changed);
  return toAccountSummary((await tx.findOneBy(AccountEntity, { id: account.id }))!, keyring);
}

/** An administrator sets a new passphrase for a colleague who forgot theirs (or after re-enabling). */
export async function resetAccountPassphrase(
  ctx: CallContext,
  input: { id: string; newPassphrase: string; confirmPassphrase: string },
): Promise<AccountSummary> {
  const { tx } = requireSession(ctx);
  const keyring = loadKeyring(ctx.location.dataDir);
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

/**
 * Without any administrator who knows a passphrase: the recovery key from IT's safe opens the vault and sets a new
 * passphrase for an active account. Audited; the vault stays locked afterwards.
 */
export async function recoveryReset(ctx: CallContext, input: { recoveryKey: string; login: string; newPassphrase: string }): Promise<null> {
  const key = parseRecoveryKey(input.recoveryKey);
  const keyring = loadKeyring(ctx.location.dataDir);
  let vault;
  try {
    vault = await openVaultWithKey(ctx.location, keyring, key);
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
