import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';

const DPO = { login: 'dsb.kaya', displayName: 'Selin Kaya', role: 'datenschutz' as const, passphrase: 'Rathaus Selm hat sieben Türme!' };

describe('audit view for the data protection officer', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clientId: string;

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir));
    await call(core, 'accounts.create', CASE_MANAGER);
    await call(core, 'accounts.create', DPO);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    clientId = (await call(core, 'clients.create', clientInput('Okafor', 'Chinedu', { phone: '+49 2389 555' }))).id;
    await call(core, 'clients.get', { id: clientId });
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
    expect((await call(core, 'audit.list', { actorId: fm, action: 'session.unlock' })).total).toBe(1);
    expect((await call(core, 'audit.list', { from: '2001-01-01', to: '2001-12-31' })).total).toBe(0);
    expect((await call(core, 'audit.list', { limit: 2 })).rows).toHaveLength(2);
  });

  it('exports CSV only after re-entering the passphrase, with ids and field names but no personal values', async () => {
    expect(await core.dispatch('audit.exportCsv', { entityId: clientId, confirmPassphrase: ADMIN_PASSPHRASE })).toMatchObject({
      error: { code: 'passphrase.wrongCurrent' },
    });
    const exported = await call(core, 'audit.exportCsv', { entityId: clientId, confirmPassphrase: DPO.passphrase });
    expect(exported.rows).toBe(2);
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
});
