import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openRawVault, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, STAFF, syncAll, workstation, type Workstation } from '../helpers/sync-network';

/**
 * The partner directory travels to every office through the shared folder: Koordination in Lünen keeps it, a case
 * manager in Werne finds it, proposes a change, and sees the decision; removals and concurrent edits converge.
 * Structural findings travel the same way, to Koordination's counts.
 */

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const KO = { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const KO2 = { login: 'ko.brandt', displayName: 'Dirk Brandt', role: 'koordination' as const, passphrase: 'Graue Möwen kreisen 31 Mal über dem Hafen' };

const VHS_WERNE = {
  name: 'VHS Werne – Integrationskurse',
  kind: 'sprachkurstraeger',
  street: 'Bonenstraße 3',
  postalCode: '59368',
  city: 'Werne',
  openingHours: 'Mo–Do 9–12 Uhr',
  phone: '02389 5550-0',
  languages: ['de', 'ar'],
  services: ['integration-course'],
  offices: ['werne'],
};

async function as(w: Workstation, who: { login: string; passphrase: string }): Promise<void> {
  await call(w.core, 'session.lock');
  await call(w.core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

describe('partner directory and findings sync', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('brings partners, contacts, proposals and decisions to every office, removals too', async () => {
    tmp = tempDir('kim-akte-sync-directory-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    const abh = await workstation(tmp.dir, 'abh-1', 'abh-lunen');
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await inviteAndJoin(lunen, abh, share);
    await enrolAccount(lunen.core, ADMIN, KO);
    await enrolAccount(werne.core, ADMIN, STAFF.fm);
    await enrolAccount(abh.core, ADMIN, STAFF.abh);

    await as(lunen, KO);
    const vhs = await call(lunen.core, 'partners.save', VHS_WERNE);
    const contact = await call(lunen.core, 'partnerContacts.save', { partnerId: vhs.id, name: 'Miriam Schäfer', function: 'Kursorganisation', phone: '02389 5550-12' });
    const leaving = await call(lunen.core, 'partnerContacts.save', { partnerId: vhs.id, name: 'Hasan Demir', function: 'Einstufung' });
    await syncAll(lunen, werne, abh);

    await as(werne, STAFF.fm);
    const [found] = await call(werne.core, 'partners.search', { query: 'vhs werne', services: ['integration-course'] });
    expect(found).toMatchObject({ id: vhs.id, name: VHS_WERNE.name, languages: ['ar', 'de'], offices: ['werne'], version: 1 });
    const there = await call(werne.core, 'partners.get', { id: vhs.id });
    expect(there.contacts.map((c) => [c.name, c.function, c.phone])).toEqual([
      ['Hasan Demir', 'Einstufung', null],
      ['Miriam Schäfer', 'Kursorganisation', '02389 5550-12'],
    ]);
    // The ABH reads the directory too.
    await as(abh, STAFF.abh);
    expect((await call(abh.core, 'partners.get', { id: vhs.id })).contacts).toHaveLength(2);

    // Werne proposes, Lünen decides, Werne sees the decision and its effect.
    const proposal = await call(werne.core, 'partnerProposals.propose', {
      target: 'partner',
      partnerId: vhs.id,
      partner: { ...VHS_WERNE, rechtskreise: [], openingHours: 'Mo–Fr 9–13 Uhr' },
      comment: 'Neue Zeiten laut Aushang',
    });
    // A structural finding met in Werne reaches Koordination in Lünen, counted with Werne's.
    await call(werne.core, 'findings.record', { area: 'language', barrier: 'no-childcare', partnerId: vhs.id, observedIn: '2026-11', description: 'Kein Kursplatz mit Kinderbetreuung in Werne.' });
    await syncAll(werne, lunen);
    const summary = await call(lunen.core, 'findings.summary', {});
    expect(summary).toMatchObject({ total: 1, byOffice: [{ key: 'werne', n: 1 }], byPartner: [{ partnerId: vhs.id, partnerName: VHS_WERNE.name, n: 1 }] });
    const open = await call(lunen.core, 'partnerProposals.list', {});
    expect(open.map((p) => [p.id, p.proposedByName, p.comment])).toEqual([[proposal.id, STAFF.fm.displayName, 'Neue Zeiten laut Aushang']]);
    await call(lunen.core, 'partnerProposals.decide', { id: proposal.id, accept: true });
    await call(lunen.core, 'partnerContacts.remove', { id: leaving.id });
    await syncAll(lunen, werne, abh);

    const after = await call(werne.core, 'partners.get', { id: vhs.id });
    expect(after).toMatchObject({ openingHours: 'Mo–Fr 9–13 Uhr', version: 2 });
    expect(after.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect((await call(werne.core, 'partnerProposals.list', { status: 'decided' })).map((p) => [p.id, p.status, p.decidedByName])).toEqual([
      [proposal.id, 'accepted', KO.displayName],
    ]);
    expect((await call(abh.core, 'partners.get', { id: vhs.id })).contacts.map((c) => c.id)).toEqual([contact.id]);

    // Staff named by the directory are accounts that cannot log in on the other workstations.
    const raw = openRawVault(werne.dir, werne.recoveryKey!);
    try {
      expect(raw.prepare('SELECT login, active FROM account WHERE display_name = ?').all(KO.displayName)).toEqual([{ login: expect.stringMatching(/^sync:/), active: 0 }]);
    } finally {
      raw.close();
    }
  });

  it('merges concurrent edits of Koordination on two workstations field by field, to the same partner everywhere', async () => {
    tmp = tempDir('kim-akte-sync-directory-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const selm = await workstation(tmp.dir, 'selm-1', 'selm');
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, selm, share);
    await enrolAccount(lunen.core, ADMIN, KO);
    await enrolAccount(selm.core, ADMIN, KO2);
    await as(lunen, KO);
    await as(selm, KO2);
    const vhs = await call(lunen.core, 'partners.save', VHS_WERNE);
    await syncAll(lunen, selm);

    // Both edit from version 1 without seeing each other: different fields, and one field both.
    await call(lunen.core, 'partners.save', { ...VHS_WERNE, id: vhs.id, version: 1, phone: '02389 5550-99', notes: 'Aus Lünen' });
    await call(selm.core, 'partners.save', { ...VHS_WERNE, id: vhs.id, version: 1, email: 'kurse@vhs-werne.example', notes: 'Aus Selm' });
    await syncAll(lunen, selm, lunen);

    const a = await call(lunen.core, 'partners.get', { id: vhs.id });
    const b = await call(selm.core, 'partners.get', { id: vhs.id });
    expect(a).toMatchObject({ phone: '02389 5550-99', email: 'kurse@vhs-werne.example' });
    const fields = (p: typeof a) => ({ ...p, version: 0, updatedAt: '' });
    expect(fields(b)).toEqual(fields(a));
    expect(['Aus Lünen', 'Aus Selm']).toContain(a.notes);
    // The two notes are a conflict Koordination sees, on both workstations, and settles on one for all.
    const [conflict] = await call(lunen.core, 'partnerConflicts.list', {});
    expect(conflict).toMatchObject({ entity: 'partner', entityId: vhs.id, partnerName: VHS_WERNE.name, field: 'notes', winner: { value: a.notes } });
    expect([conflict!.winner.actorName, conflict!.other.actorName].sort()).toEqual([KO2.displayName, KO.displayName].sort());
    expect((await call(selm.core, 'partnerConflicts.list', {})).map((c) => c.id)).toEqual([conflict!.id]);
    expect(await call(lunen.core, 'partnerConflicts.resolve', { id: conflict!.id, keep: 'other' })).toEqual([]);
    await syncAll(lunen, selm);
    expect(await call(selm.core, 'partnerConflicts.list', {})).toEqual([]);
    expect((await call(selm.core, 'partners.get', { id: vhs.id })).notes).toBe(conflict!.other.value);
    expect((await call(lunen.core, 'partners.get', { id: vhs.id })).notes).toBe(conflict!.other.value);
    // A form opened before the merge is stale now on both: nobody overwrites what they have not seen.
    expect(await selm.core.dispatch('partners.save', { ...VHS_WERNE, id: vhs.id, version: 2, city: 'Werne an der Lippe' })).toMatchObject({
      ok: false,
      error: { code: 'record.staleVersion' },
    });
  });
});
