import { resolve } from 'node:path';
import type { AccountSummary } from '../../electron/core/contract/methods';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { AppError, englishMessage } from '../../electron/core/contract/errors';
import type { DemoCounts } from './import/bulk-writer';
import { importDemoData } from './import/demo-import';
import { openVaultForImport } from './import/open-for-import';
import { APP_VERSION } from '../../electron/core/contract/app-version';
import type { Office } from '../../electron/core/contract/offices';
import { callCore, EXIT } from '../../electron/cli/core-call';
import { CliError, readPassphrase } from '../../electron/cli/passphrase-input';

export const MAX_DEMO_CLIENTS = 200_000;
const MAX_NOTES_PER_CLIENT = 500;

/** Accounts of a new demo vault: one administrator and four case managers, all with the same passphrase. */
export const DEMO_ADMIN = { login: 'admin', displayName: 'Demo Administration' } as const;
export const DEMO_CASE_MANAGERS = [
  { login: 'fm.1', displayName: 'Katharina Brinkmann' },
  { login: 'fm.2', displayName: 'Jan Schulte-Wiethoff' },
  { login: 'fm.3', displayName: 'Sabine Kortenbusch' },
  { login: 'fm.4', displayName: 'Mehmet Aydoğan' },
] as const;

export interface DemoDataOptions {
  dataDir: string;
  office: string;
  clients: string;
  notesPerClient: string;
  seed: string;
  user?: string;
}

export interface DemoDataRun {
  dataDir: string;
  office: Office;
  clients: number;
  notesPerClient: number;
  seed: number;
  /** Set when the vault was created by this run. */
  recoveryKey: string | null;
  adminLogin: string;
  caseManagerLogins: string[];
  counts: DemoCounts;
  seconds: number;
}

export interface DemoIo {
  out: (line: string) => void;
  progress: (line: string) => void;
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`${flag} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (got "${value}").`, EXIT.usage);
  }
  return n;
}

/** Checks all options before any passphrase is read or any file is touched. */
export function parseDemoOptions(o: DemoDataOptions): { clients: number; notesPerClient: number; seed: number } {
  return {
    clients: wholeNumber(o.clients, '--clients', 1, MAX_DEMO_CLIENTS),
    notesPerClient: wholeNumber(o.notesPerClient, '--notes-per-client', 0, MAX_NOTES_PER_CLIENT),
    seed: wholeNumber(o.seed, '--seed', 0, 0xffffffff),
  };
}

/** Creates the administrator and the case managers of a new demo vault through the API (policy, audit, keyring). */
async function createDemoVault(core: CoreDispatcher, office: string, adminLogin: string, passphrase: string) {
  const setup = await callCore(core, 'vault.setup', { office, adminLogin, adminName: DEMO_ADMIN.displayName, passphrase });
  const managers: AccountSummary[] = [];
  for (const m of DEMO_CASE_MANAGERS) managers.push(await callCore(core, 'accounts.create', { ...m, role: 'fallmanagement', passphrase }));
  return { recoveryKey: setup.recoveryKey, office: setup.user.office, managers };
}

/** Unlocks an existing vault as an administrator and finds (or adds) the office's case managers. */
async function useExistingVault(core: CoreDispatcher, login: string, passphrase: string) {
  const user = await callCore(core, 'session.unlock', { login, passphrase });
  if (user.role !== 'it-admin') throw new CliError(`demo-data needs an administrator; ${login} is not one.`, EXIT.failure);
  const accounts = await callCore(core, 'accounts.list', {});
  let managers = accounts.filter((a) => a.active && a.role === 'fallmanagement' && a.office === user.office);
  if (managers.length === 0) {
    for (const m of DEMO_CASE_MANAGERS.filter((d) => !accounts.some((a) => a.login === d.login))) {
      managers.push(await callCore(core, 'accounts.create', { ...m, role: 'fallmanagement', passphrase }));
    }
  }
  managers = managers.sort((a, b) => a.login.localeCompare(b.login));
  return { office: user.office, managers };
}

