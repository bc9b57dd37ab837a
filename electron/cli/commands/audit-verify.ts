import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { callCore, EXIT, unlockForCommand } from '../core-call';
import { CliError } from '../passphrase-input';
import type { ChainBreak } from '../../core/contract/types/audit-types';

const REASONS: Record<ChainBreak['reason'], string> = {
  changed: 'its content was changed',
  'removed-or-reordered': 'an entry before it was removed, or entries were reordered',
  'tail-cut': 'entries from here on were cut off the end',
  'head-invalid': 'the head file outside the database (audit-head.json) is damaged or was altered',
  'head-missing': 'the head file outside the database (audit-head.json) is missing',
  'checkpoint-mismatch': 'it differs from the checkpoint this workstation published earlier in its sync log (history rewritten)',
};

/** Verifies the tamper-evident audit trail; exit 0 when intact, EXIT.auditBroken naming the first bad entry. */
export async function auditVerifyCommand(opts: { dataDir: string; user: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    await unlockForCommand(core, opts.user);
    const result = await callCore(core, 'audit.verify', {});
    const anchor = result.anchor;
    if (anchor?.state === 'ok') out(`Checked against ${anchor.checked} checkpoint(s) published in the sync log.`);
    if (anchor?.state === 'unreachable') out('The shared folder is unreachable: the published checkpoints were not compared this time.');
    if (anchor && anchor.missingFiles > 0) out(`Warning: ${anchor.missingFiles} file(s) of this workstation's sync log are missing on the share.`);
    if (!result.firstBreak) {
      out(`Audit trail intact: ${result.entries} entries verified.`);
      return;
    }
    throw new CliError(
      `Audit trail broken at entry #${result.firstBreak.id}: ${REASONS[result.firstBreak.reason]} (${result.entries} entries before it verified).`,
      EXIT.auditBroken,
    );
  } finally {
    await core.close();
  }
}
