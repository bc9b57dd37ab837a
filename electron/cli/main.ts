import { Command, CommanderError, Option } from 'commander';
import { OFFICES } from '../core/contract/offices';
import { APP_VERSION } from '../core/contract/app-version';
import { initCommand } from './commands/init';
import { infoCommand } from './commands/info';
import { auditVerifyCommand } from './commands/audit-verify';
import { rekeyCommand } from './commands/rekey';
import { recoveryDatabaseKeyCommand } from './commands/recovery-database-key';
import { networkCreateCommand, networkDevicesCommand, networkInviteCommand, networkJoinCommand, networkRevokeCommand, syncCommand } from './commands/network';
import { statsCommand } from './commands/stats';
import { backupCommand, restoreCommand } from './commands/backup';
import { doctorCommand } from './commands/doctor';
import { logsCommand } from './commands/logs';
import { policyCheckCommand } from './commands/policy-check';
import { EXIT } from './core-call';
import { CliError } from './passphrase-input';

/** kim-akte: the admin CLI for municipal IT. English output, stable exit codes, no stack traces. */
export function buildProgram(out: (line: string) => void): Command {
  const program = new Command('kim-akte')
    .description('KIM-Akte administration (headless tasks for municipal IT)')
    .version(APP_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('init')
    .description('create the encrypted vault of this workstation with its first administrator')
    .requiredOption('--data-dir <dir>', 'folder for vault.db and keyring.json')
    .addOption(new Option('--office <office>', 'office of this workstation').choices([...OFFICES]).makeOptionMandatory())
    .requiredOption('--admin-user <login>', 'login of the first administrator')
    .requiredOption('--admin-name <name>', 'full name of the first administrator')
    .action((o: { dataDir: string; office: string; adminUser: string; adminName: string }) => initCommand(o, out));

  program
    .command('info')
    .description('unlock and print office, schema version and counts as JSON')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login to unlock with')
    .action((o: { dataDir: string; user: string }) => infoCommand(o, out));

  program
    .command('audit')
    .description('audit trail tasks')
    .command('verify')
    .description('verify the tamper-evident audit trail (hash chain and head); exit 7 names the first bad entry')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login to unlock with (IT administration or data protection)')
    .action((o: { dataDir: string; user: string }) => auditVerifyCommand(o, out));

  program
    .command('rekey')
    .description('give the vault a new database key and a new recovery key (after an account was disabled)')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .action((o: { dataDir: string; user: string }) => rekeyCommand(o, out));

  program
    .command('recovery')
    .description('tasks with the recovery key from the IT safe')
    .command('database-key')
    .description('check the recovery key (KIM_AKTE_RECOVERY_KEY or typed) and print the SQLCipher key of vault.db')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .action((o: { dataDir: string }) => recoveryDatabaseKeyCommand(o, out));

  const network = program.command('network').description('the network of trusted workstations that sync through the shared folder');
  network
    .command('create')
    .description('found the network on a shared folder; prints the network fingerprint')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .requiredOption('--share <dir>', 'the shared folder (mapped drive, UNC path or mount point)')
    .action((o: { dataDir: string; user: string; share: string }) => networkCreateCommand(o, out));
  network
    .command('invite')
    .description('write a single-use invitation for a new workstation and print its code')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .addOption(new Option('--office <office>', 'office of the new workstation').choices([...OFFICES]).makeOptionMandatory())
    .requiredOption('--out <file>', 'invitation file to write (must not exist)')
    .action((o: { dataDir: string; user: string; office: string; out: string }) => networkInviteCommand(o, out));
  network
    .command('join')
    .description('join the network with an invitation file and its code')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .requiredOption('--share <dir>', 'the shared folder')
    .requiredOption('--invitation <file>', 'the invitation file')
    .requiredOption('--code <code>', 'the invitation code (XXXX-XXXX-XXXX-XXXX)')
    .action((o: { dataDir: string; user: string; share: string; invitation: string; code: string }) => networkJoinCommand(o, out));
  network
    .command('devices')
    .description('list the workstations of the network, their state and last sync')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .option('--json', 'print JSON')
    .action((o: { dataDir: string; user: string; json?: boolean }) => networkDevicesCommand(o, out));
  network
    .command('revoke')
    .description('revoke a workstation (stolen, replaced); every member honours it from its next sync')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .requiredOption('--device <id>', 'device id (see network devices)')
    .action((o: { dataDir: string; user: string; device: string }) => networkRevokeCommand(o, out));

  program
    .command('sync')
    .description('run one full sync round through the shared folder (exit 9: share offline)')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'any login that can unlock')
    .option('--json', 'print {"sent","received","applied","conflicts","rejected"}')
    .action((o: { dataDir: string; user: string; json?: boolean }) => syncCommand(o, out));

  program
    .command('stats')
    .description('KIM statistics of this office for a period (suppressed: "<5" below 5, "x" withheld so no "<5" can be computed)')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login to unlock with (Koordination or Fallmanagement)')
    .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD')
    .option('--json', 'print the figures as JSON keyed by codes')
    .option('--combined', "Koordination: the offices' reported figures added up, suppressed after adding (needs the sync network)")
    .action((o: { dataDir: string; user: string; from: string; to: string; json?: boolean; combined?: boolean }) => statsCommand(o, out));

  program
    .command('policy')
    .description('the machine policy IT places on each workstation (policy.json, registry on Windows)')
    .command('check')
    .description('validate a policy file before rollout; exit 11 names the key and the rule')
    .requiredOption('--file <file>', 'the policy.json to check')
    .option('--registry', "merge this machine's registry values (HKLM\\Software\\Policies\\KIM-Akte) as the app does (Windows)")
    .option('--json', 'print every key with its value and source as JSON')
    .action((o: { file: string; registry?: boolean; json?: boolean }) => policyCheckCommand(o, out));

  program
    .command('doctor')
    .description('health check: vault pages and structure, schema, audit chain, documents folder, disk, share, policy, last backup (exit 12: findings)')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .option('--json', 'print the report as JSON (findings with code, severity, message and fix)')
    .option('--repair', 'first move orphaned document files into the quarantine folder of the data folder (never deletes)')
    .action((o: { dataDir: string; user: string; json?: boolean; repair?: boolean }) => doctorCommand(o, out));

  program
    .command('logs')
    .description('print the log lines since a time for support (no personal data in them); folder: --log-dir, else the policy\'s, else beside --data-dir, else the app\'s')
    .requiredOption('--since <time>', 'ISO date or date-time with zone, or a span back from now: 30m, 2h, 7d')
    .option('--log-dir <dir>', 'the log folder to read')
    .option('--data-dir <dir>', 'the vault folder; its sibling "logs" folder is read (the app\'s default layout)')
    .action((o: { since: string; logDir?: string; dataDir?: string }) => logsCommand(o, out));

  program
    .command('backup')
    .description('write an encrypted, verified backup of the vault while the app may keep running (IT administrator)')
    .requiredOption('--data-dir <dir>', 'folder holding the vault')
    .requiredOption('--user <login>', 'login of an IT administrator')
    .requiredOption('--to <file>', 'backup file to write (must not exist)')
    .action((o: { dataDir: string; user: string; to: string }) => backupCommand(o, out));

  program
    .command('restore')
    .description('restore a backup into a data directory; refuses a newer vault there unless --force (exit 13)')
    .requiredOption('--from <file>', 'the backup file')
    .requiredOption('--data-dir <dir>', 'folder to restore the vault into (close KIM-Akte on this PC first)')
    .option('--user <login>', 'login of an IT administrator of the backed-up vault (passphrase as at backup time)')
    .option('--recovery-key', 'unlock the backup with the recovery key (KIM_AKTE_RECOVERY_KEY or typed) instead')
    .option('--force', 'replace a vault that is newer than the backup, another vault, or one of unknown age (kept aside)')
    .action((o: { from: string; dataDir: string; user?: string; recoveryKey?: boolean; force?: boolean }) => restoreCommand(o, out));

  return program;
}

/** Runs a built program and maps every outcome to an exit code; development entries reuse it with extra commands. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`Error: unexpected failure (${(error as Error)?.name ?? 'unknown'}).\n`);
    return EXIT.failure;
  }
}

export const stdoutLine = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function runCli(argv: string[], out: (line: string) => void = stdoutLine): Promise<number> {
  return runProgram(buildProgram(out), argv);
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
