import { resolve } from 'node:path';
import { readLogPolicy } from '../../core/api/log-policy';
import { logFolderFor } from '../../logs/log-folder';
import { parseSince, readLogLines } from '../../logs/log-reader';
import { EXIT } from '../core-call';
import { CliError } from '../passphrase-input';

/**
 * Prints the log lines written since a time, oldest first, for a support ticket. The lines hold codes and counts,
 * never personal data, so IT may attach them as they are. Needs no passphrase: the log is not in the vault.
 */
export function logsCommand(opts: { since: string; logDir?: string; dataDir?: string }, out: (line: string) => void, now = new Date()): void {
  const since = parseSince(opts.since, now);
  if (!since) throw new CliError(`--since must be an ISO date or date-time with zone (2026-11-30, 2026-11-30T08:00:00+01:00) or a span like 30m, 2h, 7d; got "${opts.since.slice(0, 40)}".`, EXIT.usage);
  const folder = logFolderFor({
    logDir: opts.logDir && resolve(opts.logDir),
    dataDir: opts.dataDir && resolve(opts.dataDir),
    policyFolder: readLogPolicy().folder,
  });
  const lines = readLogLines(folder, since);
  for (const line of lines) out(line);
  process.stderr.write(`${lines.length} line(s) since ${since.toISOString()} from ${folder}\n`);
}
