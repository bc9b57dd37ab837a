import { AppError } from '../../contract/errors';
import { appendAudit } from '../../platform/audit/audit-log';
import { readSetting, SETTING_KEYS } from '../../platform/settings/settings-store';
import { AccountEntity } from '../../domain/users/account-entity';
import { findActiveAccount, toSessionUser } from '../../domain/users/account-service';
import { clearOneTime, oneTimeNotice } from '../../domain/users/account-requests';
import { loadKeyring } from '../../platform/vault/vault';
import { openUnlockedVault } from './open-vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { assertStrongPassphrase } from '../../domain/users/passphrase-strength';
import type { Keyring } from '../../platform/vault/keyring';
import type { LifecycleContext, SessionContext } from '../call-context';
import type { SessionUser } from '../../contract/types/workstation-types';
import { awaitedCategoryKeys } from '../../contract/data-categories';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';

function throttled(keyring: Keyring, login: string, now: Date): AppError | null {
  const wait = keyring.retryAfterMs(login, now);
  return wait > 0 ? new AppError('unlock.throttled', { retryAfterSeconds: Math.ceil(wait / 1000) }) : null;
}

/** Records a failed attempt at the time it failed (after the KDF), so the wait shown is the real one. */
function failAttempt(keyring: Keyring, login: string, now: Date, code: 'unlock.failed' | 'passphrase.wrongCurrent'): AppError {
  keyring.recordFailure(login, now);
  keyring.save();
  const wait = keyring.retryAfterMs(login, now);
  return new AppError(code, wait > 0 ? { retryAfterSeconds: Math.ceil(wait / 1000) } : {});
}

/**
 * Unlocks the vault with a personal passphrase. Wrong login and wrong passphrase look the same; each failure grows
 * the wait before the next try. Failures are written to the audit trail at the next successful unlock, since the
 * database cannot be opened without the key.
 */
export async function unlock(ctx: LifecycleContext, login: string, passphrase: string): Promise<SessionUser> {
  if (ctx.session) await lock(ctx);
  const keyring = loadKeyring(ctx.location.dataDir);
  const blocked = throttled(keyring, login, ctx.now);
  if (blocked) throw blocked;
  const unlocked = await keyring.unlockAccount(login, passphrase);
  if (!unlocked) throw failAttempt(keyring, login, ctx.clock(), 'unlock.failed');
  const legacyAccount = keyring.legacyAccountIds().includes(keyring.accountKey(login));
  const { vault, rekey } = await openUnlockedVault(ctx.location, keyring, unlocked);
  try {
    const m = vault.dataSource.manager;
    const account = await findActiveAccount(m, login);
    if (!account) {
      vault.forgetKey();
      await vault.dataSource.destroy();
      throw failAttempt(keyring, login, ctx.clock(), 'unlock.failed');
    }
    const deviceId = (await readSetting(m, SETTING_KEYS.deviceId)) ?? 'unknown-device';
    // A format 1 account gets its own key pair now, the one time its passphrase is at hand (see keyring.ts).
    if (legacyAccount && keyring.legacyAccountIds().includes(keyring.accountKey(login))) {
      const secrets = vault.secrets();
      try {
        const categories = vault.fields.keysFor(account.role);
        await keyring.setAccountPassphrase(login, passphrase, secrets, categories);
        zeroCategoryKeys(categories);
      } finally {
        zeroSecrets(secrets);
      }
    }
    keyring.clearFailures(login);
    const unreported = keyring.takeUnreportedFailures();
    await vault.dataSource.transaction(async (tx) => {
      const actor = { id: account.id, role: account.role, office: account.office };
      // Every failed attempt since the last unlock reaches the trail here (the database is closed while they happen):
      // attributed to the account they were made against, or to no one for logins without an account.
      const byKey = new Map((await tx.find(AccountEntity)).map((a) => [keyring.accountKey(a.login), a]));
      for (const { key, failedAt } of unreported) {
        const target = byKey.get(key);
        const failedActor = target ? { id: target.id, role: target.role, office: target.office } : null;
        for (const at of failedAt) {
          await appendAudit(tx, { at: new Date(at), actor: failedActor, action: 'session.unlockFailed', entity: 'account', entityId: target?.id ?? null, outcome: 'failed' });
        }
      }
      // A re-keying cut off by a crash was settled when the vault opened (open-vault.ts).
      if (rekey !== 'none') {
        const action = rekey === 'completed' ? 'vault.rekeyCompleted' : 'vault.rekeyAborted';
        await appendAudit(tx, { at: ctx.now, actor, action, entity: 'vault', entityId: null });
      }
      await appendAudit(tx, { at: ctx.now, actor, action: 'session.unlock', entity: 'account', entityId: account.id });
      await tx.update(AccountEntity, { id: account.id }, { lastLoginAt: ctx.now.toISOString() });
    });
    // Saved once they are in the trail: a crash in between repeats an entry rather than losing one.
    keyring.save();
    // A passphrase IT set is one-time: the session opens, but the core refuses every data method until it is changed.
    const notice = await oneTimeNotice(m, account);
    const awaiting = awaitedCategoryKeys(account.role, (c) => vault.fields.holds(c));
    const user: SessionUser = {
      ...toSessionUser(account),
      ...(notice ? { passphraseChange: notice } : {}),
      ...(awaiting.length ? { awaitingCategoryKeys: awaiting } : {}),
    };
    await ctx.setSession({ vault, user, deviceId });
    return user;
  } catch (error) {
    vault.forgetKey();
    if (vault.dataSource.isInitialized) await vault.dataSource.destroy();
    throw error;
  }
}

