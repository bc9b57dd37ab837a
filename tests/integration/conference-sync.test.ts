import { afterEach, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { lunenTwiceAndWerne, syncAll, type Workstation } from '../helpers/sync-network';

/**
 * Case conferences travel like referrals: to the keeping office's other workstations, whole (participants,
 * situations with the health one under the health key, results, actions and the measures and Wiedervorlagen they
 * became), never to another office, whatever a consent shares with it.
 */

function raw<T>(w: Workstation, sql: string): T[] {
  const db = openRawVault(w.dir, w.recoveryKey!);
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('case conferences in sync', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('reach the other workstation of the keeping office with participants, situations and actions, and never another office', async () => {
    tmp = tempDir('kim-akte-conference-sync-');
    const { lunen1, lunen2, werne } = await lunenTwiceAndWerne(tmp.dir);

    const me = (await call(lunen1.core, 'accounts.caseManagers', {}))[0]!;
    const client = await call(lunen1.core, 'clients.create', { familyName: 'Haddad', givenNames: 'Amal', birthDate: '1990-04-12' });
    const k = await call(lunen1.core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    const healthGoal = (await call(lunen1.core, 'goals.add', { caseId: k.id, area: 'health', title: 'Ärztliche Versorgung sichern' })).goals.at(-1)!.id;
    const today = new Date().toISOString().slice(0, 10);
    // Werne may see everything of the file: conferences still stay in Lünen.
    await call(lunen1.core, 'consents.add', { clientId: client.id, parties: ['werne'], categories: DATA_CATEGORIES, purpose: 'Fallkonferenz', validFrom: today, form: 'oral', oralRecord: 'Mündlich erklärt' });
    const saved = await call(lunen1.core, 'conferences.save', {
      caseId: k.id,
      heldOn: today,
      clientPresent: true,
      participants: [{ kind: 'staff', accountId: me.id, role: 'Fallmanagement' }],
      situations: [
        { area: 'health', text: 'Behandlung steht aus' },
        { area: 'work', text: 'Sucht eine Ausbildung' },
      ],
      results: 'Hausarzttermin wird begleitet',
      actions: [
        { who: { kind: 'staff', accountId: me.id }, what: 'Arzttermin begleiten', dueDate: today, goalId: healthGoal },
        { who: { kind: 'staff', accountId: me.id }, what: 'Unterlagen sammeln', dueDate: today },
      ],
    });

    await syncAll(lunen1, lunen2, werne);
    const [copy] = await call(lunen2.core, 'conferences.list', { caseId: k.id });
    expect(copy).toMatchObject({ id: saved.id, heldOn: today, clientPresent: true, results: 'Hausarzttermin wird begleitet' });
    expect(copy!.situations).toEqual(expect.arrayContaining([{ area: 'health', text: 'Behandlung steht aus' }, { area: 'work', text: 'Sucht eine Ausbildung' }]));
    expect(copy!.participants!.map((p) => [p.kind, p.role])).toEqual([['staff', 'Fallmanagement']]);
    expect(copy!.actions!.map((a) => [a.what, a.done]).sort()).toEqual([['Arzttermin begleiten', false], ['Unterlagen sammeln', false]]);
    // The health texts are stored under the health key there too, not in plain text.
    expect(JSON.stringify(raw(lunen2, 'SELECT text FROM case_conference_situation'))).not.toContain('Behandlung steht aus');
    expect(JSON.stringify(raw(lunen2, 'SELECT what FROM case_conference_action'))).not.toContain('Arzttermin begleiten');
    for (const table of ['case_conference', 'case_conference_participant', 'case_conference_situation', 'case_conference_action']) {
      expect(raw(werne, `SELECT * FROM ${table}`), table).toEqual([]);
    }
    expect(await call(werne.core, 'conferences.list', { caseId: k.id })).toEqual([]);

    // An action ticked off on the second workstation is done on the first.
    const action = copy!.actions!.find((a) => a.what === 'Unterlagen sammeln')!;
    await call(lunen2.core, 'conferenceActions.setDone', { id: action.id, done: true });
    await syncAll(lunen2, lunen1);
    const [back] = await call(lunen1.core, 'conferences.list', { caseId: k.id });
    expect(back!.actions!.find((a) => a.id === action.id)!.done).toBe(true);
  });
});
