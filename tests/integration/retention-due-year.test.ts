import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { berlinDate } from '../../electron/core/contract/dates';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { APPROVER } from '../helpers/enrol';
import { call, openRawVault, switchUser, tempDir } from '../helpers/temp-vault';

/**
 * A contact's retention runs from the end of the Berlin year of its last change. The due list (SQL) and each file's
 * view must agree on that year also for a change in the last hour of New Year's Eve, which is already the next year
 * in UTC+1 but not yet in UTC.
 */
describe('retention of contacts changed on New Year’s Eve', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey = '';
  const ids: Record<'berlinOld' | 'berlinNew', string> = { berlinOld: '', berlinNew: '' };

  beforeAll(async () => {
    ({ core, recoveryKey } = await caseWorkerVault(tmp.dir));
    ids.berlinOld = (await call(core, 'clients.create', clientInput('Silvester', 'Alt'))).id;
    ids.berlinNew = (await call(core, 'clients.create', clientInput('Neujahr', 'Neu'))).id;
    // Three full years after the year of the last change (the default): the year that is just due is Y − 4.
    const due = Number(berlinDate(new Date()).slice(0, 4)) - 4;
    const raw = openRawVault(tmp.dir, recoveryKey);
    try {
      const set = raw.prepare(`UPDATE client SET updated_at = ? WHERE id = ?`);
      set.run(`${due}-12-31T22:30:00.000Z`, ids.berlinOld); // 23:30 in Berlin: still the due year
      set.run(`${due}-12-31T23:30:00.000Z`, ids.berlinNew); // 00:30 on New Year's Day in Berlin: the year after
    } finally {
      raw.close();
    }
    // The approver (Datenschutz) was enrolled with the case manager.
    await switchUser(core, APPROVER.login, APPROVER.passphrase);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('lists only the contact whose Berlin year is due, and its view agrees', async () => {
    const { files } = await call(core, 'retention.files', { dueOnly: true });
    expect(files.map((f) => f.clientId)).toEqual([ids.berlinOld]);
    expect(files[0]).toMatchObject({ kind: 'contact', due: true });
    const all = new Map((await call(core, 'retention.files', { query: '', dueOnly: false })).files.map((f) => [f.clientId, f]));
    expect(all.get(ids.berlinNew)).toMatchObject({ kind: 'contact', due: false });
    expect(all.get(ids.berlinOld)?.dueFrom).toBe(`${Number(all.get(ids.berlinNew)!.dueFrom!.slice(0, 4)) - 1}-01-01`);
  });
});
