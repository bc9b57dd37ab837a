import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { berlinDate } from '../../electron/core/contract/dates';
import { clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, OTHER_PASSPHRASE, call, setupVault, switchUser, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

/** Accounts are enrolled as at a workstation: IT creates them one-time, Datenschutz approves, the owner sets a passphrase. */
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

/**
 * The case view used to spread the whole case row to consent parties: an ABH clerk whose consent covers only
 * Aufenthalt saw the Rechtskreise (benefit receipt, youth welfare), the phase history with colleagues' names, the
 * case manager and the closure reason. Now every field belongs to a category or to the keeping office.
 */
const TODAY = berlinDate(new Date());

describe('the case view of a consent party', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId: string;
  let caseId: string;

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir));
    for (const [login, role] of [['fm', 'fallmanagement'], ['vw', 'verwaltung'], ['abh', 'abh']] as const) {
      await enrolAccount(core, ADMIN, { login, displayName: `Konto ${login}`, role, passphrase: OTHER_PASSPHRASE });
    }
    await switchUser(core, 'fm');
    clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina', { birthDate: '1991-04-12' }))).id;
    const opened = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2', 'sgb8', 'asylblg', 'aufenthg'] });
    caseId = opened.id;
    await call(core, 'cases.setPhase', { id: caseId, version: opened.version, phase: 'assessment' });
    const goalId = (await call(core, 'goals.add', { caseId, area: 'residence', title: 'Verlängerung der Aufenthaltserlaubnis vorbereiten' })).goals[0]!.id;
    await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'in-person', text: 'Gespräch über Kita-Platz', internal: false });
    const withFollowUp = await call(core, 'followUps.add', { caseId, title: 'Termin Jugendamt', dueDate: TODAY });
    await call(core, 'consents.add', {
      clientId,
      parties: ['abh-lunen'],
      categories: ['residence'],
      purpose: 'Verlängerung der Aufenthaltserlaubnis',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Im Beratungsgespräch mit Dolmetscherin erklärt',
    });
    await call(core, 'cases.close', {
      id: caseId,
      version: withFollowUp.version,
      reason: 'moved-away',
      summary: 'Familie nach Dortmund verzogen, Jugendamt informiert',
      goalOutcomes: [{ goalId, status: 'dropped', outcomeNote: 'Umzug' }],
    });
  });

  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('shows an ABH clerk with an Aufenthalt consent no Rechtskreis but AufenthG, no phase history, case manager, closure or follow-ups', async () => {
    await switchUser(core, 'abh');
    const kase = await call(core, 'cases.get', { id: caseId });
    expect(Object.keys(kase).sort()).toEqual(
      ['access', 'assessment', 'clientId', 'clientName', 'closedOn', 'documents', 'goals', 'id', 'office', 'openedOn', 'phase', 'rechtskreise', 'version'].sort(),
    );
    expect(kase.rechtskreise).toEqual(['aufenthg']);
    expect(kase.goals.map((g) => g.area)).toEqual(['residence']);
    expect(kase.access).toEqual({ owner: false, canWrite: false, restricted: false, categories: ['residence'] });
    expect(JSON.stringify(kase)).not.toMatch(/Konto fm|Dortmund|Kita|Jugendamt|moved-away/);

    const file = await call(core, 'clients.get', { id: clientId });
    expect(Object.keys(file.cases[0]!).sort()).toEqual(['closedOn', 'id', 'office', 'openedOn', 'phase']);
    // The consent itself names who recorded it: the party's contact for it. The case names nobody.
    expect(JSON.stringify(file.cases)).not.toMatch(/Konto fm|moved-away/);
  });

  it('shows Verwaltung of the keeping office everything of the case but the conversation records', async () => {
    await switchUser(core, 'vw');
    const kase = await call(core, 'cases.get', { id: caseId });
    expect(kase.rechtskreise).toEqual(['sgb2', 'sgb8', 'asylblg', 'aufenthg']);
    expect(kase.caseManagerName).toBe('Konto fm');
    expect(kase.phaseHistory!.map((p) => p.phase)).toEqual(['intake', 'assessment', 'closure']);
    expect(kase.closure).toEqual({ reason: 'moved-away' });
    expect(kase.followUps).toHaveLength(1);
    expect('notes' in kase).toBe(false);
  });

  it('shows the case manager the whole case', async () => {
    await switchUser(core, 'fm');
    const kase = await call(core, 'cases.get', { id: caseId });
    expect(kase.closure).toEqual({ reason: 'moved-away', summary: 'Familie nach Dortmund verzogen, Jugendamt informiert' });
    expect(kase.notes!.map((n) => n.text)).toEqual(['Gespräch über Kita-Platz']);
    expect(kase.caseManagerName).toBe('Konto fm');
  });
});

describe('search and list rows of a consent party', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('name the open case and its phase, not who works it', async () => {
    ({ core } = await setupVault(tmp.dir));
    for (const [login, role] of [['fm', 'fallmanagement'], ['abh', 'abh']] as const) {
      await enrolAccount(core, ADMIN, { login, displayName: `Konto ${login}`, role, passphrase: OTHER_PASSPHRASE });
    }
    await switchUser(core, 'fm');
    const client = await call(core, 'clients.create', clientInput('Okafor', 'Chinedu'));
    const kase = await call(core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
    await call(core, 'consents.add', {
      clientId: client.id,
      parties: ['abh-lunen'],
      categories: ['residence'],
      purpose: 'Verlängerung der Aufenthaltserlaubnis',
      validFrom: TODAY,
      form: 'oral',
      oralRecord: 'Im Beratungsgespräch erklärt',
    });
    expect((await call(core, 'clients.search', { query: 'Okafor' }))[0]!.openCase).toEqual({
      id: kase.id,
      phase: 'intake',
      caseManagerId: kase.caseManagerId,
      caseManagerName: 'Konto fm',
    });
    await switchUser(core, 'abh');
    expect((await call(core, 'clients.search', { query: 'Okafor' }))[0]!.openCase).toEqual({ id: kase.id, phase: 'intake' });
    expect((await call(core, 'clients.list', { limit: 10 })).rows[0]!.openCase).toEqual({ id: kase.id, phase: 'intake' });
    expect((await call(core, 'clients.get', { id: client.id })).openCase).toEqual({ id: kase.id, phase: 'intake' });
    // Nor does filtering the list by a case manager tell it.
    expect((await call(core, 'clients.list', { limit: 10, caseManagerId: kase.caseManagerId })).rows).toEqual([]);
    await switchUser(core, 'fm');
    expect((await call(core, 'clients.list', { limit: 10, caseManagerId: kase.caseManagerId })).rows.map((r) => r.id)).toEqual([client.id]);
  });
});
