import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { CASE_MANAGER, caseWorkerVault, clientInput, editableFields } from '../helpers/case-worker';
import { APPROVER } from '../helpers/enrol';
import { call, switchUser, tempDir } from '../helpers/temp-vault';

/**
 * Restriction of processing (DSGVO Art. 18): Datenschutz marks a file, every write to it is refused with its own
 * reason (and audited as refused), reads go on, the mark and its lifting are audited, and lifting makes the file
 * writable again.
 */
const asUser = (core: CoreDispatcher, who: { login: string; passphrase: string }) => switchUser(core, who.login, who.passphrase);
const TODAY = new Date().toISOString().slice(0, 10);

describe('restriction of processing', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId = '';
  let caseId = '';

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    clientId = (await call(core, 'clients.create', clientInput('Sperrmann', 'Selma', { birthDate: '1990-02-02' }))).id;
    caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] })).id;
  }, 120_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('makes the file read-only for case work, with a reason of its own, until Datenschutz lifts it', async () => {
    // Case work cannot restrict; Datenschutz can.
    expect(await core.dispatch('restrictions.set', { clientId, reason: 'Richtigkeit bestritten' })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await asUser(core, APPROVER);
    expect(await core.dispatch('restrictions.set', { clientId, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
    expect(await call(core, 'restrictions.set', { clientId, reason: 'Richtigkeit der Adresse bestritten (Art. 18 Abs. 1 lit. a)' })).toMatchObject({
      clientId,
      restricted: true,
    });

    await asUser(core, CASE_MANAGER);
    const detail = await call(core, 'clients.get', { id: clientId });
    expect(detail.access).toMatchObject({ owner: true, canWrite: false, restricted: true });
    const refused = { ok: false, error: { code: 'permission.denied', params: { reason: 'restricted' } } };
    expect(await core.dispatch('notes.add', { caseId, occurredOn: TODAY, kind: 'phone', text: 'Rückruf', internal: false })).toEqual(refused);
    expect(await core.dispatch('clients.update', { ...editableFields(detail), city: 'Unna' })).toEqual(refused);
    expect(await core.dispatch('household.add', { clientId, name: 'Sami Sperrmann', relation: 'child', birthYear: 2015 })).toEqual(refused);
    expect((await call(core, 'cases.get', { id: caseId })).notes).toEqual([]);

    await asUser(core, APPROVER);
    const trail = await call(core, 'audit.list', { action: 'notes.add' });
    expect(trail.rows.some((r) => r.outcome === 'denied')).toBe(true);
    const marks = await call(core, 'audit.list', { action: 'restrictions.set' });
    // The case manager's attempt is refused and audited as such; the mark is audited as Datenschutz's write.
    expect(marks.rows.map((r) => [r.actorRole, r.outcome]).sort()).toEqual([
      ['datenschutz', 'ok'],
      ['fallmanagement', 'denied'],
    ]);
    expect(marks.rows.find((r) => r.outcome === 'ok')).toMatchObject({ entity: 'client', entityId: clientId, fields: ['restriction:set'] });
    expect(await call(core, 'restrictions.lift', { clientId })).toMatchObject({ restricted: false });

    await asUser(core, CASE_MANAGER);
    expect((await call(core, 'clients.get', { id: clientId })).access).toMatchObject({ canWrite: true, restricted: false });
    expect((await call(core, 'notes.add', { caseId, occurredOn: TODAY, kind: 'phone', text: 'Rückruf', internal: false })).notes).toHaveLength(1);
  });
});
