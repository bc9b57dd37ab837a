import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { enrolAccount, type NewAccount } from '../helpers/enrol';
import { inviteAndJoin, syncAll, workstation, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call } from '../helpers/temp-vault';

/**
 * A real conflict in the partner directory for the browser: Koordination on a Lünen and a Selm workstation (real
 * vaults, a real folder as the share) change the same partner's opening hours before they have seen each other's
 * write, then sync. The harness then serves the Lünen workstation's vault.
 */
export const DIRECTORY_STAFF = {
  lunen: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  selm: { login: 'ko.brandt', displayName: 'Dirk Brandt', role: 'koordination', passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' },
} as const satisfies Record<string, NewAccount>;

export const DIRECTORY_PARTNER = { name: 'VHS Werne – Integrationskurse', kind: 'sprachkurstraeger', city: 'Werne', openingHours: 'Mo–Do 9–12 Uhr' } as const;

/** The Selm workstation writes later: its value is the one in force. */
export const DIRECTORY_WRITES = { lunen: 'Mo–Fr 8–12 Uhr', selm: 'Di und Do 14–18 Uhr' } as const;

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

async function signIn(core: CoreDispatcher, who: { login: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

export async function seedDirectoryConflict(root: string): Promise<{ dataDir: string; partnerId: string }> {
  const share = join(root, 'share');
  mkdirSync(share, { recursive: true });
  const lunen = await workstation(root, 'lunen-1', 'lunen');
  const selm = await workstation(root, 'selm-1', 'selm');
  const stations: Workstation[] = [lunen, selm];
  try {
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, selm, share);
    await syncAll(lunen, selm, lunen);
    await enrolAccount(lunen.core, ADMIN, DIRECTORY_STAFF.lunen);
    await enrolAccount(selm.core, ADMIN, DIRECTORY_STAFF.selm);
    await signIn(lunen.core, DIRECTORY_STAFF.lunen);
    await signIn(selm.core, DIRECTORY_STAFF.selm);
    const partner = await call(lunen.core, 'partners.save', DIRECTORY_PARTNER);
    await syncAll(lunen, selm);
    await call(lunen.core, 'partners.save', { ...DIRECTORY_PARTNER, id: partner.id, version: partner.version, openingHours: DIRECTORY_WRITES.lunen });
    await call(selm.core, 'partners.save', { ...DIRECTORY_PARTNER, id: partner.id, version: partner.version, openingHours: DIRECTORY_WRITES.selm });
    await syncAll(lunen, selm, lunen);
    return { dataDir: lunen.dir, partnerId: partner.id };
  } finally {
    for (const w of stations) await w.core.close();
  }
}
