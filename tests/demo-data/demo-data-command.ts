import { resolve } from 'node:path';
import type { AccountSummary, SessionUser } from '../../electron/core/contract/types/workstation-types';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { AppError, englishMessage } from '../../electron/core/contract/errors';
import { APP_VERSION } from '../../electron/core/contract/app-version';
import type { Office } from '../../electron/core/contract/offices';
import type { OpenVault } from '../../electron/core/platform/vault/vault';
import { callCore, EXIT } from '../../electron/cli/core-call';
import { CliError, readPassphrase } from '../../electron/cli/passphrase-input';
import { DEMO_ADMIN, DEMO_PRIVACY, demoCaseManagers, setUpDemoVault, unlockAsAdministrator } from './demo-accounts';
import { isDemoVault, markDemoVault } from './demo-vault-mark';
import type { DemoCounts } from './import/bulk-writer';
import { importDemoData } from './import/demo-import';
import { openVaultForImport } from './import/open-for-import';

export const MAX_DEMO_CLIENTS = 200_000;
const MAX_NOTES_PER_CLIENT = 500;

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

/** What the vault holds before the bulk rows: accounts made through the API, and the import's own connection. */
interface PreparedVault {
  vault: OpenVault;
  admin: SessionUser;
  managers: AccountSummary[];
  /** Set when the vault was created by this run. */
  recoveryKey: string | null;
}

async function openImportConnection(dataDir: string, login: string, passphrase: string): Promise<OpenVault> {
  try {
    return await openVaultForImport({ dataDir }, login, passphrase);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(englishMessage(error.toPayload()), EXIT.failure);
    throw error;
  }
}

/**
 * Accounts through the dispatcher (policy, keyring, audit), the demo mark through the import's own connection. A new
 * vault is marked right after its setup, before anything else is written; an existing vault is refused before any
 * account is added to it unless it carries the mark. On refusal or failure the import connection is closed again.
 */
async function prepareVault(dataDir: string, o: DemoDataOptions, passphrase: string, now: Date): Promise<PreparedVault> {
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION, now: () => now });
  let vault: OpenVault | null = null;
  try {
    const status = await callCore(core, 'vault.status', {});
    const creating = status.state === 'uninitialised';
    if (!creating && !o.user) throw new CliError('A vault exists in this data directory: give --user LOGIN (an administrator) to add demo data to it.', EXIT.usage);
    const login = o.user ?? DEMO_ADMIN.login;
    const setup = creating ? await setUpDemoVault(core, o.office, login, passphrase) : null;
    const admin = setup?.user ?? (await unlockAsAdministrator(core, login, passphrase));
    vault = await openImportConnection(dataDir, login, passphrase);
    if (creating) {
      await markDemoVault(vault.dataSource.manager, now);
    } else if (!(await isDemoVault(vault.dataSource.manager))) {
      throw new CliError(
        'This vault was not created by demo-data, so no demo data is added to it: fictional people must never mix with real files. ' +
          'Give an empty --data-dir to create a new demo vault.',
        EXIT.notDemoVault,
      );
    }
    const managers = await demoCaseManagers(core, admin.office, { login, passphrase });
    return { vault, admin, managers, recoveryKey: setup?.recoveryKey ?? null };
  } catch (error) {
    if (vault) await closeVault(vault);
    throw error;
  } finally {
    await core.close();
  }
}

async function closeVault(vault: OpenVault): Promise<void> {
  vault.forgetKey();
  await vault.dataSource.destroy();
}

/**
 * demo-data without the terminal parts (the benchmarks and tests call this too): vault, accounts and demo mark as
 * above, then the bulk rows through the demo importer on the import connection.
 */
export async function runDemoData(o: DemoDataOptions, passphrase: string, io: DemoIo, now: Date = new Date()): Promise<DemoDataRun> {
  const { clients, notesPerClient, seed } = parseDemoOptions(o);
  const dataDir = resolve(o.dataDir);
  const { vault, admin, managers, recoveryKey } = await prepareVault(dataDir, o, passphrase, now);
  if (recoveryKey) io.out(`Recovery key: ${recoveryKey}`);
  const started = process.hrtime.bigint();
  try {
    const counts = await importDemoData(vault.dataSource, vault.fields, {
      clients,
      notesPerClient,
      seed,
      office: admin.office,
      caseManagers: managers.map((m) => ({ id: m.id, displayName: m.displayName })),
      now,
      actor: { id: admin.id, role: admin.role, office: admin.office },
      onProgress: (done, total) => io.progress(`demo-data: ${Math.round((done * 100) / total)}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')} clients)`),
    });
    return {
      dataDir,
      office: admin.office,
      clients,
      notesPerClient,
      seed,
      recoveryKey,
      adminLogin: admin.login,
      caseManagerLogins: managers.map((m) => m.login),
      counts,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    await closeVault(vault);
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
    out(`Logins (passphrase from KIM_AKTE_PASSPHRASE): ${run.adminLogin} (administrator), ${run.caseManagerLogins.join(', ')} (Fallmanagement), ${DEMO_PRIVACY.login} (Datenschutz: approves accounts).`);
  }
  out(`Demo data added to ${run.dataDir} (office ${run.office}, seed ${run.seed}) in ${run.seconds.toFixed(1)} s:`);
  out(
    `  ${c.clients} clients, ${c.nameKeys} name keys, ${c.householdMembers} household members, ${c.residenceStatuses} residence statuses,`,
  );
  out(`  ${c.cases} cases, ${c.phaseEvents} phase events, ${c.assessments} assessments, ${c.goals} goals, ${c.measures} measures,`);
  out(`  ${c.notes} notes, ${c.followUps} follow-ups, ${c.consents} consents.`);
  if (c.partners) out(`  Partner directory: ${c.partners} organisations with ${c.partnerContacts} contact persons.`);
  out(`  ${c.findings} structural findings.`);
  out('All names, addresses and phone numbers are fictional. Demo data is never synced to other offices.');
}
