import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { healthFix, healthMessage } from '../../core/contract/health-domain';
import type { HealthFinding, HealthRepairResult, HealthReport } from '../../core/contract/types/health-types';
import { callCore, EXIT, unlockForCommand } from '../core-call';
import { CliError } from '../passphrase-input';

interface DoctorOptions {
  dataDir: string;
  user: string;
  json?: boolean;
  repair?: boolean;
}

const withTexts = (f: HealthFinding) => ({ ...f, message: healthMessage(f), fix: healthFix(f) });

function printReport(report: HealthReport, repair: HealthRepairResult | null, out: (line: string) => void): void {
  if (repair) {
    out(repair.quarantined ? `Repair: moved ${repair.quarantined} orphaned file(s) to ${repair.folder} in the data folder (not deleted).` : 'Repair: no orphaned files to move.');
  }
  for (const c of report.checks) out(`${c.state === 'ok' ? 'ok     ' : c.state === 'skipped' ? 'skipped' : 'FINDING'}  ${c.check} (${c.ms} ms)`);
  for (const f of report.findings) {
    out(`[${f.severity}] ${f.code}: ${healthMessage(f)}`);
    out(`  Fix: ${healthFix(f)}`);
  }
  out(report.findings.some((f) => f.severity !== 'info') ? 'The health check found problems (see above).' : `Healthy: ${report.checks.length} checks passed in ${report.tookMs} ms.`);
}

/**
 * The full health check of a workstation for IT: every page of the vault, its structure, schema, audit chain,
 * documents folder, disk, share, policy and backup age. Exit 0 when healthy, EXIT.unhealthy with findings.
 * `--repair` moves orphaned document files into the quarantine folder first (never deletes).
 */
export async function doctorCommand(opts: DoctorOptions, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    // An invalid policy refuses every call, before any data is opened: that is the finding, and the only one.
    const status = await core.dispatch('vault.status', {});
    if (!status.ok && status.error.code === 'policy.invalid') {
      const p = status.error.params as { key?: string; rule?: string };
      const finding: HealthFinding = { check: 'policy', code: 'health.policyInvalid', severity: 'critical', params: { key: String(p.key), rule: String(p.rule) } };
      const report: HealthReport = { scope: 'full', checkedAt: new Date().toISOString(), tookMs: 0, checks: [{ check: 'policy', state: 'finding', ms: 0 }], findings: [finding] };
      if (opts.json) out(JSON.stringify({ dataDir, report: { ...report, findings: [withTexts(finding)] }, repair: null }, null, 2));
      else printReport(report, null, out);
      throw new CliError('The machine policy is invalid; no other check ran.', EXIT.unhealthy);
    }
    await unlockForCommand(core, opts.user);
    const repair = opts.repair ? await callCore(core, 'system.repair', {}) : null;
    const report = await callCore(core, 'system.health', { scope: 'full' });
    if (opts.json) out(JSON.stringify({ dataDir, report: { ...report, findings: report.findings.map(withTexts) }, repair }, null, 2));
    else printReport(report, repair, out);
    if (report.findings.some((f) => f.severity !== 'info')) throw new CliError(`${report.findings.filter((f) => f.severity !== 'info').length} finding(s) need attention.`, EXIT.unhealthy);
  } finally {
    await core.close();
  }
}