/** Locks: records it, closes the database (the key leaves memory with the connection). Idempotent. */
export async function lock(ctx: LifecycleContext): Promise<null> {
  const session = ctx.session;
  if (!session) return null;
  try {
    await session.vault.dataSource.transaction(async (tx) => {
      const actor = { id: session.user.id, role: session.user.role, office: session.user.office };
      await appendAudit(tx, { at: ctx.now, actor, action: 'session.lock', entity: 'account', entityId: session.user.id });
    });
  } finally {
    await ctx.setSession(null);
  }
  return null;
}

/**
 * Seals the vault's secrets to a new key pair of the caller under a new passphrase; the database is untouched. A
 * one-time passphrase (set by IT) must be replaced by a different one, and the session is then released.
 */
export async function changePassphrase(ctx: SessionContext, current: string, next: string): Promise<null> {
  const { session } = ctx;
  const keyring = loadKeyring(ctx.location.dataDir);
  const login = session.user.login;
  const blocked = throttled(keyring, login, ctx.now);
  if (blocked) throw blocked;
  const key = await keyring.unwrapFor(login, current);
  if (!key) throw failAttempt(keyring, login, ctx.clock(), 'passphrase.wrongCurrent');
  try {
    if (session.user.passphraseChange && next.normalize('NFC') === current.normalize('NFC')) throw new AppError('passphrase.reused');
    assertStrongPassphrase(next, [login, session.user.displayName, session.user.office]);
    keyring.verifyMac(key);
    keyring.clearFailures(login);
    const secrets = session.vault.secrets();
    try {
      const categories = session.vault.fields.keysFor(session.user.role);
      await keyring.setAccountPassphrase(login, next, secrets, categories);
      zeroCategoryKeys(categories);
    } finally {
      zeroSecrets(secrets);
    }
    keyring.save();
  } finally {
    key.fill(0);
  }
  if (session.user.passphraseChange) {
    await clearOneTime(ctx, session.user.id);
    ctx.audit.fields.push('oneTimePassphrase');
    ctx.afterCommit(() => {
      const { passphraseChange: _done, ...user } = session.user;
      session.user = user;
    });
  }
  ctx.audit.entityIds.push(session.user.id);
  ctx.audit.fields.push('passphrase');
  return null;
}
