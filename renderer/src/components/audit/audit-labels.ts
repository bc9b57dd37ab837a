import type { TFunction } from 'i18next';
import type { OutputOf } from '../../api/core';

export type AuditEntryView = OutputOf<'audit.list'>['rows'][number];
export type AuditSubject = OutputOf<'audit.subjects'>[number];
export type AuditUserOption = OutputOf<'audit.users'>[number];
export type AuditVerification = OutputOf<'audit.verify'>;

/** The filters the audit view applies (besides the person, which has its own picker). */
export interface AuditFilterValues {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * Actions offered in the filter, grouped as a data protection officer thinks about them: sign-ins, client files
 * and cases, accounts, the audit trail itself. Every one has a label under auditView.actions.
 */
export const AUDIT_ACTIONS = [
  'session.unlock',
  'session.unlockFailed',
  'session.lock',
  'session.changePassphrase',
  'session.recoveryReset',
  'clients.get',
  'clients.create',
  'clients.update',
  'clients.search',
  'clients.list',
  'clients.checkDuplicates',
  'household.add',
  'household.remove',
  'residence.add',
  'residence.remove',
  'documents.upload',
  'documents.content',
  'documents.delete',
  'consents.add',
  'consents.revoke',
  'consents.printForm',
  'partners.get',
  'partners.save',
  'partners.archive',
  'partnerContacts.save',
  'partnerContacts.remove',
  'partnerProposals.list',
  'partnerProposals.propose',
  'partnerProposals.decide',
  'findings.record',
  'findings.withdraw',
  'statistics.compute',
  'statistics.exportCsv',
  'statistics.exportXlsx',
  'statistics.print',
  'statistics.publish',
  'statistics.aggregates',
  'statistics.combine',
  'statistics.exportCombinedCsv',
  'statistics.exportCombinedXlsx',
  'statistics.printCombined',
  'network.receiveAggregates',
  'sync.aggregateRefused',
  'retention.files',
  'deletions.list',
  'deletions.request',
  'deletions.exportArchive',
  'deletions.archiveDeclined',
  'deletions.reject',
  'deletions.approve',
  'restrictions.set',
  'restrictions.lift',
  'referrals.list',
  'referrals.create',
  'referrals.update',
  'referrals.send',
  'referrals.feedback',
  'referrals.reopen',
  'referrals.delete',
  'referrals.dataHolders',
  'referrals.print',
  'handovers.prepare',
  'handovers.send',
  'handovers.list',
  'handovers.incoming',
  'handovers.accept',
  'sync.handoverReceived',
  'sync.purge',
  'dataSubject.accessPreview',
  'dataSubject.accessReport',
  'cases.open',
  'cases.get',
  'cases.setPhase',
  'cases.close',
  'assessment.set',
  'goals.add',
  'goals.setStatus',
  'measures.add',
  'measures.setStatus',
  'notes.add',
  'followUps.add',
  'followUps.complete',
  'conferences.list',
  'conferences.save',
  'conferences.printMinutes',
  'conferenceActions.setDone',
  'work.overview',
  'drafts.save',
  'drafts.get',
  'drafts.discard',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.resetPassphrase',
  'accounts.requests',
  'accounts.decideRequest',
  'settings.update',
  'vault.setup',
  'vault.rekey',
  'vault.rekeyCompleted',
  'vault.rekeyAborted',
  'vault.backup',
  'vault.restore',
  'backup.status',
  'audit.list',
  'audit.verify',
  'audit.exportCsv',
  'audit.subjects',
  'audit.users',
] as const;

/** German label of an action (an API method name); unknown ones show their code rather than nothing. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`auditView.actions.${action}`, { defaultValue: action });
}

export function entityLabel(t: TFunction, entity: string | null): string {
  return entity ? t(`auditView.entities.${entity}`, { defaultValue: entity }) : t('auditView.table.none');
}

export function outcomeLabel(t: TFunction, outcome: string): string {
  return t(`auditView.outcomes.${outcome}`, { defaultValue: outcome });
}
