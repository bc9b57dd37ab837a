import { AppError } from '../../contract/errors';
import { findAuditSubjects, listAuditUsers } from '../../domain/audit-trail/audit-lookups';
import { exportAuditCsv, listAudit } from '../../domain/audit-trail/audit-query';
import { verifyAuditTrail } from '../../domain/audit-trail/audit-verify';
import { discardDraft, getDraft, openDraftForms, saveDraft } from '../../domain/drafts/draft-service';
import { changePassphrase, lock, unlock } from '../session/session-service';
import { SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { effectiveIdleLockMinutes, idleLockRule, readStoredIdleLockMinutes } from '../../platform/settings/idle-lock';
import type { SettingsView } from '../../contract/types/workstation-types';
import type { CallBasics } from '../call-context';
import { resetAccountPassphrase, updateAccount } from '../../domain/users/account-admin';
import { recoveryReset } from '../session/recovery-reset';
import { rekeyVault } from '../session/vault-rekey';
import { recordBackup, writeVaultBackup } from '../session/vault-backup';
import { backupStatus } from '../session/scheduled-backup';
import { AccountEntity } from '../../domain/users/account-entity';
import { listAccounts } from '../../domain/users/account-service';
import { decideRequest, listRequests } from '../../domain/users/account-requests';
import { setupVault, vaultStatus } from '../session/vault-setup';
import { countRows } from '../session/vault-stats';
import { loadKeyring } from '../../platform/vault/vault';
import type { MethodName } from '../../contract/methods';
import { clientHandlers } from './client-handlers';
import { networkContext, networkHandlers } from './network-handlers';
import { partnerHandlers } from './partner-handlers';
import { findingHandlers } from './finding-handlers';
import { statisticsHandlers } from './statistics-handlers';
import { referralHandlers } from './referral-handlers';
import { conferenceHandlers } from './conference-handlers';
import { handoverHandlers } from './handover-handlers';
import { dataSubjectHandlers } from './data-subject-handlers';
import { retentionHandlers } from './retention-handlers';
import { healthHandlers } from './health-handlers';
import { checkAuditAnchor } from '../../domain/sync/audit-anchor';
import type { HandlerMap } from './handler-types';

/** Maps each contract method to its service call. The dispatcher has already validated input and access. */
export const handlers: HandlerMap<MethodName> = {
  ...clientHandlers,
  ...networkHandlers,
  ...partnerHandlers,
  ...findingHandlers,
  ...statisticsHandlers,
  ...referralHandlers,
  ...conferenceHandlers,
  ...handoverHandlers,
  ...dataSubjectHandlers,
  ...retentionHandlers,
  ...healthHandlers,
  'vault.status': (_i, ctx) => vaultStatus(ctx),
  'vault.setup': (i, ctx) => setupVault(ctx, i),
  'vault.info': async (_i, ctx) => {
    const { session, tx } = ctx;
    return {
      office: session.vault.keyring.office,
      schemaVersion: session.vault.schemaVersion,
      appVersion: ctx.appVersion,
      counts: await countRows(tx),
    };
  },
  'vault.rekey': (i, ctx) => rekeyVault(ctx, i),
  'vault.backup': async (i, ctx) => {
    const record = await writeVaultBackup({ location: ctx.location, session: ctx.session, appVersion: ctx.appVersion, now: ctx.now }, i.to);
    await recordBackup(ctx.session, record, 'manual', ctx.clock());
    return record;
  },
  'backup.status': (_i, ctx) => backupStatus(ctx.tx, ctx.machinePolicy, ctx.now),
  'session.unlock': (i, ctx) => unlock(ctx, i.login, i.passphrase),
  'session.recoveryReset': (i, ctx) => recoveryReset(ctx, i),
  'accounts.update': (i, ctx) => updateAccount(ctx, i, ctx.machinePolicy),
  'accounts.resetPassphrase': (i, ctx) => resetAccountPassphrase(ctx, i, ctx.machinePolicy),
  'accounts.requests': async (_i, ctx) => {
    const requests = await listRequests(ctx.tx, ctx.now);
    ctx.audit.entityIds.push(...new Set(requests.map((r) => r.account.id)));
    return requests;
  },
  'accounts.decideRequest': (i, ctx) => decideRequest(ctx, i),
  'session.current': async (_i, ctx) => ctx.session?.user ?? null,
  'session.lock': (_i, ctx) => lock(ctx),
  'session.changePassphrase': (i, ctx) => changePassphrase(ctx, i.currentPassphrase, i.newPassphrase),
  'drafts.save': (i, ctx) => saveDraft(ctx, i.formId, i.data),
  'drafts.get': (i, ctx) => getDraft(ctx, i.formId),
  'drafts.discard': (i, ctx) => discardDraft(ctx, i.formId),
  'home.summary': async (_i, ctx) => {
    const { session, tx } = ctx;
    return {
      office: session.vault.keyring.office,
      user: session.user,
      accountCount: await tx.count(AccountEntity, { where: { active: true } }),
      schemaVersion: session.vault.schemaVersion,
      openDrafts: await openDraftForms(ctx),
    };
  },
  'accounts.list': async (_i, ctx) => {
    const accounts = await listAccounts(ctx.tx, loadKeyring(ctx.dataDir), ctx.now);
    ctx.audit.entityIds.push(...accounts.map((a) => a.id));
    return accounts;
  },
  'audit.verify': async (_i, ctx) => {
    const local = await verifyAuditTrail(ctx);
    const anchor = await checkAuditAnchor(networkContext(ctx));
    if (!anchor) return local;
    // The local chain's own break comes first; a checkpoint mismatch means the chain verifies but was rewritten.
    const firstBreak = local.firstBreak ?? anchor.firstBreak;
    return { ...local, ok: firstBreak === null, firstBreak, anchor: anchor.check };
  },
  'audit.list': (i, ctx) => listAudit(ctx, i),
  'audit.exportCsv': (i, ctx) => exportAuditCsv(ctx, i),
  'audit.subjects': (i, ctx) => findAuditSubjects(ctx, i),
  'audit.users': (_i, ctx) => listAuditUsers(ctx),
  'settings.get': async (_i, ctx) => settingsView(ctx, await readStoredIdleLockMinutes(ctx.tx)),
  'settings.update': async (i, ctx) => {
    const rule = idleLockRule(ctx.machinePolicy, ctx.policySources);
    if (rule.fixed) throw new AppError('policy.settingLocked', { key: 'lock.idleMinutes' });
    if (i.idleLockMinutes > rule.maximum) throw new AppError('policy.idleAboveMax', { maximum: rule.maximum });
    await writeSetting(ctx.tx, SETTING_KEYS.idleLockMinutes, String(i.idleLockMinutes));
    ctx.audit.entityIds.push(SETTING_KEYS.idleLockMinutes);
    ctx.audit.fields.push('idleLockMinutes');
    return settingsView(ctx, i.idleLockMinutes);
  },
};

/** The idle lock as the settings card shows it: the effective minutes, the policy's cap, and whether IT fixed it. */
function settingsView(ctx: CallBasics, stored: number | null): SettingsView {
  const rule = idleLockRule(ctx.machinePolicy, ctx.policySources);
  return { idleLockMinutes: effectiveIdleLockMinutes(stored, ctx.machinePolicy, ctx.policySources), maxIdleLockMinutes: rule.maximum, idleLockFixed: rule.fixed };
}
