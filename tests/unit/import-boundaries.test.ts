import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint` keeps the floors of core (contract → platform → domain → api), the order of the domain areas and
 * the absence of cycles. Each case lints a real source file with one import added, through the project's own
 * ESLint configuration, and expects exactly that rule to fail; the unchanged file must pass.
 */
const root = join(__dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lintWith(file: string, extraImport: string): Promise<string[]> {
  const source = readFileSync(join(root, file), 'utf8');
  const [result] = await eslint.lintText(`${extraImport}\n${source}`, { filePath: join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it('accepts the files as they are', async () => {
    for (const file of ['electron/core/contract/dates.ts', 'electron/core/domain/clients/client-search.ts', 'electron/core/domain/users/account-service.ts']) {
      expect(await lintWith(file, '')).toEqual([]);
    }
  }, 60_000);

  it.each([
    ['the contract importing the platform', 'electron/core/contract/dates.ts', "import '../platform/sync/hlc';", /contract floor must not import/],
    ['the platform importing a domain area', 'electron/core/platform/sync/hlc.ts', "import '../../domain/clients/name-normalisation';", /platform floor must not import/],
    ['a domain area importing the API floor', 'electron/core/domain/users/account-service.ts', "import '../../api/call-context';", /domain floor must not import/],
    ['a domain area importing an area above it', 'electron/core/domain/users/account-service.ts', "import '../clients/client-service';", /Domain area "users" may import only/],
    ['an entity schema importing a service', 'electron/core/domain/cases/case-entities.ts', "import '../../platform/sync/hlc';", /leaves/],
    ['shipped code importing development tools', 'electron/core/api/dispatcher.ts', "import '../../../tests/helpers/temp-vault';", /never imports tests/],
    ['a service importing a migration', 'electron/core/domain/clients/client-service.ts', "import '../../platform/vault/migrations/0005-client-list-indexes';", /Migrations are frozen history/],
    ['a cycle inside one area', 'electron/core/domain/clients/client-search.ts', "import { createClient } from './client-service';\nvoid createClient;", /import-x\/no-cycle/],
    ['the renderer importing core beyond the contract', 'renderer/src/api/core.ts', "import '../../../electron/core/platform/sync/hlc';", /contract floor of core/],
  ])('refuses %s', async (_name, file, extraImport, expected) => {
    const messages = await lintWith(file, extraImport);
    expect(messages.some((m) => expected.test(m)), messages.join('\n')).toBe(true);
  }, 60_000);
});
