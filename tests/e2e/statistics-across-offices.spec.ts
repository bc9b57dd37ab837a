import type { Locator, Page } from '@playwright/test';
import { tempDir } from '../helpers/temp-vault';
import { AGGREGATE_STAFF, seedStatisticsAggregates } from '../harness/statistics-aggregate-seed';
import { expect, expectNoA11yViolations, openHarness, test, type HarnessFixture } from './fixtures';
import { lockViaUserMenu, unlock } from './flows';

test.setTimeout(240_000);

async function tabTo(page: Page, target: Locator, maxTabs = 150): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

async function toStatistics(page: Page): Promise<void> {
  // After a lock the app returns to the page it showed; the navigation is there either way.
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible({ timeout: 15_000 });
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Statistik' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Statistik' })).toBeVisible();
  await expect(page.getByText(/Zahlen für .* berechnet/)).toBeVisible({ timeout: 20_000 });
}

async function chooseThisYear(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('combobox', { name: 'Schnellauswahl' }));
  await page.keyboard.type('laufendes');
  await expect(page.getByRole('combobox', { name: 'Schnellauswahl' })).toHaveValue('thisYear');
  await tabTo(page, page.getByRole('button', { name: 'Zahlen berechnen' }));
  await page.keyboard.press('Enter');
}

test('Lünen reports its figures to Koordination and Koordination combines Lünen and Werne, by keyboard; below 5 in each office, shown in the sum; axe clean', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-aggregates-');
  let harness: HarnessFixture | null = null;
  try {
    // Lünen (this workstation) and Werne each opened three cases this year; Werne has reported already.
    const { dataDir } = await seedStatisticsAggregates(dir);
    harness = await openHarness(dataDir);
    await page.goto(harness.url);

    // The case manager of Lünen reports this year's figures.
    await unlock(page, AGGREGATE_STAFF.lunen.login, AGGREGATE_STAFF.lunen.passphrase);
    await toStatistics(page);
    await chooseThisYear(page);
    await expect(page.getByTestId('statistics-table-cases').getByRole('row', { name: /neu eröffnet < 5/ })).toBeVisible({ timeout: 20_000 });
    // A case manager has no tab for combining.
    await expect(page.getByRole('tab', { name: 'Dienststellen zusammenführen' })).toHaveCount(0);
    const report = page.getByRole('region', { name: 'An Koordination melden' });
    await tabTo(page, report.getByRole('button', { name: 'Zahlen an Koordination melden' }));
    await page.keyboard.press('Enter');
    await expect(report.getByText(/wurden gemeldet, verschlüsselt für 1 Arbeitsplatz der Koordination/)).toBeVisible({ timeout: 20_000 });
    await expect(report.getByRole('list', { name: 'Empfangende Arbeitsplätze' })).toContainText('Arbeitsplatz in Lünen, Fingerabdruck');
    await expectNoA11yViolations(page, 'Statistik: an Koordination gemeldet');

    // Koordination on the same workstation combines.
    await lockViaUserMenu(page);
    await unlock(page, AGGREGATE_STAFF.koordination.login, AGGREGATE_STAFF.koordination.passphrase);
    await toStatistics(page);
    await chooseThisYear(page);
    await expect(page.getByTestId('statistics-table-cases').getByRole('row', { name: /neu eröffnet < 5/ })).toBeVisible({ timeout: 20_000 });
    // The tab list is one stop: Tab to the selected tab, arrow to the other, Enter.
    await tabTo(page, page.getByRole('tab', { name: 'Eigene Dienststelle (Lünen)' }));
    await page.keyboard.press('ArrowRight');
    const tab = page.getByRole('tab', { name: 'Dienststellen zusammenführen' });
    await expect(tab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const received = page.getByTestId('received-aggregates');
    await expect(received.getByRole('row')).toHaveCount(3, { timeout: 20_000 });
    await expect(received.getByRole('row', { name: /Lünen .* geprüft/ })).toBeVisible();
    await expect(received.getByRole('row', { name: /Werne .* geprüft/ })).toBeVisible();
    await expectNoA11yViolations(page, 'Statistik: gemeldete Zahlen der Dienststellen');

    await tabTo(page, page.getByRole('button', { name: /^Zusammenführen für / }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('region', { name: /^Alle Dienststellen zusammen/ });
    await expect(summary).toBeVisible({ timeout: 20_000 });
    await expect(summary).toContainText('Enthalten: Lünen, Werne');
    await expect(summary).toContainText('Keine Meldung für diesen Zeitraum: Selm');
    // Three new cases in each office ("< 5" there), six together: shown.
    await expect(page.getByTestId('statistics-table-cases').getByRole('row', { name: /neu eröffnet 6/ })).toBeVisible();
    await expectNoA11yViolations(page, 'Statistik: Dienststellen zusammengeführt');

    // The sum as CSV, by keyboard: named for the offices, not for one.
    const downloaded = page.waitForEvent('download');
    await tabTo(page, page.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'CSV herunterladen (Excel)' }));
    await page.keyboard.press('Enter');
    expect((await downloaded).suggestedFilename()).toMatch(/^kim-statistik-dienststellen-\d{4}-01-01-bis-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(page.getByText(/Die Datei kim-statistik-dienststellen-.*\.csv wurde erstellt\./)).toBeVisible();

    // A period no office reported: refused in German, naming what was reported.
    await tabTo(page, page.getByRole('combobox', { name: 'Schnellauswahl' }));
    await page.keyboard.type('Vorjahr');
    await tabTo(page, page.getByRole('button', { name: 'Zahlen berechnen' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: /^Zusammenführen für / }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Für genau diesen Zeitraum liegen keine Meldungen vor' })).toBeVisible({ timeout: 20_000 });
    await expectNoA11yViolations(page, 'Statistik: Zeitraum ohne Meldungen');
  } finally {
    await harness?.close();
    cleanup();
  }
});
