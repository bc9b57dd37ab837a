import { afterEach, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { lunenTwiceAndWerne, syncAll, type Workstation } from '../helpers/sync-network';

/**
 * Referrals travel like follow-ups: to the keeping office's other workstations (with their history and the
 * Wiedervorlage), never to another office, whatever a consent shares with it.
 */

const PARTNER = '00000000-0000-4000-8000-00000000beef';

function raw<T>(w: Workstation, sql: string, ...params: unknown[]): T[] {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The directory entry on a workstation (the directory itself does not travel by sync yet). */
function addPartner(w: Workstation): void {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    db.prepare(
      `INSERT INTO partner (id, name, kind, languages, services, offices, created_at, updated_at, version)
       VALUES (?, 'MBE Caritas Lünen', 'migrationsberatung', '["de"]', '["migration-counselling-adults"]', '["lunen"]', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z', 1)`,
    ).run(PARTNER);
  } finally {
    db.close();
  }
}

describe('referrals in sync', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('reach the other workstation of the keeping office with their history, and never another office', async () => {
    tmp = tempDir('kim-akte-referral-sync-');
    const { lunen1, lunen2, werne } = await lunenTwiceAndWerne(tmp.dir);
    for (const w of [lunen1, lunen2, werne]) addPartner(w);

    const client = await call(lunen1.core, 'clients.create', { familyName: 'Haddad', givenNames: 'Amal', birthDate: '1990-04-12' });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    const today = new Date().toISOString().slice(0, 10);
    // Werne may see everything of the file: referrals still stay in Lünen.
    await call(lunen1.core, 'consents.add', { clientId: client.id, parties: ['werne'], partnerIds: [PARTNER], categories: DATA_CATEGORIES, purpose: 'Fallübergabe und Vermittlung', validFrom: today, form: 'oral', oralRecord: 'Mündlich erklärt' });
    const draft = await call(lunen1.core, 'referrals.create', { caseId: k.id, partnerId: PARTNER, request: 'Beratung zur Anerkennung', categories: ['master', 'work-education'], feedbackDue: '2030-01-15' });
    const sent = await call(lunen1.core, 'referrals.send', { id: draft.id, version: draft.version, followUpTitle: 'Rückmeldung MBE' });

    await syncAll(lunen1, lunen2, werne);
    const [copy] = await call(lunen2.core, 'referrals.list', { caseId: k.id });
    expect(copy).toMatchObject({ id: sent.id, state: 'sent', partnerName: 'MBE Caritas Lünen', categories: ['master', 'work-education'], feedbackDue: '2030-01-15', details: { request: 'Beratung zur Anerkennung' } });
    expect(copy!.details.history.map((e) => e.state)).toEqual(['draft', 'sent']);
    expect((await call(lunen2.core, 'cases.get', { id: k.id })).followUps!.map((f) => f.id)).toEqual([sent.details.followUpId]);
    expect(raw(werne, 'SELECT id FROM referral')).toEqual([]);
    expect(raw(werne, 'SELECT id FROM referral_event')).toEqual([]);
    expect((await call(werne.core, 'referrals.list', { caseId: k.id }))).toEqual([]);

    // The answer recorded on the second workstation comes back to the first.
    await call(lunen2.core, 'referrals.feedback', { id: copy!.id, version: copy!.version, state: 'accepted' });
    await syncAll(lunen2, lunen1);
    const [back] = await call(lunen1.core, 'referrals.list', { caseId: k.id });
    expect(back).toMatchObject({ state: 'accepted' });
    expect((await call(lunen1.core, 'cases.get', { id: k.id })).followUps![0]!.doneAt).not.toBeNull();
  });
});
