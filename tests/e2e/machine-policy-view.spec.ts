import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { POLICY_FILE_ENV } from '../../electron/core/platform/policy/machine-policy';
import { startHarness, type Harness } from '../harness/server';
import { setupVault, tempDir } from '../helpers/temp-vault';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { confirmRecoveryKey, createVault } from './flows';

const WEB_ROOT = resolve(__dirname, '../..', process.env.KIM_WEB_OUT ?? 'out/web');

async function tabTo(page: Page, target: Locator, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

/** A harness whose core read `policy` as this machine's policy file at start. */
async function harnessUnder(dir: string, policy: unknown): Promise<Harness> {
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  const saved = process.env[POLICY_FILE_ENV];
  process.env[POLICY_FILE_ENV] = file;
  try {
    return await startHarness({ dataDir: join(dir, 'data'), webRoot: WEB_ROOT, appVersion: 'e2e' });
  } finally {
    if (saved === undefined) delete process.env[POLICY_FILE_ENV];
    else process.env[POLICY_FILE_ENV] = saved;
  }
}

/** The row of a policy key in the read-only card: its value and source cells. */
function policyRow(page: Page, label: string): Locator {
  return page.getByRole('region', { name: 'Richtlinie dieses Arbeitsplatzes' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

test('IT fixes office, share, idle cap and exports: users see the policy read-only and the locked settings, by keyboard; axe clean', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-policy-view-');
  const share = join(dir, 'share');
  mkdirSync(share);
  const harness = await harnessUnder(dir, { office: 'werne', sync: { shareFolder: share }, lock: { maxIdleMinutes: 15 }, exports: { allowed: ['pdf'] } });
  try {
    await page.goto(harness.url);
    // Set-up offers only the policy's office.
    await expect(page.getByRole('radio', { name: /^Werne/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /^Lünen/ })).toBeDisabled();
    await expect(page.getByText('Die Richtlinie dieses Arbeitsplatzes legt die Dienststelle fest.')).toBeVisible();
    await expectNoA11yViolations(page, 'Einrichtung mit Richtlinie');
    await confirmRecoveryKey(page, await createVault(page, 'Werne'));

    // The effective policy, key by key, with its source.
    const card = page.getByRole('region', { name: 'Richtlinie dieses Arbeitsplatzes' });
    await expect(card).toContainText(`Richtliniendatei: ${join(dir, 'policy.json')}`);
    await expect(policyRow(page, 'Dienststelle').getByRole('cell')).toHaveText(['Werne', 'Richtliniendatei']);
    await expect(policyRow(page, 'Gemeinsamer Ordner für den Abgleich').getByRole('cell')).toHaveText([share, 'Richtliniendatei']);
    await expect(policyRow(page, 'Automatische Sperre höchstens nach … Minuten').getByRole('cell')).toHaveText(['15', 'Richtliniendatei']);
    await expect(policyRow(page, 'Automatische Sperre nach … Minuten').getByRole('cell')).toHaveText(['10', 'Standardwert']);
    await expect(policyRow(page, 'Erlaubte Exporte').getByRole('cell')).toHaveText(['PDF-Dateien (Ausdrucke und Berichte)', 'Richtliniendatei']);
    await expect(policyRow(page, 'Datenordner').getByRole('cell')).toHaveText(['nicht festgelegt', 'Standardwert']);
    await expect(card.getByRole('textbox')).toHaveCount(0);

    // The idle lock within the policy's cap.
    const minutes = page.getByRole('spinbutton', { name: 'Sperren nach Inaktivität (Minuten)' });
    await expect(page.getByText('Ganze Zahl von 1 bis 15; mehr erlaubt die Richtlinie dieses Arbeitsplatzes nicht.')).toBeVisible();
    await tabTo(page, minutes);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Bitte eine ganze Zahl von 1 bis 15 eingeben.')).toBeVisible();
    await minutes.fill('15');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Gespeichert: Sperre nach 15 Minuten ohne Eingabe.')).toBeVisible();
    await expectNoA11yViolations(page, 'Übersicht mit Richtlinie');

    // The sync share is the policy's and cannot be edited.
    await page.getByRole('navigation').getByRole('link', { name: 'Netzwerk' }).click();
    const shareField = page.getByRole('region', { name: 'Netz anlegen' }).getByRole('textbox', { name: 'Netzwerkordner' });
    await expect(shareField).toHaveValue(share);
    await expect(shareField).toHaveAttribute('readonly', '');
    await expect(page.getByText('Die Richtlinie dieses Arbeitsplatzes legt den gemeinsamen Ordner fest.').first()).toBeVisible();
    await expectNoA11yViolations(page, 'Netzwerk mit Richtlinie');

    // CSV is not allowed: the audit export stays reachable by keyboard, disabled, and says why.
    await page.getByRole('navigation').getByRole('link', { name: 'Protokoll' }).click();
    const exportButton = page.getByRole('button', { name: 'Als CSV exportieren …' });
    await tabTo(page, exportButton);
    await expect(exportButton).toHaveAttribute('aria-disabled', 'true');
    await expect(exportButton).toHaveAccessibleDescription('Nicht verfügbar: Die IT hat CSV-Dateien auf diesem Arbeitsplatz nicht freigegeben.');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expectNoA11yViolations(page, 'Protokoll ohne CSV-Export');
  } finally {
    await harness.close();
    cleanup();
  }
});

test('an idle lock IT fixes is shown locked with the reason, and the core refuses a change', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-policy-fixed-');
  const harness = await harnessUnder(dir, { lock: { idleMinutes: 5, maxIdleMinutes: 30 } });
  try {
    await page.goto(harness.url);
    await confirmRecoveryKey(page, await createVault(page));
    const minutes = page.getByRole('spinbutton', { name: 'Sperren nach Inaktivität (Minuten)' });
    await expect(minutes).toHaveValue('5');
    await expect(minutes).toHaveAttribute('readonly', '');
    const save = page.getByRole('region', { name: 'Automatische Sperre' }).getByRole('button', { name: 'Speichern' });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(save).toHaveAccessibleDescription('Von der IT festgelegt (Richtlinie); hier nicht änderbar.');
    await expect(policyRow(page, 'Automatische Sperre nach … Minuten').getByRole('cell')).toHaveText(['5', 'Richtliniendatei']);
    await expectNoA11yViolations(page, 'Übersicht mit festgelegter Sperre');
    // Past the UI, the core refuses too.
    const refused = await page.evaluate(() => window.kim.settings.update({ idleLockMinutes: 3 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'policy.settingLocked', params: { key: 'lock.idleMinutes' } } });
  } finally {
    await harness.close();
    cleanup();
  }
});

test('a vault of another office than the policy names is not opened: a German start error names both offices; axe clean', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-policy-office-');
  // A Lünen vault, as the set-up wizard leaves it.
  const { core } = await setupVault(join(dir, 'data'));
  await core.close();
  const harness = await harnessUnder(dir, { office: 'selm' });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte konnte nicht gestartet werden.' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      'Die Daten in diesem Ordner gehören zur Dienststelle Lünen, die Richtlinie dieses Arbeitsplatzes legt aber die Dienststelle Selm fest. Deshalb öffnet die KIM-Akte diese Daten nicht.',
    );
    await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toHaveCount(0);
    await expectNoA11yViolations(page, 'Tresor einer anderen Dienststelle');
  } finally {
    await harness.close();
    cleanup();
  }
});
