import { stampOf } from '../service-context';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { KEY_PROTECTED_CATEGORIES, officeForRole, roleHoldsCategoryKey } from '../../contract/data-categories';
import type { Office, Role } from '../../contract/offices';
import { recordChange } from '../../platform/sync/change-recorder';
import type { Keyring } from '../../platform/vault/keyring';
import { loadKeyring } from '../../platform/vault/vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { AccountEntity, type Account } from './account-entity';
import { insertAccount, toAccountSummary } from './account-service';
import type { AccountSummary } from '../../contract/types/workstation-types';
import type { VaultKeyContext } from '../service-context';
import type { MachinePolicy } from '../../contract/machine-policy';
import { approvalFor, needsSecondPerson, pendingByAccount, requestPassphrase, seesClientData, supersedePending } from './account-requests';
import { confirmCaller } from './reauthentication';
import { assertStrongPassphrase } from './passphrase-strength';

/**
 * Account administration for IT: create, change role/name, disable, reset passphrases. The database key comes
 * from the administrator's unlocked session and never leaves the core; sensitive changes ask for the
 * administrator's own passphrase again.
 */

async function requireAccount(m: EntityManager, id: string): Promise<Account> {
  const account = await m.findOneBy(AccountEntity, { id });
  if (!account) throw new AppError('record.notFound', { entity: 'account' });
  return account;
}

/**
 * Creates an account with a one-time passphrase. For a role that sees client data, under a policy that asks for
 * approval, the passphrase opens nothing until Datenschutz approves (see account-requests).
 */
export async function createAccount(
  ctx: VaultKeyContext,
  input: { login: string; displayName: string; role: Role; passphrase: string; office?: Office },
  policy: MachinePolicy,
): Promise<AccountSummary> {
  const { tx } = ctx;
  const keyring = loadKeyring(ctx.dataDir);
  if ((await tx.findOneBy(AccountEntity, { login: input.login })) || keyring.hasAccount(input.login)) throw new AppError('account.loginTaken');
  assertStrongPassphrase(input.passphrase, [input.login, input.displayName, ctx.user.office]);
  const office = officeForRole(input.role, input.office ?? ctx.user.office);
  const account = await insertAccount(tx, { ...input, office }, ctx.deviceId, ctx.now);
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push('login', 'displayName', 'role');
  await requestPassphrase(ctx, keyring, account, 'create', input.passphrase, policy);
  return summaryOf(ctx, account.id, keyring);
}

async function summaryOf(ctx: VaultKeyContext, id: string, keyring: Keyring): Promise<AccountSummary> {
  const account = (await ctx.tx.findOneBy(AccountEntity, { id }))!;
  return toAccountSummary(account, keyring, (await pendingByAccount(ctx.tx, ctx.now)).get(id));
}

/**
 * Changes name, role or active state. Disabling removes the account's key wrap, so its old passphrase opens
 * nothing any more; a re-enabled account needs a passphrase reset. So does an account whose new role sees client
 * data or approves (Datenschutz), where the policy asks for approval (the reset then waits for Datenschutz). There
 * is always one active IT administrator.
 */
export async function updateAccount(
  ctx: VaultKeyContext,
  input: { id: string; version: number; displayName: string; role: Role; active: boolean; confirmPassphrase: string },
  policy: MachinePolicy,
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
  if (changed.length) await recordChange(tx, stampOf(ctx), { entity: 'account', entityId: account.id, fields: [...changed] });
  // A role that starts seeing client data (or approving) is like a new account of that role: its passphrase, which
  // IT may know, stops working, and only an approved reset opens the account again. Disabling drops the wrap too.
  const gains = input.active && input.role !== account.role && needsSecondPerson(input.role) && !seesClientData(account.role);
  const approval = gains ? await approvalFor(tx, { id: account.id, role: input.role }, policy) : 'not-required';
  if (approval === 'waived-by-policy') changed.push('approval:waived-by-policy');
  const dropWrap = (!input.active && account.active) || approval === 'required';
  if (approval === 'required') changed.push('approval:required');
  if (!input.active) await supersedePending(ctx, account.id);
  if (dropWrap && keyring.hasAccount(account.login)) {
    const secrets = ctx.vaultSecrets();
    try {
      keyring.removeAccount(account.login, secrets.database);
    } finally {
      zeroSecrets(secrets);
    }
    keyring.save();
  } else if (input.role !== account.role && keyring.hasAccount(account.login)) {
    // A role that no longer reads a protected category gives up its key now (a new one gets it from a holder).
    const secrets = ctx.vaultSecrets();
    try {
      keyring.dropCategoryGrants(account.login, KEY_PROTECTED_CATEGORIES.filter((c) => roleHoldsCategoryKey(input.role, c)), secrets.database);
    } finally {
      zeroSecrets(secrets);
    }
    ctx.afterCommit(() => keyring.save());
  }
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push(...changed);
  return summaryOf(ctx, account.id, keyring);
}

/**
 * An administrator sets a new, one-time passphrase for a colleague who forgot theirs (or after re-enabling). For an
 * account that sees client data it waits for Datenschutz approval where the policy asks for it; until then the
 * old passphrase (if any) keeps working.
 */
export async function resetAccountPassphrase(
  ctx: VaultKeyContext,
  input: { id: string; newPassphrase: string; confirmPassphrase: string },
  policy: MachinePolicy,
): Promise<AccountSummary> {
  const { tx } = ctx;
  const keyring = loadKeyring(ctx.dataDir);
  await confirmCaller(ctx, keyring, input.confirmPassphrase);
  const account = await requireAccount(tx, input.id);
  if (!account.active) throw new AppError('record.notFound', { entity: 'account' });
  assertStrongPassphrase(input.newPassphrase, [account.login, account.displayName, account.office]);
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push('passphrase');
  await requestPassphrase(ctx, keyring, account, 'reset', input.newPassphrase, policy);
  return summaryOf(ctx, account.id, keyring);
}
