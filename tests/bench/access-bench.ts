import { join } from 'node:path';
import { AccessPolicy } from '../../electron/core/domain/access/access-policy';
import { enforce } from '../../electron/core/api/method-guards';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { appendAudit } from '../../electron/core/platform/audit/audit-log';
import { syncAuditHead } from '../../electron/core/platform/audit/audit-head';
import { loadClientDetail } from '../../electron/core/domain/client-file/client-detail';
import { berlinDate } from '../../electron/core/contract/dates';
import { runDemoData } from '../demo-data/demo-data-command';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey, openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';
import { DEMO_PRIVACY } from '../demo-data/demo-accounts';
import { withServiceCall } from './service-context';
import { median, percentile, round, timeMs } from './stats';

const ABH = { login: 'abh.bench', displayName: 'ABH Benchmark', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' };

/**
 * What the permission and audit layer costs per call (access issue): the same clients.get through the dispatcher
 * (role gate, guard with scope × consent × category, transaction, audit entry, audit head) and through the service
 * alone; the guard alone; one audit entry with its head alone; and the consent path, as an ABH clerk reading files
 * shared with the ABH by consent. Demo data: files of other towns and some own files carry consents.
 */
export async function benchAccess(o: { clients: number; per: number; log: (line: string) => void }): Promise<Record<string, number>> {
  const tmp = tempDir('kim-akte-bench-access-');
  const now = new Date();
  const today = berlinDate(now);
  try {
    o.log(`  access: building a vault with ${o.clients} demo clients …`);
    const quiet = { out: () => undefined, progress: () => undefined };
    const run = await runDemoData({ dataDir: join(tmp.dir, 'vault'), office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '11' }, ADMIN_PASSPHRASE, quiet, now);
    const key = databaseKeyForRecoveryKey({ dataDir: run.dataDir }, run.recoveryKey!);
    const raw = openRawEncrypted(join(run.dataDir, 'vault.db'), key);
    const ids = (sql: string) => (raw.prepare(sql).all(today, today) as { id: string }[]).map((r) => r.id).slice(0, o.per);
    const active = `k.revoked_on IS NULL AND k.valid_from <= ? AND (k.valid_until IS NULL OR k.valid_until >= ?)`;
    const own = ids(`SELECT id FROM client WHERE office = 'lunen' AND ? = ? ORDER BY id`);
    const shared = ids(`SELECT DISTINCT g.client_id AS id FROM consent_grant g JOIN consent k ON k.id = g.consent_id WHERE g.party = 'abh-lunen' AND ${active}`);
    raw.close();

    const core = new CoreDispatcher({ dataDir: run.dataDir });
    await call(core, 'session.unlock', { login: run.adminLogin, passphrase: ADMIN_PASSPHRASE });
    // Enrolled as IT does it; the approver is the demo vault's data protection officer.
    await enrolAccount(core, { login: run.adminLogin, passphrase: ADMIN_PASSPHRASE }, ABH, { login: DEMO_PRIVACY.login, passphrase: ADMIN_PASSPHRASE });
    await call(core, 'session.lock');

    const user = await call(core, 'session.unlock', { login: run.caseManagerLogins[0]!, passphrase: ADMIN_PASSPHRASE });
    for (const id of own.slice(0, 10)) await call(core, 'clients.get', { id });
    const viaDispatcher: number[] = [];
    for (const id of own) viaDispatcher.push(await timeMs(() => call(core, 'clients.get', { id })));
    await call(core, 'session.lock');

    await call(core, 'session.unlock', { login: ABH.login, passphrase: ABH.passphrase });
    for (const id of shared.slice(0, 10)) await call(core, 'clients.get', { id });
    const viaConsent: number[] = [];
    for (const id of shared) viaConsent.push(await timeMs(() => call(core, 'clients.get', { id })));
    const abhList: number[] = [];
    for (let i = 0; i < 20; i++) abhList.push(await timeMs(() => call(core, 'clients.list', { limit: 100, offset: 0, sort: 'name' })));
    await call(core, 'session.lock');

    // The same reads without the dispatcher, and the layer's parts one by one, on the vault opened with its key.
    const vault = await openWithRecoveryKey({ dataDir: run.dataDir }, run.recoveryKey!);
    const m = vault.dataSource.manager;
    const direct: number[] = [];
    const guard: number[] = [];
    const audit: number[] = [];
    for (const id of own) {
      direct.push(await timeMs(() => withServiceCall(vault.dataSource, now, user, (ctx) => loadClientDetail(ctx, id), vault.fields)));
      guard.push(await timeMs(() => enforce('clients.get', { id }, new AccessPolicy(m, user, today, vault.fields), m)));
      const actor = { id: user.id, role: user.role, office: user.office };
      audit.push(
        await timeMs(async () => {
          await vault.dataSource.transaction((tx) => appendAudit(tx, { at: now, actor, action: 'clients.get', entity: 'client', entityId: id }));
          await syncAuditHead(vault.dataSource);
        }),
      );
    }
    vault.forgetKey();
    await vault.dataSource.destroy();

    const figures = {
      access_clients: o.clients,
      access_shared_with_abh: shared.length,
      clients_get_dispatcher_owner_p50_ms: round(median(viaDispatcher)),
      clients_get_service_p50_ms: round(median(direct)),
      permission_and_audit_layer_ms_p50: round(median(viaDispatcher) - median(direct)),
      permission_check_p50_ms: round(median(guard), 3),
      permission_check_p95_ms: round(percentile(guard, 95), 3),
      audit_entry_with_head_p50_ms: round(median(audit)),
      clients_get_via_consent_p50_ms: round(median(viaConsent)),
      clients_get_via_consent_p95_ms: round(percentile(viaConsent, 95)),
      abh_list_page_p50_ms: round(median(abhList)),
    };
    o.log(
      `  access: clients.get ${figures.clients_get_dispatcher_owner_p50_ms} ms via dispatcher vs ${figures.clients_get_service_p50_ms} ms service alone; ` +
        `guard ${figures.permission_check_p50_ms} ms, audit entry + head ${figures.audit_entry_with_head_p50_ms} ms; via consent (ABH) ${figures.clients_get_via_consent_p50_ms} ms`,
    );
    return figures;
  } finally {
    tmp.cleanup();
  }
}
