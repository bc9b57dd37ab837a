import { berlinDate } from '../../contract/dates';
import { appendAudit } from '../../platform/audit/audit-log';
import { exportArchive } from '../../domain/retention/archive-package';
import { approveDeletion, listDeletionRequests, recordArchiveDeclined, rejectDeletion, requestDeletion } from '../../domain/retention/deletion-requests';
import { liftRestriction, restrictProcessing } from '../../domain/retention/processing-restriction';
import { listRetentionFiles, type RetentionYears } from '../../domain/retention/retention-files';
import type { CallBasics } from '../call-context';
import { runSessionCall } from '../call-context';
import type { HandlerMap } from './handler-types';
import type { OpenVault } from '../../platform/vault/vault';

type RetentionMethod =
  | 'retention.files'
  | 'deletions.list'
  | 'deletions.request'
  | 'deletions.exportArchive'
  | 'deletions.archiveDeclined'
  | 'deletions.reject'
  | 'deletions.approve'
  | 'restrictions.set'
  | 'restrictions.lift';

const yearsOf = (ctx: Pick<CallBasics, 'machinePolicy'>): RetentionYears => ctx.machinePolicy.retention;

/**
 * After a deletion: the WAL, which still holds the pages as they were before, is copied into the database file and
 * truncated to nothing (the file's freed cells and pages were overwritten by secure_delete as the rows went). VACUUM
 * also rebuilds the file when the policy asks for it. Returns whether it vacuumed.
 */
export async function foldAwayDeletedPages(vault: OpenVault, vacuum: boolean): Promise<boolean> {
  const ds = vault.dataSource;
  await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
  if (!vacuum) return false;
  await ds.query('VACUUM');
  await ds.query('PRAGMA wal_checkpoint(TRUNCATE)');
  return true;
}

/** Retention, deletion (four eyes) and restriction; the dispatcher has checked the role (retention-domain.ts). */
export const retentionHandlers: HandlerMap<RetentionMethod> = {
  'retention.files': async (i, ctx) => {
    const years = yearsOf(ctx);
    const list = await listRetentionFiles(ctx.tx, ctx.user.office, years, berlinDate(ctx.now), i);
    return { rules: { clientYears: years.clientYears, contactYears: years.contactYears }, ...list };
  },
  'deletions.list': (_i, ctx) => listDeletionRequests(ctx, yearsOf(ctx)),
  'deletions.request': (i, ctx) => requestDeletion(ctx, i, yearsOf(ctx)),
  'deletions.exportArchive': (i, ctx) => exportArchive(ctx, i),
  'deletions.archiveDeclined': (i, ctx) => recordArchiveDeclined(ctx, i.id, yearsOf(ctx)),
  'deletions.reject': (i, ctx) => rejectDeletion(ctx, i.id, yearsOf(ctx)),
  // Its own transaction (the erasure and its audit entry commit together), then the WAL and VACUUM outside it.
  'deletions.approve': async (i, ctx) => {
    const { session } = ctx;
    const actor = { id: session.user.id, role: session.user.role, office: session.user.office };
    const done = await runSessionCall(session, ctx, async (sctx) => {
      const result = await approveDeletion(sctx, i, yearsOf(ctx));
      // Only that a deletion happened: the request, the file's random id, the ground and the counts; no value.
      await appendAudit(sctx.tx, {
        at: sctx.now,
        actor,
        action: 'deletions.approve',
        entity: 'deletion-request',
        entityId: i.id,
        fields: [`client:${result.request.clientId}`, `ground:${result.request.ground}`, `rows:${result.counts.rows}`, `files:${result.counts.files}`],
      });
      return result;
    });
    const vacuumed = await foldAwayDeletedPages(session.vault, ctx.machinePolicy.retention.vacuumAfterDeletion);
    return { request: done.request, removedRows: done.counts.rows, removedFiles: done.counts.files, vacuumed };
  },
  'restrictions.set': (i, ctx) => restrictProcessing(ctx, i, yearsOf(ctx)),
  'restrictions.lift': (i, ctx) => liftRestriction(ctx, i.clientId, yearsOf(ctx)),
};
