import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { searchClients } from '../../electron/core/domain/clients/client-search';
import type { OpenVault } from '../../electron/core/platform/vault/vault';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { call, tempDir } from '../helpers/temp-vault';

const TODAY = '2026-11-30';
const FAMILIES = ['Hassan', 'Hasan', 'Al-Hassan', 'Hassani', 'Husein', 'Hussein'];
const GIVEN = ['Ali', 'Aly', 'Mariam', 'Maryam', 'Omar', 'Umar', 'Leila'];

/**
 * The search takes the best candidates the caller may see a window at a time and stops as soon as later ones can no
 * longer reach the list: whatever the caller may not see, the answer is the full ranking without those clients.
 */
describe('client search under a visibility filter', () => {
  const tmp = tempDir();
  let vault: OpenVault;

  beforeAll(async () => {
    const { core, recoveryKey } = await caseWorkerVault(tmp.dir);
    // 42 namesakes and near-namesakes, many tied; every query below finds more than 10 of them ("Ali" the fewest: 12).
    for (const family of FAMILIES) for (const given of GIVEN) await call(core, 'clients.create', clientInput(family, given));
    await core.close();
    vault = await openWithRecoveryKey({ dataDir: tmp.dir }, recoveryKey);
  }, 120_000);
  afterAll(async () => {
    vault?.forgetKey();
    await vault?.dataSource.destroy();
    tmp.cleanup();
  });

  const names = (hits: { familyName: string; givenNames: string; score: number }[]) => hits.map((h) => `${h.givenNames} ${h.familyName} ${h.score.toFixed(4)}`);

  it('answers the full ranking minus the hidden clients, for any hidden set, query and limit', async () => {
    const m = vault.dataSource.manager;
    const queries = ['Hassan Ali', 'Hasan Maryam', 'Husein', 'Ali', 'Al Hassan Omar'];
    const everyone = new Map<string, Awaited<ReturnType<typeof searchClients>>>();
    for (const q of queries) everyone.set(q, await searchClients(m, q, 1_000, TODAY));
    // Every query has more hits than the largest limit, so hidden clients always change what is shown.
    for (const [q, all] of everyone) expect(all.length, q).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries), fc.integer({ min: 1, max: 10 }), fc.func(fc.boolean()), async (query, limit, hides) => {
        const all = everyone.get(query)!;
        const hidden = new Set(all.filter((h) => hides(h.id)).map((h) => h.id));
        const hits = await searchClients(m, query, limit, TODAY, async (ids) => ids.filter((id) => !hidden.has(id)));
        expect(names(hits)).toEqual(names(all.filter((h) => !hidden.has(h.id)).slice(0, limit)));
      }),
      { numRuns: 60 },
    );
  });
});
