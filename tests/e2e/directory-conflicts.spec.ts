import type { Locator, Page } from '@playwright/test';
import { tempDir } from '../helpers/temp-vault';
import { DIRECTORY_PARTNER, DIRECTORY_STAFF, DIRECTORY_WRITES, seedDirectoryConflict } from '../harness/directory-conflict-seed';
import { expect, expectNoA11yViolations, openHarness, test, type HarnessFixture } from './fixtures';
import { unlock } from './flows';

// Two real workstations are set up, enrolled and synced before the browser opens.
test.setTimeout(300_000);

async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

test('Koordination sees a concurrent change of the directory from another office and keeps the other value, by keyboard; axe clean', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-directory-conflict-');
  let harness: HarnessFixture | null = null;
  try {
    const { dataDir } = await seedDirectoryConflict(dir);
    harness = await openHarness(dataDir);
    const me = DIRECTORY_STAFF.lunen;
    await page.goto(`${harness.url}#/partnernetz`);
    await unlock(page, me.login, me.passphrase);
    await expect(page.getByRole('heading', { level: 1, name: 'Partnernetz' })).toBeVisible({ timeout: 15_000 });

    const rows = page.getByRole('table', { name: 'Gleichzeitige Änderungen' }).getByTestId('partner-conflict');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(DIRECTORY_PARTNER.name);
    await expect(rows.first()).toContainText('Öffnungszeiten');
    await expect(rows.first().getByRole('cell').nth(2)).toContainText(DIRECTORY_WRITES.selm);
    await expect(rows.first().getByRole('cell').nth(2)).toContainText('Dirk Brandt');
    await expect(rows.first().getByRole('cell').nth(3)).toContainText(DIRECTORY_WRITES.lunen);
    await expectNoA11yViolations(page, 'Partnernetz mit gleichzeitigen Änderungen');

    await tabTo(page, page.getByRole('button', { name: `Öffnungszeiten: „${DIRECTORY_WRITES.lunen}“ behalten` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Der Wert für „${DIRECTORY_PARTNER.name}“ wurde übernommen` })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Gleichzeitige Änderungen' })).toHaveCount(0);
    await page.getByRole('button', { name: `Details: ${DIRECTORY_PARTNER.name}` }).click();
    await expect(page.locator('section[aria-labelledby="partner-detail-title"]')).toContainText(DIRECTORY_WRITES.lunen);
  } finally {
    await harness?.close();
    cleanup();
  }
});
