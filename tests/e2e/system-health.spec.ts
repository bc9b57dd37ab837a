import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { shot } from './case-flows';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { setupToDashboard } from './flows';

test.setTimeout(180_000);

/** Presses Tab until `target` has focus (at most `max` times): proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('target not reached by Tab');
}

test('IT sees the quick checks at sign-in, runs the full check and quarantines an orphaned file, keyboard only, axe-clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);

  // At sign-in: the quick checks ran, and what fails is on IT's start page (no backup yet on a new workstation).
  const summary = page.getByRole('region', { name: 'Systemzustand' });
  await expect(summary).toContainText('Für diese Datenbank ist keine Sicherung verzeichnet.');
  await expect(summary).toContainText('kim-akte backup');
  await expectNoA11yViolations(page, 'home with health summary');

  // An upload interrupted by a crash left a file an hour ago.
  const documents = join(harness.dataDir, 'documents');
  mkdirSync(documents, { recursive: true });
  const orphan = join(documents, 'c'.repeat(32));
  writeFileSync(orphan, 'ciphertext without a row');
  const hourAgo = Date.now() / 1000 - 3600;
  utimesSync(orphan, hourAgo, hourAgo);

  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Systemzustand' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Systemzustand' })).toBeVisible();
  const checks = page.getByTestId('health-checks');
  await expect(checks.getByRole('row', { name: /Richtlinie des Rechners/ })).toContainText('In Ordnung');
  await expect(checks.getByRole('row', { name: /Netzwerkordner/ })).toContainText('Entfällt');
  await expect(checks.getByRole('row', { name: /Dokumentenordner/ })).toContainText('Nur in der vollständigen Prüfung');
  await expect(page.getByTestId('health-checked-at')).toContainText('schnelle Prüfung');
  await expectNoA11yViolations(page, 'system health, quick');

  await tabTo(page, page.getByRole('button', { name: 'Vollständig prüfen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('health-checked-at')).toContainText('vollständige Prüfung', { timeout: 30_000 });
  const findings = page.getByRole('region', { name: 'Befunde' });
  await expect(findings).toContainText('1 Datei(en) im Dokumentenordner gehören zu keinem Dokument');
  await expect(findings).toContainText('health.orphanedFiles');
  await expect(checks.getByRole('row', { name: /Protokollkette/ })).toContainText('In Ordnung');
  await expect(checks.getByRole('row', { name: /Verschlüsselte Seiten/ })).toContainText('In Ordnung');
  await expectNoA11yViolations(page, 'system health, full with findings');
  await shot(page, 'system-health-full');

  await tabTo(page, page.getByRole('button', { name: 'Verwaiste Dateien in die Quarantäne verschieben' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 verwaiste Datei wurde in den Ordner', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(findings).not.toContainText('gehören zu keinem Dokument');
  await expect(findings).toContainText('1 Datei(en) liegen im Quarantäneordner');
  await expect(page.getByRole('button', { name: 'Verwaiste Dateien in die Quarantäne verschieben' })).toHaveCount(0);
  expect(existsSync(orphan)).toBe(false);
  const runs = readdirSync(join(harness.dataDir, 'quarantine'));
  expect(runs).toHaveLength(1);
  expect(readdirSync(join(harness.dataDir, 'quarantine', runs[0]!))).toEqual(['c'.repeat(32)]);
  await expectNoA11yViolations(page, 'system health after repair');
});
