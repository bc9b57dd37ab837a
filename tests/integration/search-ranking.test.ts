import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { caseWorkerVault, clientInput } from '../helpers/case-worker';
import { call, tempDir } from '../helpers/temp-vault';

/** Ranking rules of clients.search that the recall harness showed missing at 50,000 clients (issue 10). */
describe('search ranking of compound names and particles', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;

  beforeAll(async () => {
    ({ core } = await caseWorkerVault(tmp.dir));
    const people: [string, string, string[]][] = [
      ['Abdulameer', 'Haider', []],
      ['Abdulrahman', 'Haidar', []],
      ['Abdulrahman', 'Haidar Ali', []],
      ['Al Zoubi', 'Mahmoud', []],
      ['Al-Khatib', 'Mahmoud', ['El-Khatib']],
      ['El-Khatib', 'Mahmud', []],
      ['Al-Obaidi', 'Sajjad', []],
      ['Al Ubaidi', 'Asad', []],
      ['Al Ubaidi', 'Azad Omar', []],
    ];
    for (const [family, given, alternativeNames] of people) await call(core, 'clients.create', clientInput(family, given, { alternativeNames }));
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const first = async (query: string) => {
    const [hit] = await call(core, 'clients.search', { query });
    return hit ? `${hit.givenNames} ${hit.familyName}` : null;
  };

  it('finds a compound name stored joined when the query splits it (Abdul Ameer → Abdulameer)', async () => {
    expect(await first('Haidar Abdul ameer')).toBe('Haider Abdulameer');
    expect(await first('Haider Abdulameer')).toBe('Haider Abdulameer');
  });

  it('lets a particle count for little: the person whose names match comes before those who share only "El"', async () => {
    expect(await first('Mahmud El Zubi')).toBe('Mahmoud Al Zoubi');
  });

  it('counts a hyphenated family name once, not once per word and again joined', async () => {
    expect(await first('Sejjad Al-Ubaidi')).toBe('Sajjad Al-Obaidi');
  });
});
