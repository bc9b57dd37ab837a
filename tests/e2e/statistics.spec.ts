import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };
const VW = { login: 'vw.peters', name: 'Jonas Peters', passphrase: 'Aktenwagen quietschen leise im dritten Stock 88' };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

/** Seven clients with open cases of this year (the case manager's), through the API. */
async function seedCases(harness: HarnessFixture): Promise<void> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const people: [string, string, string][] = [
    ['Haddad', 'Lina', 'female'],
    ['Haddad', 'Omar', 'male'],
    ['Kovalenko', 'Iryna', 'female'],
    ['Rahimi', 'Farid', 'male'],
    ['Tesfaye', 'Selam', 'female'],
    ['Yilmaz', 'Ayse', 'female'],
    ['Nowak', 'Piotr', 'male'],
  ];
  for (const [familyName, givenNames, gender] of people) {
    const client = await ok(harness.api<{ id: string }>('clients.create', { familyName, givenNames, gender, birthDate: '1990', nationalities: ['SY'] }));
    await ok(harness.api('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  }
  await ok(harness.api('session.lock'));
}

test('Koordination computes the statistics for this year by keyboard: tables, charts, suppression, CSV export; axe clean; Verwaltung has no Statistik', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  await enrolViaApi(harness, VW, 'verwaltung');
  await seedCases(harness);

  await page.reload();
  await unlock(page, KO.login, KO.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await tabTo(page, nav.getByRole('link', { name: 'Statistik' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Statistik' })).toBeVisible();
  // Last year first: nothing happened then in this fresh vault.
  await expect(page.getByText(/Zahlen für .* berechnet/)).toBeVisible({ timeout: 20_000 });
  await expectNoA11yViolations(page, 'Statistik (Vorjahr)');

  // This year, chosen by keyboard.
  await tabTo(page, page.getByRole('combobox', { name: 'Schnellauswahl' }));
  await page.keyboard.type('laufendes');
  await expect(page.getByRole('combobox', { name: 'Schnellauswahl' })).toHaveValue('thisYear');
  await tabTo(page, page.getByRole('button', { name: 'Zahlen berechnen' }));
  await page.keyboard.press('Enter');
  const cases = page.getByTestId('statistics-table-cases');
  await expect(cases.getByRole('row', { name: /neu eröffnet 7/ })).toBeVisible({ timeout: 20_000 });
  await expect(cases.getByRole('row', { name: /abgeschlossen 0/ })).toBeVisible();
  // 4 women, 3 men: both below 5, so both suppressed; the total 7 is shown; no chart draws a bar for them.
  const gender = page.getByTestId('statistics-table-clientsByGender');
  await expect(gender.getByRole('row', { name: /weiblich < 5/ })).toBeVisible();
  await expect(gender.getByRole('row', { name: /männlich < 5/ })).toBeVisible();
  await expect(gender.getByRole('row', { name: /Summe 7/ })).toBeVisible();
  const chart = page.getByTestId('statistics-chart-clientsByGender');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart.locator('rect')).toHaveCount(0);
  await expect(page.getByTestId('statistics-chart-clientsByNationality').locator('rect')).toHaveCount(1);
  await expectNoA11yViolations(page, 'Statistik (laufendes Jahr)');

  // A period the other way round is refused in the form, in German, before any call.
  const from = page.getByRole('textbox', { name: 'Von' });
  await tabTo(page, from);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31.12.2030');
  await tabTo(page, page.getByRole('button', { name: 'Zahlen berechnen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Das Ende darf nicht vor dem Beginn liegen.')).toBeVisible();
  await expectNoA11yViolations(page, 'Statistik mit Fehler');

  // CSV export by keyboard: the file comes from the core, named without personal data.
  const downloaded = page.waitForEvent('download');
  await tabTo(page, page.getByRole('button', { name: 'CSV herunterladen (Excel)' }));
  await page.keyboard.press('Enter');
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^kim-statistik-lunen-\d{4}-01-01-bis-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText(/Die Datei kim-statistik-lunen-.*\.csv wurde erstellt\./)).toBeVisible();

  // Verwaltung: no Statistik in the navigation.
  await lockViaUserMenu(page);
  await unlock(page, VW.login, VW.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(nav.getByRole('link', { name: 'Systemhinweise' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Statistik' })).toHaveCount(0);
});
