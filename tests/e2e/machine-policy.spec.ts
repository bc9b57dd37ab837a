import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POLICY_FILE_ENV } from '../../electron/core/platform/policy/machine-policy';
import { startHarness } from '../harness/server';
import { tempDir } from '../helpers/temp-vault';
import { expect, expectNoA11yViolations, test } from './fixtures';

const WEB_ROOT = resolve(__dirname, '../..', process.env.KIM_WEB_OUT ?? 'out/web');

test('an invalid machine policy shows a German error naming the setting, and opens nothing', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-policy-');
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ accounts: { requireApproval: 'ja' } }));
  const saved = process.env[POLICY_FILE_ENV];
  process.env[POLICY_FILE_ENV] = file;
  const logged: string[] = [];
  // The core reads the policy when it starts; the variable is only needed until then.
  const harness = await startHarness({ dataDir: join(dir, 'data'), webRoot: WEB_ROOT, appVersion: 'e2e', logger: { info: () => undefined, error: (m) => logged.push(m) } });
  if (saved === undefined) delete process.env[POLICY_FILE_ENV];
  else process.env[POLICY_FILE_ENV] = saved;
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte konnte nicht gestartet werden.' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(`Die Richtlinie dieses Arbeitsplatzes ist ungültig (Datei ${file}, Einstellung „accounts.requireApproval“:`);
    await expect(page.getByRole('alert')).toContainText('Deshalb öffnet die KIM-Akte keine Daten. Bitte wenden Sie sich an die IT.');
    await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page, 'invalid machine policy');
    expect(logged[0]).toMatch(/^The machine policy .* is invalid: accounts\.requireApproval: /);
  } finally {
    await harness.close();
    cleanup();
  }
});
