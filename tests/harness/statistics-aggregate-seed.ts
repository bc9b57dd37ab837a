import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { enrolAccount, type NewAccount } from '../helpers/enrol';
import { inviteAndJoin, syncAll, workstation, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call } from '../helpers/temp-vault';

/**
 * Figures across offices for the browser: Lünen's workstation (where Koordination works, next to a Lünen case
 * manager) and Werne's, in one network on a real folder. Koordination has opened the offices' reports once (so its
 * workstation receives them); each office has three new cases this year; Werne has reported this year's figures.
 * The harness then serves Lünen's workstation, where the case manager reports and Koordination combines.
 */
export const AGGREGATE_STAFF = {
  koordination: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  lunen: { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement', passphrase: 'Seseke Brücke am Morgen 2026' },
  werne: { login: 'fm.krause', displayName: 'Markus Krause', role: 'fallmanagement', passphrase: 'Am Preußenhafen liegen 14 Boote' },
} as const satisfies Record<string, NewAccount>;

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

async function signIn(core: CoreDispatcher, who: { login: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/** This year up to today (Berlin), as the page's "laufendes Jahr". */
export function thisYear(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

async function openCases(core: CoreDispatcher, people: [string, string][]): Promise<void> {
  for (const [familyName, givenNames] of people) {
    const client = await call(core, 'clients.create', { familyName, givenNames, birthDate: '1990-04-12', gender: 'female', nationalities: ['SY'] });
    await call(core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
  }
}

/** Sets up both workstations under `root`; returns Lünen's data dir (closed, ready for a harness). */
export async function seedStatisticsAggregates(root: string): Promise<{ dataDir: string }> {
  const share = join(root, 'share');
  mkdirSync(share, { recursive: true });
  const lunen = await workstation(root, 'lunen-1', 'lunen');
  const werne = await workstation(root, 'werne-1', 'werne');
  const stations: Workstation[] = [lunen, werne];
  try {
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(lunen, werne, lunen);
    await enrolAccount(lunen.core, ADMIN, AGGREGATE_STAFF.koordination);
    await enrolAccount(lunen.core, ADMIN, AGGREGATE_STAFF.lunen);
    await enrolAccount(werne.core, ADMIN, AGGREGATE_STAFF.werne);

    await signIn(lunen.core, AGGREGATE_STAFF.koordination);
    await call(lunen.core, 'statistics.aggregates');
    await signIn(lunen.core, AGGREGATE_STAFF.lunen);
    await openCases(lunen.core, [
      ['Haddad', 'Lina'],
      ['Kovalenko', 'Iryna'],
      ['Tesfaye', 'Selam'],
    ]);
    await signIn(werne.core, AGGREGATE_STAFF.werne);
    await openCases(werne.core, [
      ['Rahimi', 'Farida'],
      ['Nowak', 'Agata'],
      ['Yilmaz', 'Ayse'],
    ]);
    await call(werne.core, 'statistics.publish', thisYear());
    return { dataDir: lunen.dir };
  } finally {
    for (const w of stations) await w.core.close();
  }
}
