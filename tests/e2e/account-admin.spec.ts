import { CASE_MANAGER, shot } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { ADMIN, confirmRecoveryKey, createVault, lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const RESET_PASSPHRASE = 'Lüner Hafen zählt neun blaue Kräne';

interface Account {
  id: string;
  login: string;
  version: number;
  displayName: string;
  role: string;
  active: boolean;
}

async function accountByLogin(harness: HarnessFixture, login: string): Promise<Account> {
  const r = await harness.api<Account[]>('accounts.list');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.find((a) => a.login === login)!;
}

test('IT changes a role, disables, re-enables and resets an account; a disabled account cannot unlock', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const created = await harness.api('accounts.create', { login: CASE_MANAGER.login, displayName: CASE_MANAGER.name, role: 'fallmanagement', passphrase: CASE_MANAGER.passphrase });
  expect(created.ok, JSON.stringify(created)).toBe(true);

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Benutzerkonten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Vorhandene Konten' });
  const row = list.getByRole('row').filter({ hasText: CASE_MANAGER.login });
  const own = list.getByRole('row').filter({ hasText: ADMIN.login });
  await expect(row.getByRole('cell', { name: 'aktiv', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Lünen', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'noch nie' })).toBeVisible();
  await expect(own.getByRole('cell', { name: `${ADMIN.name} (Sie)` })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with administration');
  await shot(page, 'accounts-admin');

  // Own account: no disabling and no reset in the menu, and the role cannot be changed.
  await own.getByRole('button', { name: `Aktionen für ${ADMIN.login}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Deaktivieren …' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Name und Rolle ändern …' }).click();
  let dialog = page.getByRole('dialog', { name: `Konto „${ADMIN.login}“ bearbeiten` });
  await expect(dialog.getByRole('combobox', { name: 'Rolle' })).toBeDisabled();
  await expect(dialog.getByText('Ihre eigene Rolle kann nur eine andere Person der IT-Administration ändern.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await expect(own.getByRole('button', { name: `Aktionen für ${ADMIN.login}` })).toBeFocused();

  // Role change: asks for the administrator's own passphrase; a wrong one changes nothing.
  await row.getByRole('button', { name: `Aktionen für ${CASE_MANAGER.login}` }).click();
  await expectNoA11yViolations(page, 'account actions menu');
  await page.getByRole('menuitem', { name: 'Name und Rolle ändern …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ bearbeiten` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Rolle' }).selectOption({ label: 'Koordination' });
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' })).toBeFocused();
  await expectNoA11yViolations(page, 'edit account dialog with error');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill('Das ist nicht meine Passphrase');
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(dialog.getByText('Ihre Passphrase ist falsch. Es wurde nichts geändert.')).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' })).toHaveValue('');
  expect((await accountByLogin(harness, CASE_MANAGER.login)).role).toBe('fallmanagement');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ wurde geändert: ${CASE_MANAGER.name}, Koordination.`)).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell', { name: 'Koordination' })).toBeVisible();

  // Disabling while someone else changed the account: the stale version is reported, nothing is overwritten.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Deaktivieren …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ deaktivieren` });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'disable account dialog');
  const current = await accountByLogin(harness, CASE_MANAGER.login);
  const renamed = await harness.api('accounts.update', { ...pick(current), displayName: 'Aylin Yılmaz-Berg', confirmPassphrase: ADMIN.passphrase });
  expect(renamed.ok, JSON.stringify(renamed)).toBe(true);
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'inzwischen von jemand anderem geändert' })).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page, 'disable account dialog, stale version');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(row.getByRole('cell', { name: 'Aylin Yılmaz-Berg', exact: true })).toBeVisible();
  expect((await accountByLogin(harness, CASE_MANAGER.login)).active).toBe(true);

  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Deaktivieren …' }).click();
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ wurde deaktiviert.`)).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'deaktiviert', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with a disabled account');

  // The disabled account cannot unlock, not even with its old passphrase.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  // The location stays on the accounts page across the lock.
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible({ timeout: 15_000 });
  await expect(own).toContainText(/\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);

  // Re-enabled, the account waits for a passphrase reset.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Reaktivieren …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ reaktivieren` });
  await expectNoA11yViolations(page, 'enable account dialog');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto reaktivieren' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ ist wieder aktiv.`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'wartet auf Zurücksetzen' })).toBeVisible();

  // Reset with the strength meter; a weak passphrase is refused before anything is sent.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' }).click();
  dialog = page.getByRole('dialog', { name: `Passphrase für „${CASE_MANAGER.login}“ zurücksetzen` });
  await dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' }).fill('sommer2026');
  await expect(dialog.getByText(/Stärke: (sehr schwach|schwach|mäßig)/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' })).toBeFocused();
  await expectNoA11yViolations(page, 'reset passphrase dialog with errors');
  await shot(page, 'reset-passphrase-dialog');
  await dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' }).fill(RESET_PASSPHRASE);
  await expect(dialog.getByText(/Stärke: (stark|sehr stark)/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(page.getByText(`Die Passphrase für „${CASE_MANAGER.login}“ wurde zurückgesetzt.`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'aktiv', exact: true })).toBeVisible();

  // The colleague signs in with the new passphrase, in the new role.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Benutzermenü: Aylin Yılmaz-Berg, Koordination/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Benutzerkonten' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Protokoll' })).toHaveCount(0);
});

function pick(a: Account) {
  return { id: a.id, version: a.version, displayName: a.displayName, role: a.role, active: a.active };
}

test('the lock screen resets a forgotten passphrase with the recovery key', async ({ page, harness }) => {
  await page.goto(harness.url);
  const key = await createVault(page);
  await confirmRecoveryKey(page, key);
  await lockViaUserMenu(page);

  await page.getByRole('button', { name: 'Mit dem Wiederherstellungsschlüssel zurücksetzen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'recovery reset dialog');
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' })).toBeFocused();
  await expectNoA11yViolations(page, 'recovery reset dialog with errors');

  // A well-formed but wrong key is refused by the core.
  const groups = key.split('-');
  const wrongKey = [groups[0] === '00000000' ? '11111111' : '00000000', ...groups.slice(1)].join('-');
  await dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(wrongKey);
  await dialog.getByRole('textbox', { name: 'Anmeldename des Kontos' }).fill(ADMIN.login);
  await dialog.getByRole('textbox', { name: 'Neue Passphrase', exact: true }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByText('Der Wiederherstellungsschlüssel ist falsch oder unvollständig', { exact: false })).toBeVisible({ timeout: 15_000 });

  await dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(key.toLowerCase().replace(/-/g, ' '));
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText(`Die Passphrase für „${ADMIN.login}“ wurde zurückgesetzt.`, { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toHaveValue(ADMIN.login);
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toBeFocused();
  await expectNoA11yViolations(page, 'lock screen after recovery reset');

  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await unlock(page, ADMIN.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
});
