import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { editableFields } from '../helpers/case-worker';
import { enrolAccount, type NewAccount } from '../helpers/enrol';
import { inviteAndJoin, syncAll, workstation, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call } from '../helpers/temp-vault';

/**
 * A real sync conflict for the browser: two Lünen workstations (real vaults, a real folder as the share) each change
 * the same client's phone and e-mail before they have seen each other's write, then sync. Sync keeps the later
 * writes everywhere and lists both pairs. The harness then serves the first workstation's vault.
 */

/** The case managers of the two workstations; the browser signs in as `first`. */
export const CONFLICT_STAFF = {
  first: { login: 'd.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement', passphrase: 'Seseke Brücke am Morgen 2026' },
  second: { login: 'm.krause', displayName: 'Markus Krause', role: 'fallmanagement', passphrase: 'Am Preußenhafen liegen 14 Boote' },
} as const satisfies Record<string, NewAccount>;

export const CONFLICT_CLIENT = { familyName: 'Haddad', givenNames: 'Amal' } as const;

/** What each workstation writes: the second writes later, so its values are the ones kept. */
export const CONFLICT_WRITES = {
  first: { phone: '0231 111 222', email: 'amal.haddad@example.org' },
  second: { phone: '0231 333 444', email: 'a.haddad@example.net' },
} as const;

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

async function signIn(core: CoreDispatcher, who: { login: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/** Sets up both workstations under `root` and returns the first one's data dir (closed, ready for a harness). */
export async function seedSyncConflict(root: string): Promise<{ dataDir: string; clientId: string }> {
  const share = join(root, 'share');
  mkdirSync(share, { recursive: true });
  const one = await workstation(root, 'lunen-1', 'lunen');
  const two = await workstation(root, 'lunen-2', 'lunen');
  const stations: Workstation[] = [one, two];
  try {
    await call(one.core, 'network.create', { share });
    await inviteAndJoin(one, two, share);
    // The inviter enrolls the joiner in its next round; the joiner learns of it in its own.
    await syncAll(one, two, one);
    await enrolAccount(one.core, ADMIN, CONFLICT_STAFF.first);
    await enrolAccount(two.core, ADMIN, CONFLICT_STAFF.second);
    await signIn(one.core, CONFLICT_STAFF.first);
    await signIn(two.core, CONFLICT_STAFF.second);

    const client = await call(one.core, 'clients.create', {
      ...CONFLICT_CLIENT,
      birthDate: '1990-04-12',
      gender: 'female',
      nationalities: ['SY'],
      phone: '02306 555 0101',
      street: 'Lange Straße 12',
      postalCode: '44532',
      city: 'Lünen',
    });
    await syncAll(one, two);
    // Markus takes on a case of the file: his account travels with it, so the first workstation can name him.
    await call(two.core, 'cases.open', { clientId: client.id });
    const a = await call(one.core, 'clients.get', { id: client.id });
    const b = await call(two.core, 'clients.get', { id: client.id });
    await call(one.core, 'clients.update', { ...editableFields(a), ...CONFLICT_WRITES.first });
    await call(two.core, 'clients.update', { ...editableFields(b), ...CONFLICT_WRITES.second });
    await syncAll(one, two, one);
    return { dataDir: one.dir, clientId: client.id };
  } finally {
    for (const w of stations) await w.core.close();
  }
}
