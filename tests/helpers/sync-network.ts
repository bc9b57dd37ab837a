import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { Office } from '../../electron/core/contract/offices';
import type { SyncIo } from '../../electron/core/domain/sync/sync-context';
import { ADMIN_PASSPHRASE, call, openCore } from './temp-vault';

/** A workstation of the test network: its own vault folder, unlocked as its IT administrator "admin". */
export interface Workstation {
  name: string;
  dir: string;
  core: CoreDispatcher;
  /** The recovery key shown at setup (absent for a workstation the test only reopened). */
  recoveryKey?: string;
}

const instant = () => Promise.resolve();

/** Sets up a vault for `office` in `root/name`; `io` lets a test put faults between it and the share. */
export async function workstation(
  root: string,
  name: string,
  office: Office,
  options: { now?: () => Date; io?: SyncIo } = {},
): Promise<Workstation> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const core = openCore({ dataDir: dir, now: options.now, syncIo: options.io ?? { fs: (await import('node:fs/promises')).default, sleep: instant } });
  const { recoveryKey } = await call(core, 'vault.setup', { office, adminLogin: 'admin', adminName: `IT ${name}`, passphrase: ADMIN_PASSPHRASE });
  return { name, dir, core, recoveryKey };
}

/** Reopens a workstation's vault (after a test closed it), unlocked as "admin". */
export async function reopen(w: Workstation, options: { now?: () => Date; io?: SyncIo } = {}): Promise<Workstation> {
  const core = openCore({ dataDir: w.dir, now: options.now, syncIo: options.io ?? { fs: (await import('node:fs/promises')).default, sleep: instant } });
  await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
  return { ...w, core };
}

/** `inviter` invites a workstation of `joiner`'s office and `joiner` joins with file and code. */
export async function inviteAndJoin(inviter: Workstation, joiner: Workstation, share: string): Promise<{ code: string; file: string }> {
  const office = (await call(joiner.core, 'network.status')).office;
  const invitation = await call(inviter.core, 'network.invite', { office });
  await call(joiner.core, 'network.join', { share, invitation: invitation.file, code: invitation.code });
  return { code: invitation.code, file: invitation.file };
}

/** Runs sync rounds on the workstations in the given order. */
export async function syncAll(...stations: Workstation[]): Promise<void> {
  for (const w of stations) await call(w.core, 'sync.run');
}

/** The status each workstation gives another device. */
export async function statusOf(w: Workstation, deviceId: string): Promise<string | undefined> {
  return (await call(w.core, 'network.devices')).find((d) => d.deviceId === deviceId)?.status;
}

/** The case manager of each test workstation (role by office: the ABH has clerks). */
export const STAFF = {
  fm: { login: 'fm.team', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' },
  abh: { login: 'abh.team', displayName: 'Jonas Weber', role: 'abh' as const, passphrase: 'Ausländerbehörde an der Lippe 2026' },
};

/** Enrolls the workstation's case worker (a clerk at the ABH) and leaves it unlocked as that account. */
export async function withCaseWorker(w: Workstation): Promise<Workstation> {
  const { enrolAccount } = await import('./enrol');
  const office = (await call(w.core, 'network.status')).office;
  const who = office === 'abh-lunen' ? STAFF.abh : STAFF.fm;
  await enrolAccount(w.core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, who);
  await signIn(w, who.login);
  return w;
}

/** Locks and unlocks `w` as `login` (admin or the case worker). */
export async function signIn(w: Workstation, login: string): Promise<void> {
  const passphrase = login === 'admin' ? ADMIN_PASSPHRASE : login === STAFF.abh.login ? STAFF.abh.passphrase : STAFF.fm.passphrase;
  await call(w.core, 'session.lock');
  await call(w.core, 'session.unlock', { login, passphrase });
}

/**
 * Lünen ×2 and Werne in one network on a real folder under `root`, enrolled and synced, each with its case worker
 * unlocked: the setup of the tests of what travels within an office and what not.
 */
export async function lunenTwiceAndWerne(root: string): Promise<{ share: string; lunen1: Workstation; lunen2: Workstation; werne: Workstation }> {
  const share = join(root, 'share');
  mkdirSync(share);
  const lunen1 = await workstation(root, 'lunen-1', 'lunen');
  const lunen2 = await workstation(root, 'lunen-2', 'lunen');
  const werne = await workstation(root, 'werne-1', 'werne');
  await call(lunen1.core, 'network.create', { share });
  for (const w of [lunen2, werne]) await inviteAndJoin(lunen1, w, share);
  // The inviter enrolls in its next round; the others learn of the enrollments in theirs.
  await syncAll(lunen1, lunen2, werne, lunen1);
  for (const w of [lunen1, lunen2, werne]) await withCaseWorker(w);
  return { share, lunen1, lunen2, werne };
}