/**
 * demo-data without the terminal parts (the benchmark calls this too): vault and accounts through the dispatcher,
 * then the bulk rows through the demo importer on a connection of its own.
 */
export async function runDemoData(o: DemoDataOptions, passphrase: string, io: DemoIo, now: Date = new Date()): Promise<DemoDataRun> {
  const { clients, notesPerClient, seed } = parseDemoOptions(o);
  const dataDir = resolve(o.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION, now: () => now });
  let prepared: { recoveryKey: string | null; office: Office; managers: AccountSummary[]; adminLogin: string };
  try {
    const status = await callCore(core, 'vault.status', {});
    if (status.state === 'uninitialised') {
      const adminLogin = o.user ?? DEMO_ADMIN.login;
      prepared = { ...(await createDemoVault(core, o.office, adminLogin, passphrase)), adminLogin };
    } else {
      if (!o.user) throw new CliError('A vault exists in this data directory: give --user LOGIN (an administrator) to add demo data to it.', EXIT.usage);
      prepared = { ...(await useExistingVault(core, o.user, passphrase)), recoveryKey: null, adminLogin: o.user };
    }
  } finally {
    await core.close();
  }
  if (prepared.recoveryKey) io.out(`Recovery key: ${prepared.recoveryKey}`);

  const started = process.hrtime.bigint();
  let vault;
  try {
    vault = await openVaultForImport({ dataDir }, prepared.adminLogin, passphrase);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(englishMessage(error.toPayload()), EXIT.failure);
    throw error;
  }
  try {
    const admin = (await vault.dataSource.query('SELECT id, role, office FROM account WHERE login = ?', [prepared.adminLogin])) as { id: string; role: string; office: string }[];
    const counts = await importDemoData(vault.dataSource, {
      clients,
      notesPerClient,
      seed,
      office: prepared.office,
      caseManagers: prepared.managers.map((m) => ({ id: m.id, displayName: m.displayName })),
      now,
      actor: admin[0]!,
      onProgress: (done, total) => io.progress(`demo-data: ${Math.round((done * 100) / total)}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')} clients)`),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      dataDir,
      office: prepared.office,
      clients,
      notesPerClient,
      seed,
      recoveryKey: prepared.recoveryKey,
      adminLogin: prepared.adminLogin,
      caseManagerLogins: prepared.managers.map((m) => m.login),
      counts,
      seconds,
    };
  } finally {
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}

/** npm run cli -- demo-data: fills a (new or existing) vault with deterministic fake clients, cases and notes. */
export async function demoDataCommand(o: DemoDataOptions, out: (line: string) => void): Promise<void> {
  parseDemoOptions(o);
  const passphrase = await readPassphrase(`Passphrase for ${o.user ?? DEMO_ADMIN.login}: `);
  const run = await runDemoData(o, passphrase, { out, progress: (line) => process.stderr.write(`${line}\n`) });
  const c = run.counts;
  if (run.recoveryKey) {
    out('Store the recovery key in the IT safe now. It is shown only this once and opens the database without any passphrase.');
    out(`Logins (passphrase from KIM_AKTE_PASSPHRASE): ${run.adminLogin} (administrator), ${run.caseManagerLogins.join(', ')} (Fallmanagement).`);
  }
  out(`Demo data added to ${run.dataDir} (office ${run.office}, seed ${run.seed}) in ${run.seconds.toFixed(1)} s:`);
  out(
    `  ${c.clients} clients, ${c.nameKeys} name keys, ${c.householdMembers} household members, ${c.residenceStatuses} residence statuses,`,
  );
  out(`  ${c.cases} cases, ${c.phaseEvents} phase events, ${c.assessments} assessments, ${c.goals} goals, ${c.measures} measures,`);
  out(`  ${c.notes} notes, ${c.followUps} follow-ups.`);
  out('All names, addresses and phone numbers are fictional. Demo data is never synced to other offices.');
}
