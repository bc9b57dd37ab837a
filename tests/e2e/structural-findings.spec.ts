import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function tabTo(page: Page, target: Locator, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

/** A case of the case manager's, arranged through the API; returns the case id. */
async function seedCase(harness: HarnessFixture): Promise<string> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const client = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Haddad', givenNames: 'Lina' }));
  const kase = await ok(harness.api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  await ok(harness.api('session.lock'));
  return kase.id;
}

test('a case manager records a structural finding from a case (refused first for naming the client), Koordination sees it counted; keyboard only, axe clean', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  const caseId = await seedCase(harness);

  await page.reload();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Haddad/ })).toBeVisible({ timeout: 15_000 });
  await tabTo(page, page.getByRole('button', { name: 'Systemhinweis erfassen' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Systemhinweis erfassen' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Systemhinweis erfassen');

  // Every field by keyboard: selects take typed letters.
  await tabTo(page, dialog.getByRole('combobox', { name: 'Lebensbereich' }));
  await page.keyboard.type('Sprache');
  await tabTo(page, dialog.getByRole('combobox', { name: 'Art der Hürde' }));
  await page.keyboard.type('Keine Kinder');
  await expect(dialog.getByRole('combobox', { name: 'Art der Hürde' })).toHaveValue('no-childcare');
  await tabTo(page, dialog.getByRole('combobox', { name: 'Art der Stelle' }));
  await page.keyboard.type('Sprachkurs');
  await tabTo(page, dialog.getByRole('textbox', { name: /Beschreibung der Hürde/ }));
  await page.keyboard.type('Frau Haddad findet keinen Integrationskurs mit Kinderbetreuung.');
  await tabTo(page, dialog.getByRole('button', { name: 'Hinweis speichern' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Der Text scheint auf eine Person hinzuweisen (Name der Klientin / des Klienten)')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /Beschreibung der Hürde/ })).toBeFocused();
  await expectNoA11yViolations(page, 'Dialog Systemhinweis mit Fehler');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('In Selm gibt es keinen Integrationskurs mit Kinderbetreuung.');
  await tabTo(page, dialog.getByRole('button', { name: 'Hinweis speichern' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Der Systemhinweis wurde gespeichert.')).toBeVisible();

  // The case manager's own list.
  await page.goto(`${harness.url}#/systemhinweise`);
  await expect(page.getByRole('heading', { level: 1, name: 'Systemhinweise' })).toBeVisible();
  await expect(page.getByTestId('finding-row')).toHaveCount(1);
  await expect(page.getByTestId('finding-row').first()).toContainText('Keine Kinderbetreuung');
  await expectNoA11yViolations(page, 'Systemhinweise (Fallmanagement)');

  // Koordination: counted and grouped, every figure in a table.
  await lockViaUserMenu(page);
  await page.goto(`${harness.url}#/uebersicht`);
  await unlock(page, KO.login, KO.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await tabTo(page, nav.getByRole('link', { name: 'Systemhinweise' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Systemhinweise' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '1 Systemhinweis im gewählten Zeitraum' })).toBeVisible();
  const byBarrier = page.getByRole('table', { name: 'Nach Art der Hürde' });
  await expect(byBarrier.getByRole('row', { name: /Keine Kinderbetreuung/ })).toContainText('1');
  await expect(page.getByRole('table', { name: 'Nach Art der Stelle' })).toContainText('Sprachkursträger');
  await expectNoA11yViolations(page, 'Systemhinweise (Koordination)');
});
