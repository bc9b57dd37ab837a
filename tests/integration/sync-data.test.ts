import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/core/contract/methods';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { ADMIN_PASSPHRASE, call, openRawVault, tempDir } from '../helpers/temp-vault';
import { editableFields } from '../helpers/case-worker';
import { enrolAccount } from '../helpers/enrol';
import { inviteAndJoin, signIn, STAFF, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';

const errorCode = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Lünen ×2 (and Werne and the ABH unless `lunenOnly`) on one real folder, each with its case worker unlocked. */
async function offices(root: string, lunenOnly = false) {
  const share = join(root, 'share');
  mkdirSync(share);
  const lunen1 = await workstation(root, 'lunen-1', 'lunen');
  const lunen2 = await workstation(root, 'lunen-2', 'lunen');
  const others = lunenOnly ? [] : [await workstation(root, 'werne-1', 'werne'), await workstation(root, 'abh-1', 'abh-lunen')];
  await call(lunen1.core, 'network.create', { share });
  for (const w of [lunen2, ...others]) await inviteAndJoin(lunen1, w, share);
  // The inviter enrolls in its next round; the others learn of the enrollments in theirs.
  await syncAll(lunen1, lunen2, ...others, lunen1);
  for (const w of [lunen1, lunen2, ...others]) await withCaseWorker(w);
  const [werne, abh] = others as [Workstation, Workstation];
  return { share, lunen1, lunen2, werne, abh };
}

/** A client of Lünen with master data, a residence status, a household member, a case with notes and a follow-up. */
async function lunenFile(w: Workstation) {
  const client = await call(w.core, 'clients.create', {
    familyName: 'Haddad',
    givenNames: 'Amal',
    birthDate: '1990-04-12',
    gender: 'female',
    nationalities: ['SY'],
    phone: '02306 555 0101',
    street: 'Lange Straße 12',
    postalCode: '44532',
    city: 'Lünen',
  });
  await call(w.core, 'residence.add', { clientId: client.id, type: 'aufenthaltserlaubnis', legalBasis: '§ 25 Abs. 2 AufenthG', validFrom: '2024-01-01', validUntil: '2027-01-01' });
  await call(w.core, 'household.add', { clientId: client.id, name: 'Sami Haddad', relation: 'child', birthYear: 2015 });
  const k = await call(w.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2', 'aufenthg'] });
  await call(w.core, 'notes.add', { caseId: k.id, occurredOn: '2026-11-20', kind: 'in-person', text: 'Erstgespräch: Sprachkurs gewünscht.' });
  await call(w.core, 'notes.add', { caseId: k.id, occurredOn: '2026-11-21', kind: 'phone', text: 'Intern: Rückruf Jobcenter.', internal: true });
  await call(w.core, 'followUps.add', { caseId: k.id, title: 'Kursplatz prüfen', dueDate: '2026-12-10' });
  const withGoal = await call(w.core, 'goals.add', { caseId: k.id, area: 'health', title: 'Therapieplatz finden' });
  await call(w.core, 'measures.add', { goalId: withGoal.goals.at(-1)!.id, title: 'Termin Psychotherapie', owner: 'KIM' });
  return { clientId: client.id, caseId: k.id };
}

function rawCount(w: Workstation, sql: string, ...params: unknown[]): number {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

function rawRow(w: Workstation, sql: string, ...params: unknown[]): Record<string, unknown> | undefined {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

describe('data sync between the offices', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('the same office works jointly; another office and the ABH receive exactly what a consent names, and lose it on revocation', async () => {
    tmp = tempDir('kim-akte-data-');
    const { lunen1, lunen2, werne, abh } = await offices(tmp.dir);
    const { clientId, caseId } = await lunenFile(lunen1);

    await syncAll(lunen1, lunen2, werne, abh);
    // Lünen's second workstation holds the whole file, notes readable, and can work on it.
    const onSecond = await call(lunen2.core, 'clients.get', { id: clientId });
    expect(onSecond).toMatchObject({ familyName: 'Haddad', phone: '02306 555 0101', city: 'Lünen' });
    expect(onSecond.household!.map((h) => h.name)).toEqual(['Sami Haddad']);
    expect(onSecond.currentResidence?.type).toBe('aufenthaltserlaubnis');
    const caseOnSecond = await call(lunen2.core, 'cases.get', { id: caseId });
    expect(caseOnSecond.notes!.map((n) => n.text).sort()).toEqual(['Erstgespräch: Sprachkurs gewünscht.', 'Intern: Rückruf Jobcenter.']);
    expect(caseOnSecond.followUps!.map((f) => f.title)).toEqual(['Kursplatz prüfen']);
    expect(caseOnSecond.goals.map((g) => [g.title, g.measures.map((x) => x.title)])).toEqual([['Therapieplatz finden', ['Termin Psychotherapie']]]);
    // Health and conversation notes stay under the category key in the receiving vault too.
    for (const sql of ['SELECT title AS v FROM goal', 'SELECT title AS v FROM measure', 'SELECT text AS v FROM note']) {
      expect(String(rawRow(lunen2, sql)!['v']), sql).toMatch(/^(k1|s1):/);
    }
    await call(lunen2.core, 'notes.add', { caseId, occurredOn: '2026-11-25', kind: 'phone', text: 'Kurs ab Januar bestätigt.' });
    await syncAll(lunen2, lunen1);
    expect((await call(lunen1.core, 'cases.get', { id: caseId })).notes).toHaveLength(3);

    // Without consent nothing reaches Werne or the ABH: not through the API, not in the vault file.
    for (const w of [werne, abh]) {
      expect(rawCount(w, 'SELECT COUNT(*) AS n FROM client')).toBe(0);
      expect(rawCount(w, 'SELECT COUNT(*) AS n FROM note')).toBe(0);
    }

    // Consent: Werne may see Stammdaten, the ABH Aufenthalt.
    await call(lunen1.core, 'consents.add', { clientId, parties: ['werne'], categories: ['master'], purpose: 'Umzug nach Werne vorbereiten', validFrom: '2026-11-01', form: 'oral', oralRecord: 'Im Gespräch am 20.11. mit Dolmetscherin' });
    await call(lunen1.core, 'consents.add', { clientId, parties: ['abh-lunen'], categories: ['residence'], purpose: 'Verlängerung Aufenthaltserlaubnis', validFrom: '2026-11-01', form: 'oral', oralRecord: 'Im Gespräch am 20.11.' });
    await syncAll(lunen1, werne, abh);

    const onWerne = await call(werne.core, 'clients.get', { id: clientId });
    expect(onWerne).toMatchObject({ familyName: 'Haddad', phone: '02306 555 0101', access: { owner: false, canWrite: false, categories: ['master'] } });
    // The vault file itself, opened with the recovery key, holds the master data and nothing else.
    expect(rawRow(werne, 'SELECT phone, street, gender, current_status_type FROM client WHERE id = ?', clientId)).toEqual({
      phone: '02306 555 0101',
      street: 'Lange Straße 12',
      gender: 'female',
      current_status_type: null,
    });
    for (const table of ['residence_status', 'household_member', 'note', 'follow_up']) {
      expect(rawCount(werne, `SELECT COUNT(*) AS n FROM ${table}`), table).toBe(0);
    }
    expect(rawRow(werne, 'SELECT rechtskreise FROM kim_case WHERE id = ?', caseId)).toEqual({ rechtskreise: '[]' });
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM consent')).toBe(1);

    const onAbh = await call(abh.core, 'clients.get', { id: clientId });
    expect(onAbh.currentResidence?.type).toBe('aufenthaltserlaubnis');
    expect(rawRow(abh, 'SELECT phone, street, gender, nationalities FROM client WHERE id = ?', clientId)).toEqual({ phone: null, street: null, gender: '', nationalities: '[]' });
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM residence_status')).toBe(1);
    expect(rawRow(abh, 'SELECT rechtskreise FROM kim_case WHERE id = ?', caseId)).toEqual({ rechtskreise: '["aufenthg"]' });
    for (const table of ['household_member', 'note', 'follow_up']) expect(rawCount(abh, `SELECT COUNT(*) AS n FROM ${table}`), table).toBe(0);
    // Another office reads what it receives and never writes it back.
    expect(errorCode(await werne.core.dispatch('clients.update', { ...onWerne, phone: '0000' }))).not.toBe('ok');

    // Revocation of Werne's consent: Werne's copy is gone at its next sync, with an audit entry on both sides.
    const detail = await call(lunen1.core, 'clients.get', { id: clientId });
    const forWerne = detail.consents.find((c) => c.parties.includes('werne'))!;
    await call(lunen1.core, 'consents.revoke', { id: forWerne.id, version: forWerne.version, revokedOn: '2026-11-30', form: 'written', note: null });
    await syncAll(lunen1, werne, abh);
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM client')).toBe(0);
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM kim_case')).toBe(0);
    expect(rawCount(werne, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.purge' AND entity_id = ?`, clientId)).toBe(1);
    expect(rawCount(lunen1, `SELECT COUNT(*) AS n FROM audit_entry WHERE action LIKE 'consents.revoke%'`)).toBeGreaterThan(0);
    // The ABH keeps its copy: its consent stands.
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM residence_status')).toBe(1);
    await signIn(werne, 'admin');
  });

  it('concurrent edits in one office land in the conflict list identically on both workstations; no false stale versions', async () => {
    tmp = tempDir('kim-akte-data-');
    const { lunen1, lunen2 } = await offices(tmp.dir, true);
    const { clientId } = await lunenFile(lunen1);
    await syncAll(lunen1, lunen2);
    const a = await call(lunen1.core, 'clients.get', { id: clientId });
    const b = await call(lunen2.core, 'clients.get', { id: clientId });
    await call(lunen1.core, 'clients.update', { ...editableFields(a), phone: '0231 111' });
    await call(lunen2.core, 'clients.update', { ...editableFields(b), phone: '0231 222', city: 'Lünen-Brambauer' });
    await syncAll(lunen1, lunen2, lunen1);

    const conflicts = (w: Workstation) =>
      rawRow(w, `SELECT json_group_array(json_array(id, entity, field, heads)) AS list FROM sync_conflict WHERE resolved_at IS NULL`)!['list'];
    expect(conflicts(lunen1)).toBe(conflicts(lunen2));
    expect(JSON.parse(String(conflicts(lunen1)))).toHaveLength(1);
    const one = await call(lunen1.core, 'clients.get', { id: clientId });
    const two = await call(lunen2.core, 'clients.get', { id: clientId });
    // Same state everywhere: the later write wins the field, the other field merged.
    expect(one.phone).toBe(two.phone);
    expect(one.city).toBe('Lünen-Brambauer');
    expect(two.city).toBe('Lünen-Brambauer');
    // The version in hand after the sync is current: saving with it works.
    expect(errorCode(await lunen2.core.dispatch('clients.update', { ...editableFields(two), email: 'amal@example.org' }))).toBe('ok');

    // The case managers see the conflict with both values and who wrote them; correcting it on one workstation
    // settles it on the other at the next sync, with the corrected value everywhere.
    const listed = await call(lunen2.core, 'conflicts.list', { clientId });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ entity: 'client', field: 'phone', category: 'master', clientName: 'Haddad, Amal' });
    expect([listed[0]!.winner.value, listed[0]!.other.value].sort()).toEqual(['0231 111', '0231 222']);
    expect(listed[0]!.winner.actorName).toBe('Derya Yilmaz');
    expect(await call(lunen1.core, 'conflicts.list', {})).toEqual(listed.map((c) => ({ ...c, detectedAt: expect.any(String) })));
    const loser = listed[0]!.other.value;
    expect(await call(lunen2.core, 'conflicts.resolve', { id: listed[0]!.id, keep: 'other' })).toEqual([]);
    expect((await call(lunen2.core, 'clients.get', { id: clientId })).phone).toBe(loser);
    await syncAll(lunen2, lunen1);
    expect(await call(lunen1.core, 'conflicts.list', {})).toEqual([]);
    expect((await call(lunen1.core, 'clients.get', { id: clientId })).phone).toBe(loser);
    expect(errorCode(await lunen1.core.dispatch('conflicts.resolve', { id: listed[0]!.id, keep: 'winner' }))).toBe('record.notFound');

    // A deletion travels as a tombstone; a write that raced it does not bring the row back.
    const withMember = await call(lunen1.core, 'household.add', { clientId, name: 'Lina Haddad', relation: 'child' });
    await syncAll(lunen1, lunen2);
    const member = (await call(lunen2.core, 'clients.get', { id: clientId })).household!.find((h) => h.name === 'Lina Haddad')!;
    expect(withMember.household!.some((h) => h.id === member.id)).toBe(true);
    await call(lunen2.core, 'household.remove', { id: member.id, passphrase: STAFF.fm.passphrase });
    await syncAll(lunen2, lunen1);
    expect((await call(lunen1.core, 'clients.get', { id: clientId })).household!.map((h) => h.name)).not.toContain('Lina Haddad');
    expect(rawCount(lunen1, `SELECT COUNT(*) AS n FROM sync_clock WHERE entity = 'household_member' AND entity_id = ? AND deleted = 1`, member.id)).toBe(1);

    // Applying the same files twice changes nothing: lunen-2 reads lunen-1's whole log again.
    const before = await call(lunen2.core, 'clients.get', { id: clientId });
    const lunen1Id = (await call(lunen1.core, 'network.status')).deviceId;
    const db = openRawVault(lunen2.dir, lunen2.recoveryKey!);
    db.prepare('UPDATE sync_device SET read_seq = 0, read_hash = NULL WHERE device_id = ?').run(lunen1Id);
    db.close();
    const again = await call(lunen2.core, 'sync.run');
    expect(again.received).toBeGreaterThan(3);
    expect(again.applied).toBe(0);
    expect(again.conflicts).toBe(0);
    expect(await call(lunen2.core, 'clients.get', { id: clientId })).toEqual(before);

    // The other workstation's case manager is a staff row here (named in the conflict list), not an account IT manages.
    expect(rawCount(lunen1, `SELECT COUNT(*) AS n FROM account WHERE login LIKE 'sync:%' AND active = 0 AND home_device IS NOT NULL`)).toBeGreaterThan(0);
    await signIn(lunen1, 'admin');
    expect((await call(lunen1.core, 'accounts.list')).filter((a) => a.login.startsWith('sync:'))).toEqual([]);
  });
});

describe('the phase history of a case', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('travels to every workstation of the office and reads in date order when two PCs moved the case; another office never receives it', async () => {
    tmp = tempDir('kim-akte-phases-');
    const { lunen1, lunen2, werne } = await offices(tmp.dir);
    // A second case manager at Lünen's other PC, so the history shows who moved the case where.
    const colleague = { login: 'fm.schulte', displayName: 'Jana Schulte', role: 'fallmanagement' as const, passphrase: 'Cappenberger See im Herbst 2026' };
    await signIn(lunen2, 'admin');
    await enrolAccount(lunen2.core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, colleague);
    await call(lunen2.core, 'session.lock');
    await call(lunen2.core, 'session.unlock', { login: colleague.login, passphrase: colleague.passphrase });

    const client = await call(lunen1.core, 'clients.create', { familyName: 'Rahimi', givenNames: 'Farid', birthDate: '1985-07-03' });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'], openedOn: '2026-11-02' });
    // The first talk and the assessment on one day: that day's events read in the order they were written.
    await call(lunen1.core, 'cases.setPhase', { id: k.id, version: k.version, phase: 'assessment', on: '2026-11-02' });
    await syncAll(lunen1, lunen2);

    const derya = STAFF.fm.displayName;
    expect((await call(lunen2.core, 'cases.get', { id: k.id })).phaseHistory).toEqual([
      { phase: 'intake', on: '2026-11-02', byName: derya },
      { phase: 'assessment', on: '2026-11-02', byName: derya },
    ]);
    // One event, one uid on every workstation; the integer id is each vault's own order of arrival.
    const uids = (w: Workstation) => rawRow(w, 'SELECT json_group_array(uid) AS list FROM (SELECT uid FROM case_phase_event ORDER BY on_date, uid)')!['list'];
    expect(uids(lunen2)).toBe(uids(lunen1));

    // Both PCs move the case without seeing each other: PC 1 on to planning, PC 2 back to intake two days before.
    const one = await call(lunen1.core, 'cases.get', { id: k.id });
    const two = await call(lunen2.core, 'cases.get', { id: k.id });
    await call(lunen1.core, 'cases.setPhase', { id: k.id, version: one.version, phase: 'planning', on: '2026-11-12' });
    await call(lunen2.core, 'cases.setPhase', { id: k.id, version: two.version, phase: 'intake', on: '2026-11-10' });
    await syncAll(lunen1, lunen2, lunen1);
    const merged = [
      { phase: 'intake', on: '2026-11-02', byName: derya },
      { phase: 'assessment', on: '2026-11-02', byName: derya },
      { phase: 'intake', on: '2026-11-10', byName: colleague.displayName },
      { phase: 'planning', on: '2026-11-12', byName: derya },
    ];
    const afterOne = await call(lunen1.core, 'cases.get', { id: k.id });
    const afterTwo = await call(lunen2.core, 'cases.get', { id: k.id });
    expect(afterOne.phaseHistory).toEqual(merged);
    expect(afterTwo.phaseHistory).toEqual(merged);
    // The case's current phase is one field written twice: the same value on both PCs, the other in the conflict list.
    expect(afterOne.phase).toBe(afterTwo.phase);
    expect((await call(lunen1.core, 'conflicts.list', { clientId: client.id })).map((c) => [c.entity, c.field])).toEqual([['case', 'phase']]);
    // Applying a file again adds no event twice.
    expect(rawCount(lunen1, 'SELECT COUNT(*) AS n FROM case_phase_event')).toBe(4);
    expect(rawCount(lunen2, 'SELECT COUNT(*) AS n FROM case_phase_event')).toBe(4);

    // Werne, with a consent for every category, receives the case and its current phase, never the history.
    await call(lunen1.core, 'consents.add', {
      clientId: client.id,
      parties: ['werne'],
      categories: [...DATA_CATEGORIES],
      purpose: 'Gemeinsame Fallarbeit',
      validFrom: '2026-11-01',
      form: 'oral',
      oralRecord: 'Im Gespräch am 12.11.',
    });
    await syncAll(lunen1, werne);
    const onWerne = await call(werne.core, 'cases.get', { id: k.id });
    expect(onWerne.phase).toBe(afterOne.phase);
    expect('phaseHistory' in onWerne).toBe(false);
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM kim_case')).toBe(1);
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM case_phase_event')).toBe(0);
    expect(rawCount(werne, `SELECT COUNT(*) AS n FROM sync_parked WHERE entity = 'phase_event'`)).toBe(0);
    // Nor does a later phase change follow.
    const latest = await call(lunen1.core, 'cases.get', { id: k.id });
    await call(lunen1.core, 'cases.setPhase', { id: k.id, version: latest.version, phase: latest.phase === 'planning' ? 'implementation' : 'assessment', on: '2026-11-20' });
    await syncAll(lunen1, werne);
    expect(rawCount(werne, 'SELECT COUNT(*) AS n FROM case_phase_event')).toBe(0);
    expect((await call(werne.core, 'cases.get', { id: k.id })).phase).toBe((await call(lunen1.core, 'cases.get', { id: k.id })).phase);
  });
});

describe('expiry of a consent', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('removes the ABH copy at its first round after the consent ended; both audit trails record it', async () => {
    tmp = tempDir('kim-akte-expiry-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    let now = new Date('2026-12-01T09:00:00Z');
    const clock = () => now;
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen', { now: clock });
    const abh = await workstation(tmp.dir, 'abh-1', 'abh-lunen', { now: clock });
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, abh, share);
    await syncAll(lunen, abh, lunen);
    for (const w of [lunen, abh]) await withCaseWorker(w);
    const { clientId } = await lunenFile(lunen);
    await call(lunen.core, 'consents.add', { clientId, parties: ['abh-lunen'], categories: ['residence'], purpose: 'Verlängerung', validFrom: '2026-11-01', validUntil: '2026-12-02', form: 'oral', oralRecord: 'Im Gespräch am 1.12.' });
    await syncAll(lunen, abh);
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM residence_status')).toBe(1);
    // The last day of the consent: the copy stays.
    now = new Date('2026-12-02T15:00:00Z');
    await syncAll(lunen, abh);
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM client')).toBe(1);
    // The day after: gone at the ABH's next round, without anything new from Lünen.
    now = new Date('2026-12-03T08:00:00Z');
    await syncAll(abh);
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM client')).toBe(0);
    expect(rawCount(abh, 'SELECT COUNT(*) AS n FROM residence_status')).toBe(0);
    expect(rawCount(abh, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.purge' AND entity_id = ?`, clientId)).toBe(1);
    await syncAll(lunen);
    expect(rawCount(lunen, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.consentEnded' AND entity_id = ?`, clientId)).toBe(1);
    // The keeping office's file is untouched.
    expect(rawCount(lunen, 'SELECT COUNT(*) AS n FROM residence_status')).toBe(1);
    await syncAll(lunen);
    expect(rawCount(lunen, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'sync.consentEnded'`)).toBe(1);
  });
});
