import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { call, tempDir, openRawVault } from '../helpers/temp-vault';

describe('a case through the DGCC phases', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey: string;
  let caseManagerId: string;
  let clientId: string;
  let caseId: string;
  // Wednesday 25.11.2026, 11:00 in Lünen.
  const now = () => new Date('2026-11-25T10:00:00Z');

  beforeAll(async () => {
    ({ core, recoveryKey, caseManagerId } = await caseWorkerVault(tmp.dir, now));
    clientId = (await call(core, 'clients.create', clientInput('Tesfaye', 'Selam', { birthDate: '1996', nationalities: ['ER'] }))).id;
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('opens a case in Zugang/Erstgespräch, assigned to the caller, one open case per client', async () => {
    const opened = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2', 'aufenthg'] });
    caseId = opened.id;
    expect(opened).toMatchObject({ phase: 'intake', caseManagerId, openedOn: '2026-11-25', rechtskreise: ['sgb2', 'aufenthg'], closedOn: null });
    expect(opened.phaseHistory).toEqual([{ phase: 'intake', on: '2026-11-25', byName: 'Derya Yilmaz' }]);
    expect(await core.dispatch('cases.open', { clientId })).toEqual({ ok: false, error: { code: 'case.alreadyOpen', params: {} } });
    expect((await call(core, 'clients.get', { id: clientId })).openCase).toMatchObject({ id: caseId, phase: 'intake' });
  });

  it('moves one phase at a time, may go back for re-planning, never skips or closes without an outcome', async () => {
    let c = await call(core, 'cases.get', { id: caseId });
    expect(await core.dispatch('cases.setPhase', { id: caseId, version: c.version, phase: 'planning' })).toMatchObject({ error: { code: 'case.phaseOrder' } });
    c = await call(core, 'cases.setPhase', { id: caseId, version: c.version, phase: 'assessment' });
    c = await call(core, 'assessment.set', { caseId, area: 'language', need: 'urgent', note: 'A1-Kurs abgebrochen, Kinderbetreuung fehlt' });
    c = await call(core, 'assessment.set', { caseId, area: 'language', need: 'some', note: null });
    expect(c.assessment).toEqual([{ area: 'language', need: 'some', note: null }]);
    c = await call(core, 'cases.setPhase', { id: caseId, version: c.version, phase: 'planning' });
    expect(await core.dispatch('cases.setPhase', { id: caseId, version: c.version - 1, phase: 'implementation' })).toMatchObject({
      error: { code: 'record.staleVersion' },
    });
    expect(await core.dispatch('cases.setPhase', { id: caseId, version: c.version, phase: 'closure' })).toMatchObject({ error: { code: 'case.phaseOrder' } });
    c = await call(core, 'cases.setPhase', { id: caseId, version: c.version, phase: 'implementation' });
    c = await call(core, 'cases.setPhase', { id: caseId, version: c.version, phase: 'planning' });
    expect(c.phaseHistory!.map((p) => p.phase)).toEqual(['intake', 'assessment', 'planning', 'implementation', 'planning']);
  });

  it('keeps a Hilfeplan with goals and measures, notes newest first, and follow-ups in "Meine Wiedervorlagen"', async () => {
    let c = await call(core, 'goals.add', { caseId, area: 'language', title: 'B1-Zertifikat bis Sommer 2027' });
    const goalId = c.goals[0]!.id;
    c = await call(core, 'measures.add', { goalId, title: 'Anmeldung Integrationskurs VHS Lünen', owner: 'Klientin', dueDate: '2026-12-15' });
    c = await call(core, 'measures.setStatus', { id: c.goals[0]!.measures[0]!.id, status: 'running' });
    c = await call(core, 'goals.setStatus', { id: goalId, status: 'in-progress', outcomeNote: null });
    expect(c.goals).toMatchObject([{ title: 'B1-Zertifikat bis Sommer 2027', status: 'in-progress', measures: [{ owner: 'Klientin', status: 'running' }] }]);
    await call(core, 'notes.add', { caseId, occurredOn: '2026-11-20', kind: 'in-person', participants: 'Klientin, Dolmetscherin', text: 'Erstgespräch' });
    c = await call(core, 'notes.add', { caseId, occurredOn: '2026-11-24', kind: 'phone', text: 'Rückruf Jobcenter', internal: true });
    expect(c.notes!.map((n) => [n.text, n.internal, n.authorName])).toEqual([
      ['Rückruf Jobcenter', true, 'Derya Yilmaz'],
      ['Erstgespräch', false, 'Derya Yilmaz'],
    ]);
    for (const [title, dueDate] of [['Unterlagen ABH nachreichen', '2026-11-20'], ['Kursplatz prüfen', '2026-11-25'], ['Termin Jobcenter', '2026-11-29'], ['Evaluation', '2026-12-10']]) {
      await call(core, 'followUps.add', { caseId, title, dueDate });
    }
    const overview = await call(core, 'work.overview');
    expect(overview.followUps.overdue.map((f) => f.title)).toEqual(['Unterlagen ABH nachreichen']);
    expect(overview.followUps.today.map((f) => f.title)).toEqual(['Kursplatz prüfen']);
    expect(overview.followUps.thisWeek.map((f) => f.title)).toEqual(['Termin Jobcenter']);
    expect(overview.followUps.today[0]).toMatchObject({ clientName: 'Selam Tesfaye', assigneeName: 'Derya Yilmaz' });
    expect(overview.casesPerPhase).toMatchObject({ planning: 1, intake: 0 });
    const done = await call(core, 'followUps.complete', { id: overview.followUps.overdue[0]!.id });
    expect(done.doneAt).not.toBeNull();
    expect((await call(core, 'work.overview')).followUps.overdue).toEqual([]);
  });

  it('closes only with an outcome for every open goal, then the case is read-only', async () => {
    let c = await call(core, 'cases.get', { id: caseId });
    const goalId = c.goals[0]!.id;
    const missing = await core.dispatch('cases.close', { id: caseId, version: c.version, reason: 'goals-achieved' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation.invalid', params: { issues: [{ path: `goalOutcomes.${goalId}`, code: 'outcome_required' }] } } });
    c = await call(core, 'cases.close', {
      id: caseId,
      version: c.version,
      reason: 'goals-achieved',
      summary: 'B1 bestanden, Arbeitsaufnahme in Lünen',
      goalOutcomes: [{ goalId, status: 'achieved', outcomeNote: 'Zertifikat liegt vor' }],
    });
    expect(c).toMatchObject({ phase: 'closure', closedOn: '2026-11-25', closure: { reason: 'goals-achieved', summary: 'B1 bestanden, Arbeitsaufnahme in Lünen' } });
    expect(c.goals[0]).toMatchObject({ status: 'achieved', outcomeNote: 'Zertifikat liegt vor' });
    expect(c.followUps!.every((f) => f.doneAt !== null)).toBe(true);
    expect(await core.dispatch('notes.add', { caseId, occurredOn: '2026-11-25', kind: 'phone', text: 'nachträglich' })).toMatchObject({
      error: { code: 'case.closed' },
    });
    // A client can have several cases over time.
    const second = await call(core, 'cases.open', { clientId });
    const client = await call(core, 'clients.get', { id: clientId });
    expect(client.cases.map((k) => k.id)).toEqual(expect.arrayContaining([caseId, second.id]));
  });

  it('records every case write as a change for sync and every read in the audit trail', async () => {
    await call(core, 'session.lock');
    const db = openRawVault(tmp.dir, recoveryKey);
    const changes = db.prepare(`SELECT entity, count(*) AS n FROM change_entry GROUP BY entity ORDER BY entity`).all();
    const reads = db.prepare(`SELECT count(*) AS n FROM audit_entry WHERE action = 'cases.get' AND entity_id = ?`).get(caseId) as { n: number };
    const noteText = db.prepare(`SELECT count(*) AS n FROM audit_entry WHERE fields LIKE '%Jobcenter%'`).get() as { n: number };
    db.close();
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'case' }), expect.objectContaining({ entity: 'note', n: 2 })]));
    expect(reads.n).toBeGreaterThanOrEqual(2);
    expect(noteText.n).toBe(0);
  });
});
