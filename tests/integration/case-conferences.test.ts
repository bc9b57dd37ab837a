import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { runSessionCall, type UnlockedSession } from '../../electron/core/api/call-context';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';
import type { ConferenceView } from '../../electron/core/contract/types/conference-types';
import { consentNamesPartner, gatherMinutesContent } from '../../electron/core/domain/conferences/conference-minutes';
import { AccountEntity } from '../../electron/core/domain/users/account-entity';
import { readSetting, SETTING_KEYS } from '../../electron/core/platform/settings/settings-store';
import { enrolAccounts } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

/**
 * Case conferences on a real vault: agreed actions become measures and Wiedervorlagen and are tracked to done from
 * either side, the next date becomes a Wiedervorlage, a second conference on the same day needs a confirmation,
 * each caller sees only the parts of its categories, and the minutes for a partner hold only what the consent
 * releases to it.
 */

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const PEOPLE = {
  ko: { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' },
  fm: { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' },
  fm2: { login: 'fm.becker', displayName: 'Lena Becker', role: 'fallmanagement' as const, passphrase: 'Kanalschleuse Lünen hebt 9 Boote am Abend' },
  vw: { login: 'vw.peters', displayName: 'Jonas Peters', role: 'verwaltung' as const, passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' },
  abh: { login: 'abh.kaya', displayName: 'Selin Kaya', role: 'abh' as const, passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' },
};
type Who = keyof typeof PEOPLE;

const TODAY = berlinDate(new Date());
const HEALTH_TEXT = 'Diabetes, Insulin wird nicht regelmäßig genommen';
const RESULTS_TEXT = 'Vereinbart: Bewerbungstraining vor Sprachkurs';

describe('case conferences', () => {
  const tmp = tempDir('kim-akte-conferences-');
  let core: CoreDispatcher;
  let recoveryKey: string;
  const ids: Record<string, string> = {};
  let caseId: string;
  let clientId: string;
  let consentId: string;
  let first: ConferenceView;

  const signIn = async (who: Who) => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: PEOPLE[who].login, passphrase: PEOPLE[who].passphrase });
  };
  const raw = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const base = () => ({
    caseId,
    heldOn: TODAY,
    heldAt: '10:30',
    clientPresent: true,
    participants: [
      { kind: 'partner', partnerId: ids.jobcenter, contactId: ids.jobcenterContact, role: 'Arbeitsvermittlung' },
      { kind: 'partner', partnerId: ids.caritas, role: 'Migrationsberatung' },
      { kind: 'staff', accountId: ids.fm2, role: 'Vertretung' },
    ],
    interpreter: { language: 'ar', name: 'Frau Haddad' },
    consentId,
    situations: [
      { area: 'work', text: 'Sucht Arbeit als Lagerhelfer' },
      { area: 'health', text: HEALTH_TEXT },
      { area: 'residence', text: 'Aufenthaltserlaubnis bis März' },
    ],
    results: RESULTS_TEXT,
    actions: [] as unknown[],
    nextOn: addDays(TODAY, 28),
    nextTitle: 'Nächste Fallkonferenz',
  });

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    const accounts = await enrolAccounts(core, ADMIN, Object.values(PEOPLE));
    for (const [i, key] of Object.keys(PEOPLE).entries()) ids[key] = accounts[i]!.id;
    await signIn('ko');
    const partner = (name: string) =>
      call(core, 'partners.save', { name, kind: 'jobcenter', languages: ['de'], services: [], offices: ['lunen'] }).then((p) => p.id);
    ids.jobcenter = await partner('Jobcenter Kreis Unna');
    ids.caritas = await partner('Caritas Migrationsberatung Lünen');
    ids.archived = await partner('Alte Beratungsstelle');
    await call(core, 'partners.archive', { id: ids.archived, version: 1, archived: true });
    ids.jobcenterContact = (await call(core, 'partnerContacts.save', { partnerId: ids.jobcenter, name: 'Herr Brandt', function: 'Arbeitsvermittler' })).id;
    ids.caritasContact = (await call(core, 'partnerContacts.save', { partnerId: ids.caritas, name: 'Frau Öztürk' })).id;

    await signIn('fm');
    const client = await call(core, 'clients.create', { familyName: 'Haddad', givenNames: 'Rami', birthDate: '1988-03-01' });
    clientId = client.id;
    const kase = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] });
    caseId = kase.id;
    ids.workGoal = (await call(core, 'goals.add', { caseId, area: 'work', title: 'Arbeit finden' })).goals.at(-1)!.id;
    ids.healthGoal = (await call(core, 'goals.add', { caseId, area: 'health', title: 'Ärztliche Versorgung sichern' })).goals.at(-1)!.id;
    // The Jobcenter by name (external agency) for work and money; the ABH for residence and work.
    const withConsent = await call(core, 'consents.add', {
      clientId,
      agencies: ['jobcenter  kreis unna'],
      categories: ['master', 'work-education', 'finances'],
      purpose: 'Fallkonferenz zur Arbeitsaufnahme',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Mit Dolmetscherin erklärt',
    });
    consentId = withConsent.consents[0]!.id;
    await call(core, 'consents.add', { clientId, parties: ['abh-lunen'], categories: ['master', 'residence', 'work-education'], purpose: 'Aufenthalt', validFrom: TODAY, form: 'oral', oralRecord: 'Im Gespräch' });
    const other = await call(core, 'clients.create', { familyName: 'Kowalczyk', givenNames: 'Anna', birthDate: '1990' });
    const otherCase = await call(core, 'cases.open', { clientId: other.id });
    ids.foreignGoal = (await call(core, 'goals.add', { caseId: otherCase.id, area: 'work', title: 'Anderes Ziel' })).goals.at(-1)!.id;
  }, 300_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('turns agreed actions into measures and Wiedervorlagen, and the next date into a Wiedervorlage', async () => {
    await signIn('fm');
    first = await call(core, 'conferences.save', {
      ...base(),
      actions: [
        { who: { kind: 'staff', accountId: ids.fm2 }, what: 'Termin beim Hausarzt begleiten', dueDate: TODAY },
        { who: { kind: 'partner', partnerId: ids.jobcenter }, what: 'Bewerbungstraining anbieten', dueDate: addDays(TODAY, 14), goalId: ids.workGoal },
        { who: { kind: 'staff', accountId: ids.fm }, what: 'Diabetesberatung vermitteln', dueDate: addDays(TODAY, -1), goalId: ids.healthGoal },
      ],
    });
    expect(first).toMatchObject({ caseId, clientId, heldOn: TODAY, heldAt: '10:30', clientPresent: true, interpreter: { language: 'ar', name: 'Frau Haddad' }, consentId, results: RESULTS_TEXT, version: 1 });
    expect(first.participants!.map((p) => [p.kind, p.name, p.contactName, p.role])).toEqual([
      ['partner', 'Jobcenter Kreis Unna', 'Herr Brandt', 'Arbeitsvermittlung'],
      ['partner', 'Caritas Migrationsberatung Lünen', null, 'Migrationsberatung'],
      ['staff', 'Lena Becker', null, 'Vertretung'],
    ]);
    expect(first.situations.map((s) => s.area).sort()).toEqual(['health', 'residence', 'work']);
    expect(first.situations.find((s) => s.area === 'health')!.text).toBe(HEALTH_TEXT);
    const [health, staff, partner] = first.actions!;
    expect(staff).toMatchObject({ whoKind: 'staff', whoName: 'Lena Becker', responsibleId: ids.fm2, area: null, measureId: null, done: false });
    expect(partner).toMatchObject({ whoKind: 'partner', whoName: 'Jobcenter Kreis Unna', responsibleId: ids.fm, area: 'work', goalId: ids.workGoal, followUpId: null });
    expect(health).toMatchObject({ area: 'health', what: 'Diabetesberatung vermitteln', responsibleId: ids.fm });

    const kase = await call(core, 'cases.get', { id: caseId });
    const workMeasures = kase.goals.find((g) => g.id === ids.workGoal)!.measures;
    expect(workMeasures).toEqual([{ id: partner!.measureId, title: 'Bewerbungstraining anbieten', owner: 'Jobcenter Kreis Unna', dueDate: addDays(TODAY, 14), status: 'planned' }]);
    expect(kase.goals.find((g) => g.id === ids.healthGoal)!.measures.map((m) => m.title)).toEqual(['Diabetesberatung vermitteln']);
    const followUps = kase.followUps!.map((f) => [f.title, f.dueDate, f.assigneeId]);
    expect(followUps).toEqual(
      expect.arrayContaining([
        ['Termin beim Hausarzt begleiten', TODAY, ids.fm2],
        ['Nächste Fallkonferenz', addDays(TODAY, 28), ids.fm],
      ]),
    );
    expect(first.nextFollowUpId).toBe(kase.followUps!.find((f) => f.title === 'Nächste Fallkonferenz')!.id);

    // Protected parts are stored under their category keys, never in plain text.
    const stored = raw<{ results: string }>('SELECT results FROM case_conference WHERE id = ?', first.id)[0]!;
    expect(stored.results).not.toContain('Bewerbungstraining');
    expect(JSON.stringify(raw('SELECT text FROM case_conference_situation WHERE area = ?', 'health'))).not.toContain('Diabetes');
    expect(JSON.stringify(raw('SELECT what FROM case_conference_action WHERE area = ?', 'health'))).not.toContain('Diabetes');
    // Every write in the change log under an HLC, values never.
    const log = raw<{ entity: string; hlc: string; fields: string }>(`SELECT entity, hlc, fields FROM change_entry WHERE entity LIKE 'case_conference%' ORDER BY hlc`);
    expect(new Set(log.map((l) => l.entity))).toEqual(new Set(['case_conference', 'case_conference_participant', 'case_conference_situation', 'case_conference_action']));
    expect(log.every((l) => /^\d{15}-\d{6}$/.test(l.hlc))).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Diabetes');
  });

  it('tracks an action to done from either side: the measure or Wiedervorlage is the one source of truth', async () => {
    await signIn('fm');
    const [health, staff, partner] = first.actions!;
    const done = await call(core, 'conferenceActions.setDone', { id: staff!.id, done: true });
    expect(done.actions!.find((a) => a.id === staff!.id)!.done).toBe(true);
    expect((await call(core, 'cases.get', { id: caseId })).followUps!.find((f) => f.id === staff!.followUpId)!.doneAt).not.toBeNull();
    const reopened = await call(core, 'conferenceActions.setDone', { id: staff!.id, done: false });
    expect(reopened.actions!.find((a) => a.id === staff!.id)!.done).toBe(false);
    // Marking the Wiedervorlage or the measure done on the case screen marks the action done.
    await call(core, 'followUps.complete', { id: staff!.followUpId });
    await call(core, 'measures.setStatus', { id: partner!.measureId, status: 'done' });
    const listed = (await call(core, 'conferences.list', { caseId }))[0]!;
    expect(listed.actions!.map((a) => [a.id, a.done])).toEqual([
      [health!.id, false],
      [staff!.id, true],
      [partner!.id, true],
    ]);
    const back = await call(core, 'conferenceActions.setDone', { id: partner!.id, done: false });
    expect(back.actions!.find((a) => a.id === partner!.id)!.done).toBe(false);
    const kase = await call(core, 'cases.get', { id: caseId });
    expect(kase.goals.flatMap((g) => g.measures).find((m) => m.id === partner!.measureId)!.status).toBe('running');
  });

  it("shows the user's agreed actions due this week or overdue in 'Meine Arbeit', once", async () => {
    await signIn('fm');
    const mine = await call(core, 'work.overview');
    expect(mine.conferenceActions.overdue.map((a) => [a.what, a.clientName, a.heldOn])).toEqual([['Diabetesberatung vermitteln', 'Rami Haddad', TODAY]]);
    await signIn('fm2');
    await call(core, 'followUps.add', { caseId, title: 'Unterlagen anfordern', dueDate: TODAY, assigneeId: ids.fm2 });
    await call(core, 'conferenceActions.setDone', { id: first.actions![1]!.id, done: false });
    const theirs = await call(core, 'work.overview');
    expect(theirs.conferenceActions.thisWeek.map((a) => a.what)).toEqual(['Termin beim Hausarzt begleiten']);
    // The Wiedervorlage the action became is listed with the actions, not a second time.
    expect(theirs.followUps.today.map((f) => f.title)).toEqual(['Unterlagen anfordern']);
    await call(core, 'conferenceActions.setDone', { id: first.actions![1]!.id, done: true });
    expect((await call(core, 'work.overview')).conferenceActions.thisWeek).toEqual([]);
  });

  it('warns before a second conference of the case on the same day and records it once confirmed', async () => {
    await signIn('fm');
    const again = { ...base(), situations: [], results: null, nextOn: null };
    expect(await core.dispatch('conferences.save', again)).toEqual({ ok: false, error: { code: 'conference.sameDay', params: { count: 1 } } });
    expect((await call(core, 'conferences.list', { caseId })).length).toBe(1);
    const second = await call(core, 'conferences.save', { ...again, confirmSameDay: true });
    expect((await call(core, 'conferences.list', { caseId })).map((c) => c.id)).toContain(second.id);
    // Editing a conference without moving its day asks nothing; moving it onto a day with one asks again.
    const edited = await call(core, 'conferences.save', { ...again, id: second.id, version: 1, heldAt: '14:00' });
    expect(edited).toMatchObject({ heldAt: '14:00', version: 2 });
    const moved = await call(core, 'conferences.save', { ...again, id: second.id, version: 2, heldOn: addDays(TODAY, -3) });
    expect(await core.dispatch('conferences.save', { ...again, id: second.id, version: moved.version })).toMatchObject({ ok: false, error: { code: 'conference.sameDay' } });
    expect(await core.dispatch('conferences.save', { ...again, id: second.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'record.staleVersion' } });
  });

  it("moves the next date's Wiedervorlage with the date and settles it when the date is taken out", async () => {
    await signIn('fm');
    const { actions: _actions, ...rest } = base();
    const moved = await call(core, 'conferences.save', { ...rest, id: first.id, version: first.version, nextOn: addDays(TODAY, 35) });
    const nextOf = async () => (await call(core, 'cases.get', { id: caseId })).followUps!.find((f) => f.id === first.nextFollowUpId)!;
    expect(await nextOf()).toMatchObject({ dueDate: addDays(TODAY, 35), doneAt: null });
    const cleared = await call(core, 'conferences.save', { ...rest, id: first.id, version: moved.version, nextOn: null });
    expect(cleared.nextOn).toBeNull();
    expect((await nextOf()).doneAt).not.toBeNull();
    first = await call(core, 'conferences.save', { ...rest, id: first.id, version: cleared.version });
    expect(await nextOf()).toMatchObject({ dueDate: addDays(TODAY, 28), doneAt: null });
    expect(first.actions!.length).toBe(3);
  });

  it('shows each caller only the parts of its categories, and lets only the keeping office write', async () => {
    await signIn('vw');
    const [seenByVw] = (await call(core, 'conferences.list', { caseId })).filter((c) => c.id === first.id);
    // Verwaltung keeps the file but sees no health and no conversation records.
    expect(seenByVw!.situations.map((s) => s.area).sort()).toEqual(['residence', 'work']);
    expect('results' in seenByVw!).toBe(false);
    expect(seenByVw!.actions!.map((a) => a.area)).toEqual([null, 'work']);
    expect(seenByVw!.participants!.length).toBe(3);
    expect(JSON.stringify(seenByVw)).not.toContain('Diabetes');
    // It may change what it sees; health and results stay as the case manager wrote them.
    const { actions: _a, ...rest } = base();
    expect(await core.dispatch('conferences.save', { ...rest, id: first.id, version: first.version, results: null })).toMatchObject({
      ok: false,
      error: { code: 'permission.denied', params: { reason: 'roleCategory' } },
    });
    const byVw = await call(core, 'conferences.save', { ...rest, id: first.id, version: first.version, results: null, situations: [{ area: 'work', text: 'Hat eine Zusage als Lagerhelfer' }] });
    await signIn('fm');
    const [after] = (await call(core, 'conferences.list', { caseId })).filter((c) => c.id === first.id);
    expect(after!.version).toBe(byVw.version);
    expect(after!.results).toBe(RESULTS_TEXT);
    expect(after!.situations.map((s) => [s.area, s.text]).sort()).toEqual([
      ['health', HEALTH_TEXT],
      ['work', 'Hat eine Zusage als Lagerhelfer'],
    ]);
    first = after!;

    // The ABH sees, through its consent, that the conference took place and the situation in its categories.
    await signIn('abh');
    const [seenByAbh] = (await call(core, 'conferences.list', { caseId })).filter((c) => c.id === first.id);
    expect(Object.keys(seenByAbh!).sort()).toEqual(['caseId', 'clientId', 'clientPresent', 'createdAt', 'heldAt', 'heldOn', 'id', 'situations', 'version']);
    expect(seenByAbh!.situations.map((s) => s.area)).toEqual(['work']);
    expect(await core.dispatch('conferences.save', { ...rest, situations: [], results: null, confirmSameDay: true })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(await core.dispatch('conferenceActions.setDone', { id: first.actions![0]!.id, done: true })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await signIn('ko');
    expect(await core.dispatch('conferences.list', { caseId })).toMatchObject({ ok: false, error: { code: 'permission.denied', params: { reason: 'role' } } });
  });

  it('refuses bad input with the path and a code for each finding, and saves nothing', async () => {
    await signIn('fm');
    const before = raw<{ n: number }>('SELECT count(*) AS n FROM case_conference')[0]!.n;
    const bad = async (over: Record<string, unknown>) => {
      const r = await core.dispatch('conferences.save', { ...base(), situations: [], confirmSameDay: true, ...over });
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await bad({ heldAt: '25:00' })).toMatchObject({ code: 'validation.invalid', params: { issues: [expect.objectContaining({ path: 'heldAt' })] } });
    expect(await bad({ nextOn: addDays(TODAY, -1) })).toMatchObject({ code: 'validation.invalid', params: { issues: [expect.objectContaining({ path: 'nextOn' })] } });
    expect(await bad({ situations: [{ area: 'work', text: 'a' }, { area: 'work', text: 'b' }] })).toMatchObject({ code: 'validation.invalid' });
    expect(
      await bad({
        participants: [{ kind: 'partner', partnerId: ids.archived }, { kind: 'partner', partnerId: ids.jobcenter, contactId: ids.caritasContact }, { kind: 'staff', accountId: ids.abh }],
        consentId: ids.jobcenter,
        actions: [
          { who: { kind: 'partner', partnerId: ids.caritas }, what: 'Beratung', dueDate: TODAY },
          { who: { kind: 'staff', accountId: ids.fm }, what: 'Ziel fremd', dueDate: TODAY, goalId: ids.foreignGoal },
        ],
      }),
    ).toEqual({
      code: 'validation.invalid',
      params: {
        issues: [
          { path: 'participants.0.partnerId', code: 'unknown_partner' },
          { path: 'participants.1.contactId', code: 'not_of_partner' },
          { path: 'participants.2.accountId', code: 'not_case_worker' },
          { path: 'consentId', code: 'not_of_client' },
          { path: 'actions.0.who.partnerId', code: 'not_participant' },
          { path: 'actions.1.goalId', code: 'not_of_case' },
        ],
      },
    });
    expect(raw<{ n: number }>('SELECT count(*) AS n FROM case_conference')[0]!.n).toBe(before);
  });

  it('shows a colleague in "Meine Arbeit" only the actions of categories their role sees', async () => {
    await signIn('fm');
    const input = {
      ...base(),
      heldOn: addDays(TODAY, -7),
      nextOn: null,
      confirmSameDay: true,
      actions: [
        { who: { kind: 'staff', accountId: ids.vw }, what: 'Krankenkassenkarte beantragen', dueDate: TODAY, goalId: ids.healthGoal },
        { who: { kind: 'staff', accountId: ids.vw }, what: 'Mietbescheinigung anfordern', dueDate: TODAY },
      ],
    };
    // Verwaltung cannot be made responsible for a measure under a health goal it would never see.
    expect(await core.dispatch('conferences.save', input)).toEqual({
      ok: false,
      error: { code: 'validation.invalid', params: { issues: [{ path: 'actions.0.who.accountId', code: 'role_lacks_category' }] } },
    });
    const saved = await call(core, 'conferences.save', { ...input, actions: [{ ...input.actions[0]!, who: { kind: 'staff', accountId: ids.fm2 } }, input.actions[1]!] });
    // As after a change of the colleague's role: the health action now names Verwaltung, whose overview must not show it.
    const health = saved.actions!.find((a) => a.area === 'health')!;
    const db = openRawVault(tmp.dir, recoveryKey);
    try {
      db.prepare('UPDATE case_conference_action SET responsible_id = ? WHERE id = ?').run(ids.vw, health.id);
    } finally {
      db.close();
    }
    await signIn('vw');
    const overview = await call(core, 'work.overview');
    expect([...overview.conferenceActions.overdue, ...overview.conferenceActions.thisWeek].map((a) => a.what)).toEqual(['Mietbescheinigung anfordern']);
    expect(JSON.stringify(overview)).not.toContain('Krankenkasse');
  });

  it('audits reads like case reads and every write, refusals included, naming no content', async () => {
    const rows = raw<{ action: string; entity: string; entity_id: string; outcome: string; actor_role: string; fields: string | null }>(
      `SELECT action, entity, entity_id, outcome, actor_role, fields FROM audit_entry WHERE action LIKE 'conference%' ORDER BY id`,
    );
    const saves = rows.filter((r) => r.action === 'conferences.save' && r.outcome === 'ok');
    expect(saves.length).toBeGreaterThan(0);
    expect(saves.every((r) => r.entity === 'case-conference')).toBe(true);
    expect(saves.some((r) => r.entity_id === first.id)).toBe(true);
    expect(rows.filter((r) => r.action === 'conferences.list' && r.outcome === 'ok').every((r) => r.entity === 'case' && r.entity_id === caseId)).toBe(true);
    const abhRead = rows.find((r) => r.action === 'conferences.list' && r.actor_role === 'abh')!;
    expect(JSON.parse(abhRead.fields!)).toEqual(['conferences', 'category:master', 'category:residence', 'category:work-education']);
    expect(rows.filter((r) => r.outcome === 'denied').map((r) => `${r.actor_role}:${r.action}`)).toEqual(
      expect.arrayContaining(['verwaltung:conferences.save', 'abh:conferences.save', 'abh:conferenceActions.setDone', 'koordination:conferences.list']),
    );
    expect(rows.filter((r) => r.action === 'conferenceActions.setDone' && r.outcome === 'ok').length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Diabetes|Bewerbung|Haddad/);
  });

  describe('minutes for a partner', () => {
    let session: UnlockedSession;
    const withCtx = <T>(run: Parameters<typeof runSessionCall<T>>[2]) =>
      runSessionCall(session, { location: { dataDir: tmp.dir }, now: new Date(), clock: () => new Date(), appVersion: 'test', machinePolicy: DEFAULT_MACHINE_POLICY }, run);

    beforeAll(async () => {
      await call(core, 'session.lock');
      await core.close();
      const vault = await openWithRecoveryKey({ dataDir: tmp.dir }, recoveryKey);
      const m = vault.dataSource.manager;
      const account = await m.findOneByOrFail(AccountEntity, { login: PEOPLE.fm.login });
      session = { vault, user: { id: account.id, login: account.login, displayName: account.displayName, role: account.role, office: account.office }, deviceId: (await readSetting(m, SETTING_KEYS.deviceId))! };
    });
    afterAll(async () => {
      await session.vault.dataSource.destroy();
    });

    it('holds exactly the categories the consent releases to that partner', async () => {
      const minutes = await withCtx((ctx) => gatherMinutesContent(ctx, first.id, ids.jobcenter!));
      expect(minutes.categories).toEqual(['master', 'work-education', 'finances']);
      expect(minutes.clientName).toBe('Rami Haddad');
      expect(minutes.situations.map((s) => s.area)).toEqual(['work']);
      expect(minutes.results).toBeNull();
      expect(minutes.actions.map((a) => a.what).sort()).toEqual(['Bewerbungstraining anbieten', 'Termin beim Hausarzt begleiten']);
      expect(JSON.stringify(minutes)).not.toMatch(/Diabetes|Aufenthaltserlaubnis|Vereinbart/);
      expect(minutes.participants.map((p) => p.name)).toContain('Caritas Migrationsberatung Lünen');
    });

    it('holds nothing personal for a partner the consent does not name, and refuses a partner that was not there', async () => {
      const minutes = await withCtx((ctx) => gatherMinutesContent(ctx, first.id, ids.caritas!));
      expect(minutes).toMatchObject({ categories: [], clientName: null, situations: [], results: null, actions: [] });
      await expect(withCtx((ctx) => gatherMinutesContent(ctx, first.id, ids.archived!))).rejects.toMatchObject({ code: 'validation.invalid' });
    });

    it('holds nothing once the consent is revoked', async () => {
      await session.vault.dataSource.query('UPDATE consent SET revoked_on = ? WHERE id = ?', [TODAY, consentId]);
      const minutes = await withCtx((ctx) => gatherMinutesContent(ctx, first.id, ids.jobcenter!));
      expect(minutes.categories).toEqual([]);
      expect(minutes.situations).toEqual([]);
    });
  });
});

describe('consentNamesPartner', () => {
  const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{2,12}$/);
  it('matches the directory link, or on older consents the partner name whatever the case and spacing, never a longer or shorter name', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), word, fc.boolean(), (words, extra, upper) => {
        const name = words.join(' ');
        const typed = `  ${words.map((w) => (upper ? w.toLocaleUpperCase('de') : w.toLocaleLowerCase('de'))).join('   ')} `;
        const agencies = (list: string[]) => ({ agencies: JSON.stringify(list), partnerIds: '[]' });
        const partner = { id: '00000000-0000-4000-8000-0000000000aa', name };
        // ß upper-cases to SS: such a name is a different spelling, not the same one.
        if (!name.includes('ß')) expect(consentNamesPartner(agencies([typed]), partner)).toBe(true);
        expect(consentNamesPartner(agencies([`${name} ${extra}`]), partner)).toBe(false);
        if (words.length > 1) expect(consentNamesPartner(agencies([words.slice(1).join(' ')]), partner)).toBe(false);
        // A consent that names the partner in the directory names it whatever the free text says.
        expect(consentNamesPartner({ agencies: '[]', partnerIds: JSON.stringify([partner.id]) }, partner)).toBe(true);
      }),
    );
  });
});
