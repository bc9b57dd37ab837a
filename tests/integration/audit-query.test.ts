import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

const DPO = { login: 'dsb.kaya', displayName: 'Selin Kaya', role: 'datenschutz' as const, passphrase: 'Rathaus Selm hat sieben Türme!' };

describe('audit view for the data protection officer', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId: string;
  let namesakeId: string;
  let caseId: string;

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir));
    await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, DPO);
    await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, CASE_MANAGER, DPO);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    clientId = (await call(core, 'clients.create', clientInput('Okafor', 'Chinedu', { phone: '+49 2389 555' }))).id;
    await call(core, 'clients.get', { id: clientId });
    caseId = (await call(core, 'cases.open', { clientId })).id;
    await call(core, 'cases.get', { id: caseId });
    namesakeId = (await call(core, 'clients.create', clientInput('Okafor', 'Ngozi', { birthDate: '1990-03-12' }))).id;
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: DPO.login, passphrase: DPO.passphrase });
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('finds who read and changed a person, filtered by record, user, action and period', async () => {
    const forPerson = await call(core, 'audit.list', { entity: 'client', entityId: clientId });
    expect(forPerson.rows.map((r) => [r.action, r.actorLogin, r.actorName])).toEqual([
      ['clients.get', 'fm.yilmaz', 'Derya Yilmaz'],
      ['clients.create', 'fm.yilmaz', 'Derya Yilmaz'],
    ]);
    const fm = forPerson.rows[0]!.actorId!;
    // The first login (to replace the one-time passphrase IT set) and the one that did the work.
    expect((await call(core, 'audit.list', { actorId: fm, action: 'session.unlock' })).total).toBe(2);
    expect((await call(core, 'audit.list', { from: '2001-01-01', to: '2001-12-31' })).total).toBe(0);
    expect((await call(core, 'audit.list', { limit: 2 })).rows).toHaveLength(2);
  });

  it('exports CSV only after re-entering the passphrase, with ids and field names but no personal values', async () => {
    expect(await core.dispatch('audit.exportCsv', { entityId: clientId, confirmPassphrase: ADMIN_PASSPHRASE })).toMatchObject({
      error: { code: 'passphrase.wrongCurrent' },
    });
    const exported = await call(core, 'audit.exportCsv', { entityId: clientId, confirmPassphrase: DPO.passphrase });
    // The person's record and their case: create, read, case opened, case read.
    expect(exported.rows).toBe(4);
    const lines = exported.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id;at;actor_login;actor_name;actor_role;office;action;entity;entity_id;fields;outcome');
    expect(lines[1]).toContain('"clients.create";"client"');
    expect(exported.csv).toContain('phone');
    expect(exported.csv).not.toMatch(/Okafor|Chinedu|2389/);
    expect((await call(core, 'audit.list', { action: 'audit.exportCsv' })).total).toBe(1);
  });

  it('sees no case content: client files are not for the data protection role', async () => {
    expect(await core.dispatch('clients.get', { id: clientId })).toMatchObject({ error: { code: 'permission.denied' } });
    expect((await call(core, 'audit.verify')).ok).toBe(true);
  });

  it('looks up a data subject by name or birth date with only id, name and birth date, and audits whom it showed', async () => {
    const byName = await call(core, 'audit.subjects', { query: 'okafor' });
    expect(byName.map((h) => h.displayName).sort()).toEqual(['Okafor, Chinedu', 'Okafor, Ngozi']);
    for (const hit of byName) expect(Object.keys(hit).sort()).toEqual(['birthDate', 'displayName', 'id']);
    expect(JSON.stringify(byName)).not.toContain('2389');
    expect(await call(core, 'audit.subjects', { query: '12.03.1990' })).toEqual([{ id: namesakeId, displayName: 'Okafor, Ngozi', birthDate: '1990-03-12' }]);

    const audited = await call(core, 'audit.list', { action: 'audit.subjects' });
    // Newest first: the date search (Ngozi), then the name search (Chinedu, then Ngozi, in result order).
    const entry = (id: string) => [DPO.login, 'client-list', id, ['displayName', 'birthDate'], 'ok'];
    expect(audited.rows.map((r) => [r.actorLogin, r.entity, r.entityId, r.fields, r.outcome])).toEqual([entry(namesakeId), entry(namesakeId), entry(clientId)]);
    // Filtering the trail by the person also shows that the data protection officer looked them up.
    expect((await call(core, 'audit.list', { entityId: clientId })).rows.map((r) => r.action)).toContain('audit.subjects');

    const users = await call(core, 'audit.users');
    expect(users.map((u) => u.login).sort()).toEqual(['admin', DPO.login, CASE_MANAGER.login].sort());
    expect(Object.keys(users[0]!).sort()).toEqual(['active', 'displayName', 'id', 'login', 'role']);
  });

  it('finds under the person also what was filed under it: the read of their case', async () => {
    const all = await call(core, 'audit.list', { entityId: clientId });
    expect(all.rows.filter((r) => r.entity === 'case').map((r) => [r.action, r.entityId])).toEqual([
      ['cases.get', caseId],
      ['cases.open', caseId],
    ]);
    expect((await call(core, 'audit.list', { entityId: namesakeId })).rows.every((r) => r.entityId === namesakeId)).toBe(true);
  });

  it('refuses the person lookup to case managers and audits the refusal', async () => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    expect(await core.dispatch('audit.subjects', { query: 'Okafor' })).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'role' } } });
    expect(await core.dispatch('audit.users', {})).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'role' } } });
    // IT reads the trail, but names of clients are not for IT.
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(await core.dispatch('audit.subjects', { query: 'Okafor' })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect((await call(core, 'audit.list', { entityId: clientId })).total).toBeGreaterThan(0);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: DPO.login, passphrase: DPO.passphrase });
    const denied = await call(core, 'audit.list', { action: 'audit.subjects' });
    expect(denied.rows.filter((r) => r.outcome === 'denied').map((r) => [r.actorLogin, r.actorRole])).toEqual([
      ['admin', 'it-admin'],
      [CASE_MANAGER.login, 'fallmanagement'],
    ]);
    expect((await call(core, 'audit.verify')).ok).toBe(true);
  });
});
