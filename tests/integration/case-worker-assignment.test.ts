import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, OTHER_PASSPHRASE, call, openRawVault, setupVault, switchUser, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

/**
 * Follow-ups and case management stay with the office that keeps the file: a Lünen case manager could assign a
 * follow-up ("Termin Psychiatrie") to an ABH clerk or a Werne colleague, who then saw the client's name in their
 * work overview though clients.get refused them the client.
 */
describe('who may manage a case or take a follow-up', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });
  let recoveryKey: string;
  const ids: Record<'fm' | 'abh' | 'werne' | 'it', string> = { fm: '', abh: '', werne: '', it: '' };
  let clientId: string;
  let caseId: string;

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    const create = (login: string, role: 'fallmanagement' | 'abh' | 'it-admin', office?: 'werne') =>
      enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, { login, displayName: login, role, passphrase: OTHER_PASSPHRASE, ...(office ? { office } : {}) });
    ids.fm = (await create('fm.luenen', 'fallmanagement')).id;
    ids.abh = (await create('abh.clerk', 'abh')).id;
    ids.werne = (await create('fm.werne', 'fallmanagement', 'werne')).id;
    ids.it = (await create('it.second', 'it-admin')).id;
    await switchUser(core, 'fm.luenen');
    clientId = (await call(core, 'clients.create', clientInput('Haddad', 'Amina'))).id;
  });

  const notCaseWorker = (path: string) => ({ ok: false, error: { code: 'validation.invalid', params: { issues: [{ path, code: 'not_case_worker' }] } } });

  it('opens a case only for a case worker of the keeping office', async () => {
    for (const other of [ids.abh, ids.werne, ids.it]) {
      expect(await core.dispatch('cases.open', { clientId, rechtskreise: ['sgb2'], caseManagerId: other })).toEqual(notCaseWorker('caseManagerId'));
    }
    caseId = (await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'], caseManagerId: ids.fm })).id;
    expect((await call(core, 'accounts.caseManagers')).map((a) => a.id)).toEqual([ids.fm]);
  });

  it('assigns follow-ups only to case workers of the keeping office', async () => {
    for (const other of [ids.abh, ids.werne]) {
      expect(await core.dispatch('followUps.add', { caseId, title: 'Termin Psychiatrie', dueDate: '2026-11-30', assigneeId: other })).toEqual(
        notCaseWorker('assigneeId'),
      );
    }
    const detail = await call(core, 'followUps.add', { caseId, title: 'Termin Jobcenter', dueDate: '2026-11-30', assigneeId: ids.fm });
    expect(detail.followUps!.map((f) => f.assigneeId)).toEqual([ids.fm]);
  });

  it('shows no follow-up of a file the caller does not keep, even one assigned before this rule', async () => {
    // A follow-up assigned to the ABH clerk and to the Werne colleague by an earlier version, written directly.
    await call(core, 'session.lock');
    const db = openRawVault(tmp.dir, recoveryKey);
    for (const assignee of [ids.abh, ids.werne]) {
      db.prepare(`INSERT INTO follow_up (id, case_id, client_id, title, due_date, assignee_id, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`).run(
        randomUUID(), caseId, clientId, 'Termin Psychiatrie', '2026-01-01', assignee, new Date().toISOString(),
      );
    }
    db.close();
    for (const login of ['abh.clerk', 'fm.werne']) {
      await call(core, 'session.unlock', { login, passphrase: OTHER_PASSPHRASE });
      const overview = await call(core, 'work.overview');
      expect(overview.followUps).toEqual({ overdue: [], today: [], thisWeek: [] });
      expect(JSON.stringify(overview)).not.toContain('Haddad');
      await call(core, 'session.lock');
    }
  });
});
