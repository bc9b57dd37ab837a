import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { enrolAccount, type NewAccount } from '../helpers/enrol';
import { inviteAndJoin, reopen, syncAll, workstation, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call } from '../helpers/temp-vault';

/**
 * A file to hand over, for the browser: Lünen and Werne in one sync network (real vaults, a real folder as the
 * share), a Lünen client with a case, a note and a consent naming Werne for every category. The harness serves one
 * vault at a time; `deliver` runs the rounds that carry the hand-over to Werne in between.
 */

export const HANDOVER_STAFF = {
  lunen: { login: 'd.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement', passphrase: 'Seseke Brücke am Morgen 2026' },
  werne: { login: 'l.schulte', displayName: 'Lea Schulte', role: 'fallmanagement', passphrase: 'Am Solebad blühen 12 Linden' },
} as const satisfies Record<string, NewAccount>;

export const HANDOVER_CLIENT = { familyName: 'Haddad', givenNames: 'Amal' } as const;

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

async function signIn(core: CoreDispatcher, who: { login: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/** Sets up both workstations under `root`; their cores are closed, ready for a harness. */
export async function seedHandover(root: string): Promise<{ lunen: Workstation; werne: Workstation; clientId: string }> {
  const share = join(root, 'share');
  mkdirSync(share, { recursive: true });
  const lunen = await workstation(root, 'lunen-1', 'lunen');
  const werne = await workstation(root, 'werne-1', 'werne');
  try {
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(lunen, werne, lunen);
    await enrolAccount(lunen.core, ADMIN, HANDOVER_STAFF.lunen);
    await enrolAccount(werne.core, ADMIN, HANDOVER_STAFF.werne);
    await signIn(lunen.core, HANDOVER_STAFF.lunen);
    const client = await call(lunen.core, 'clients.create', { ...HANDOVER_CLIENT, birthDate: '1990-04-12', gender: 'female', nationalities: ['SY'], city: 'Lünen' });
    const k = await call(lunen.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    await call(lunen.core, 'notes.add', { caseId: k.id, occurredOn: '2026-11-20', kind: 'in-person', text: 'Umzug nach Werne zum 1. Dezember.' });
    await call(lunen.core, 'consents.add', {
      clientId: client.id,
      parties: ['werne'],
      categories: DATA_CATEGORIES,
      purpose: 'Übergabe der Akte an das KIM Werne nach Umzug',
      validFrom: '2026-11-01',
      form: 'oral',
      oralRecord: 'Im Gespräch am 25.11. mit Dolmetscherin',
    });
    await syncAll(lunen, werne);
    return { lunen, werne, clientId: client.id };
  } finally {
    await lunen.core.close();
    await werne.core.close();
  }
}

/** The rounds that carry a hand-over from Lünen to Werne, each workstation signed in as its case manager (who holds the keys). */
export async function deliver(lunen: Workstation, werne: Workstation): Promise<void> {
  const one = await reopen(lunen);
  const two = await reopen(werne);
  try {
    await signIn(one.core, HANDOVER_STAFF.lunen);
    await signIn(two.core, HANDOVER_STAFF.werne);
    await syncAll(one, two, one);
  } finally {
    await one.core.close();
    await two.core.close();
  }
}
