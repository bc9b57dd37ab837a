import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { DISK_CRITICAL_MB, DISK_WARNING_MB } from '../../contract/health-domain';
import type { MachinePolicy } from '../../contract/machine-policy';
import { HEALTH_CHECKS, QUICK_HEALTH_CHECKS, type HealthCheckId, type HealthCheckResult, type HealthFinding, type HealthReport } from '../../contract/types/health-types';
import { freeBytes } from '../../platform/files/disk-space';
import { probeShare, type ShareFs } from '../../platform/files/share-io';
import { readMachinePolicy } from '../../platform/policy/machine-policy';
import { readSetting, SETTING_KEYS } from '../../platform/settings/settings-store';
import { databasePageSize, runIntegrityCheck } from '../../platform/vault/integrity-check';
import { checkCipherPages } from '../../platform/vault/page-check';
import { schemaState } from '../../platform/vault/schema-state';
import { DATABASE_FILE } from '../../platform/vault/vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { verifyAuditTrail } from '../audit-trail/audit-verify';
import type { VaultKeyContext } from '../service-context';
import { checkBackupAge } from './backup-age';
import { countQuarantined, scanDocumentFiles } from './document-files';

export interface HealthDeps {
  /** The policy the app runs with (the file is read again: IT may have changed it since the start). */
  policy: MachinePolicy;
  /** How the shared folder is reached (node:fs, or a faulty one in tests). */
  shareFs: ShareFs;
  /** The SQLCipher binding of this runtime (Electron), for the second connection of the structure check. */
  nativeBinding?: string;
  /** Reads the policy file as the next start would; readMachinePolicy by default. */
  readPolicy?: () => unknown;
}

type Check = (ctx: VaultKeyContext, deps: HealthDeps) => Promise<HealthFinding[] | 'skipped'>;

const MB = 1024 * 1024;

const CHECKS: Record<HealthCheckId, Check> = {
  policy: async (_ctx, deps) => {
    try {
      (deps.readPolicy ?? readMachinePolicy)();
      return [];
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'policy.invalid') throw error;
      const { key, rule } = error.params as { key?: string; rule?: string };
      return [{ check: 'policy', code: 'health.policyInvalid', severity: 'critical', params: { key: String(key), rule: String(rule) } }];
    }
  },
  schemaVersion: async (ctx) => {
    const s = await schemaState(ctx.tx);
    return s.vault < s.app ? [{ check: 'schemaVersion', code: 'health.schemaBehind', severity: 'critical', params: { vault: s.vault, app: s.app } }] : [];
  },
  diskSpace: async (ctx) => {
    const free = freeBytes(ctx.dataDir);
    if (free === null) return [{ check: 'diskSpace', code: 'health.diskUnknown', severity: 'warning', params: {} }];
    const freeMb = Math.floor(free / MB);
    if (freeMb < DISK_CRITICAL_MB) return [{ check: 'diskSpace', code: 'health.diskCritical', severity: 'critical', params: { freeMb, thresholdMb: DISK_CRITICAL_MB } }];
    if (freeMb < DISK_WARNING_MB) return [{ check: 'diskSpace', code: 'health.diskLow', severity: 'warning', params: { freeMb, thresholdMb: DISK_WARNING_MB } }];
    return [];
  },
  share: async (ctx, deps) => {
    const share = await readSetting(ctx.tx, SETTING_KEYS.networkShare);
    if (!share) return 'skipped';
    const state = await probeShare(deps.shareFs, share);
    if (state === 'missing') return [{ check: 'share', code: 'health.shareMissing', severity: 'warning', params: {} }];
    if (state === 'readOnly') return [{ check: 'share', code: 'health.shareReadOnly', severity: 'warning', params: {} }];
    return [];
  },
  backup: async (ctx, deps) => {
    return checkBackupAge(ctx.tx, deps.policy, ctx.now);
  },
  cipherIntegrity: async (ctx) => {
    const pageSize = await databasePageSize(ctx.tx);
    const secrets = ctx.vaultSecrets();
    try {
      const { damaged } = checkCipherPages(join(ctx.dataDir, DATABASE_FILE), secrets.database, pageSize);
      return damaged.length ? [{ check: 'cipherIntegrity', code: 'health.cipherDamaged', severity: 'critical', params: { count: damaged.length } }] : [];
    } finally {
      zeroSecrets(secrets);
    }
  },
  databaseIntegrity: async (ctx, deps) => {
    const secrets = ctx.vaultSecrets();
    let r;
    try {
      r = runIntegrityCheck(join(ctx.dataDir, DATABASE_FILE), secrets.database, deps.nativeBinding);
    } finally {
      zeroSecrets(secrets);
    }
    return r.problems ? [{ check: 'databaseIntegrity', code: 'health.integrityFailed', severity: 'critical', params: { count: r.problems } }] : [];
  },
  auditChain: async (ctx) => {
    const r = await verifyAuditTrail(ctx);
    return r.firstBreak ? [{ check: 'auditChain', code: 'health.auditBroken', severity: 'critical', params: { entry: r.firstBreak.id } }] : [];
  },
  documents: async (ctx) => {
    const scan = await scanDocumentFiles(ctx.tx, ctx.dataDir, ctx.now);
    const findings: HealthFinding[] = [];
    if (scan.missing) findings.push({ check: 'documents', code: 'health.missingFiles', severity: 'critical', params: { count: scan.missing } });
    if (scan.orphans.length) findings.push({ check: 'documents', code: 'health.orphanedFiles', severity: 'warning', params: { count: scan.orphans.length } });
    const quarantined = countQuarantined(ctx.dataDir);
    if (quarantined) findings.push({ check: 'documents', code: 'health.quarantineNotEmpty', severity: 'info', params: { count: quarantined } });
    return findings;
  },
};

/**
 * The health check of this workstation. `quick` runs what costs milliseconds (policy, schema, disk, share probe,
 * backup age) and is what the app runs when IT signs in; `full` also reads every page of the vault, its structure,
 * the audit chain and the documents folder (the CLI's doctor and IT's button). A check that throws is not hidden:
 * the call fails and the CLI exits non-zero.
 */
export async function runHealthCheck(ctx: VaultKeyContext, scope: 'quick' | 'full', deps: HealthDeps): Promise<HealthReport> {
  const started = Date.now();
  const ids = scope === 'quick' ? QUICK_HEALTH_CHECKS : HEALTH_CHECKS;
  const checks: HealthCheckResult[] = [];
  const findings: HealthFinding[] = [];
  for (const id of ids) {
    const begun = Date.now();
    const result = await CHECKS[id](ctx, deps);
    const ms = Date.now() - begun;
    if (result === 'skipped') {
      checks.push({ check: id, state: 'skipped', ms });
      continue;
    }
    checks.push({ check: id, state: result.some((f) => f.severity !== 'info') ? 'finding' : 'ok', ms });
    findings.push(...result);
  }
  return { scope, checkedAt: ctx.now.toISOString(), tookMs: Date.now() - started, checks, findings };
}
