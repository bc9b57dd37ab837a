import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { clientInput } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, OTHER_PASSPHRASE, call, openRawVault, setupVault, switchUser, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

/**
 * Verwaltung sees no Gesundheit: closing a case used to answer with the ids of its hidden health goals (which it
 * could then change through the closing call). The refusal names nothing hidden, and nothing hidden is written.
 */
describe('closing a case with goals of a category the caller may not see', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });
  let recoveryKey: string;
  let caseId: string;
  let healthGoalId: string;
  let workGoalId: string;

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    for (const [login, role] of [['fm', 'fallmanagement'], ['vw', 'verwaltung']] as const) {
      await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, { login, displayName: login, role, passphrase: OTHER_PASSPHRASE });
    }
    await switchUser(core, 'fm');
    const client = await call(core, 'clients.create', clientInput('Haddad', 'Amina'));
    caseId = (await call(core, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] })).id;
    healthGoalId = (await call(core, 'goals.add', { caseId, area: 'health', title: 'Psychotherapie beginnen' })).goals[0]!.id;
    const withWork = await call(core, 'goals.add', { caseId, area: 'work', title: 'Sprachkurs B1' });
    workGoalId = withWork.goals.find((g) => g.id !== healthGoalId)!.id;
    await switchUser(core, 'vw');
  });

  it('refuses without naming the hidden goal, and writes none of it', async () => {
    const kase = await call(core, 'cases.get', { id: caseId });
    expect(kase.goals.map((g) => g.id)).toEqual([workGoalId]);
    const close = (goalOutcomes: { goalId: string; status: 'achieved' }[]) =>
      core.dispatch('cases.close', { id: caseId, version: kase.version, reason: 'goals-achieved', goalOutcomes });

    const refused = await close([{ goalId: workGoalId, status: 'achieved' }]);
    expect(refused).toEqual({ ok: false, error: { code: 'permission.denied', params: { reason: 'roleCategory' } } });
    expect(JSON.stringify(refused)).not.toContain(healthGoalId);

    // Naming the hidden goal itself gets the answer an unknown id gets, and does not touch it.
    const guessed = await close([
      { goalId: workGoalId, status: 'achieved' },
      { goalId: healthGoalId, status: 'achieved' },
    ]);
    expect(guessed).toEqual({
      ok: false,
      error: { code: 'validation.invalid', params: { issues: [{ path: `goalOutcomes.${healthGoalId}`, code: 'outcome_required' }] } },
    });
    await call(core, 'session.lock');
    const db = openRawVault(tmp.dir, recoveryKey);
    const rows = db.prepare('SELECT id, status FROM goal ORDER BY id').all() as { id: string; status: string }[];
    const closed = db.prepare('SELECT closed_on FROM kim_case WHERE id = ?').get(caseId) as { closed_on: string | null };
    db.close();
    expect(rows.every((g) => g.status !== 'achieved')).toBe(true);
    expect(closed.closed_on).toBeNull();
  });
});
