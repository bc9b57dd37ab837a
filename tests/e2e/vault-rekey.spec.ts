import type { Locator, Page } from '@playwright/test';
import { CASE_MANAGER, shot } from './case-flows';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { ADMIN, confirmRecoveryKey, createVault, lockViaUserMenu, readRecoveryKey, unlock } from './flows';

test.setTimeout(180_000);

const RESET_PASSPHRASE = 'Lüner Hafen zählt neun blaue Kräne';

/** Tabs forward until `target` has focus (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, maxTabs = 12): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

test('IT disables an account, follows the offer to renew the database key, and the old recovery key is void', async ({ page, harness }) => {
  const kb = page.keyboard;
  await page.goto(harness.url);
  const setupKey = await createVault(page);
  await confirmRecoveryKey(page, setupKey);
  const created = await harness.api('accounts.create', { login: CASE_MANAGER.login, displayName: CASE_MANAGER.name, role: 'fallmanagement', passphrase: CASE_MANAGER.passphrase });
  expect(created.ok, JSON.stringify(created)).toBe(true);

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Benutzerkonten' }).focus();
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Datenbankschlüssel' });
  await expect(card.getByRole('button', { name: 'Datenbankschlüssel erneuern …' })).toBeVisible();
  await expect(card.getByText('Ehemalige Kolleg:innen', { exact: false })).toHaveCount(0);

  // Disable the colleague's account with the keyboard: menu button, arrow to the item, passphrase, Enter.
  const row = page.getByRole('region', { name: 'Vorhandene Konten' }).getByRole('row').filter({ hasText: CASE_MANAGER.login });
  const menuButton = row.getByRole('button', { name: `Aktionen für ${CASE_MANAGER.login}` });
  await menuButton.focus();
  await kb.press('Enter');
  const disableItem = page.getByRole('menuitem', { name: 'Deaktivieren …' });
  for (let i = 0; i < 4 && !(await disableItem.evaluate((el) => el === document.activeElement)); i++) await kb.press('ArrowDown');
  await expect(disableItem).toBeFocused();
  await kb.press('Enter');
  const disable = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ deaktivieren` });
  await expect(disable.getByRole('textbox', { name: 'Ihre eigene Passphrase' })).toBeFocused();
  await kb.type(ADMIN.passphrase);
  await kb.press('Enter');
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ wurde deaktiviert.`)).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'deaktiviert', exact: true })).toBeVisible();
  await expect(menuButton).toBeFocused();

  // The offer: why, and a button that opens the re-key dialog.
  await expect(card.getByText('Ehemalige Kolleg:innen könnten eine Kopie der Schlüsseldatei besitzen', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with the re-key offer');
  await shot(page, 'rekey-offer');
  await tabTo(page, card.getByRole('button', { name: 'Jetzt erneuern …' }));
  await kb.press('Enter');
  let dialog = page.getByRole('dialog', { name: 'Datenbankschlüssel erneuern' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('der bisherige Wiederherstellungsschlüssel wird damit ungültig');
  await expect(dialog).toContainText('Alle aktiven Konten behalten ihre Passphrasen');
  const confirm = dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' });
  await expect(confirm).toBeFocused();
  await expectNoA11yViolations(page, 're-key dialog');

  // Empty, then wrong: German errors at the field, which is emptied and focused; nothing changes.
  await kb.press('Enter');
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
  await kb.type('Das ist nicht meine Passphrase');
  await kb.press('Enter');
  await expect(dialog.getByText('Ihre Passphrase ist falsch. Es wurde nichts geändert.')).toBeVisible({ timeout: 15_000 });
  await expect(confirm).toHaveValue('');
  await expect(confirm).toBeFocused();
  await expectNoA11yViolations(page, 're-key dialog with a wrong passphrase');
  await shot(page, 'rekey-dialog');

  // A failed re-encryption and a throttled attempt (answers simulated at the transport) are explained in German.
  await page.route('**/api/vault.rekey', (route) => route.fulfill({ json: { ok: false, error: { code: 'vault.rekeyFailed', params: {} } } }));
  await kb.type(ADMIN.passphrase);
  await kb.press('Enter');
  await expect(dialog.getByRole('alert').filter({ hasText: 'Die Neuverschlüsselung ist fehlgeschlagen.' })).toContainText('es ist nichts verloren gegangen');
  await expect(confirm).toHaveValue(ADMIN.passphrase);
  await page.unroute('**/api/vault.rekey');
  await page.route('**/api/vault.rekey', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'unlock.throttled', params: { retryAfterSeconds: 30 } } } }),
  );
  await confirm.focus();
  await kb.press('Enter');
  await expect(dialog.getByText('Zu viele Fehlversuche. Bitte warten Sie 30 Sekunden, bevor Sie es erneut versuchen.')).toBeVisible();
  await expect(confirm).toHaveValue('');
  await page.unroute('**/api/vault.rekey');

  // The right passphrase: the new recovery key, shown once, differs from the one of the setup.
  await expect(confirm).toBeFocused();
  await kb.type(ADMIN.passphrase);
  await kb.press('Enter');
  dialog = page.getByRole('alertdialog', { name: 'Neuer Wiederherstellungsschlüssel' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Der Datenbankschlüssel wurde erneuert.', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Nur jetzt sichtbar')).toBeVisible();
  await expect(dialog).toContainText('Vernichten Sie den bisherigen Ausdruck');
  await expect(dialog).toContainText('Tresor der IT');
  await expect(dialog.getByText('Passphrasen zurücksetzen')).toHaveCount(0);
  const newKey = await readRecoveryKey(page);
  expect(newKey).not.toBe(setupKey);
  await expectNoA11yViolations(page, 'new recovery key after re-keying');
  await shot(page, 'rekey-new-recovery-key');

  // Escape does not throw the only copy of the key away.
  await kb.press('Escape');
  await expect(dialog).toBeVisible();

  // Proof it was written down, as at setup.
  await tabTo(page, dialog.getByRole('button', { name: 'Weiter' }));
  await kb.press('Enter');
  const lastGroup = dialog.getByRole('textbox', { name: 'Letzte Gruppe des Schlüssels' });
  await expect(lastGroup).toBeFocused();
  await expect(dialog.getByTestId('recovery-key')).toHaveCount(0);
  await kb.type(setupKey.split('-').at(-1)!);
  await kb.press('Enter');
  await expect(dialog.getByText('Das stimmt nicht mit der letzten Gruppe des Schlüssels überein.', { exact: false })).toBeVisible();
  await expect(lastGroup).toBeFocused();
  await lastGroup.fill('');
  await kb.type(newKey.split('-').at(-1)!.toLowerCase());
  await kb.press('Enter');
  const stored = dialog.getByRole('checkbox', { name: 'Ich habe den neuen Wiederherstellungsschlüssel im Tresor verwahrt und den alten Ausdruck vernichtet' });
  await expect(stored).toBeFocused();
  await expect(dialog.getByText('Bitte bestätigen Sie, dass der neue Schlüssel verwahrt und der alte Ausdruck vernichtet ist.')).toBeVisible();
  await expectNoA11yViolations(page, 'recovery key confirmation after re-keying');
  await kb.press('Space');
  await expect(stored).toBeChecked();
  await tabTo(page, dialog.getByRole('button', { name: 'Fertig' }));
  await kb.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Der Datenbankschlüssel wurde erneuert; der neue Wiederherstellungsschlüssel ist verwahrt.', { exact: false })).toBeVisible();
  await expect(card.getByText('Ehemalige Kolleg:innen', { exact: false })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Datenbankschlüssel erneuern …' })).toBeFocused();
  await expectNoA11yViolations(page, 'accounts after re-keying');

  // Still signed in: the audit trail lists the re-keying, and it still verifies across the key change.
  await nav.getByRole('link', { name: 'Protokoll' }).focus();
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unversehrtheit des Protokolls' }).getByText(/Die Protokollkette ist unversehrt/)).toBeVisible();
  const filters = page.getByRole('region', { name: 'Filter' });
  await filters.getByRole('combobox', { name: 'Aktion' }).selectOption({ label: 'Datenbankschlüssel erneuert' });
  await filters.getByRole('button', { name: 'Filter anwenden' }).click();
  const entries = page.getByRole('region', { name: 'Einträge' });
  const rekeyRow = entries.getByRole('row').filter({ hasText: 'Datenbankschlüssel erneuert' });
  await expect(rekeyRow).toHaveCount(1);
  await expect(rekeyRow).toContainText(`${ADMIN.name} (${ADMIN.login})`);
  for (const cell of ['Datenbank', 'erfolgreich']) await expect(rekeyRow.getByRole('cell', { name: cell, exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'audit view with the re-keying');

  // The administrator keeps the passphrase; the setup's recovery key opens nothing any more, the new one does.
  await lockViaUserMenu(page);
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible({ timeout: 15_000 });
  await lockViaUserMenu(page);
  await page.getByRole('button', { name: 'Mit dem Wiederherstellungsschlüssel zurücksetzen …' }).click();
  const recovery = page.getByRole('dialog', { name: 'Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen' });
  await recovery.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(setupKey);
  await recovery.getByRole('textbox', { name: 'Anmeldename des Kontos' }).fill(ADMIN.login);
  await recovery.getByRole('textbox', { name: 'Neue Passphrase', exact: true }).fill(RESET_PASSPHRASE);
  await recovery.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await recovery.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(recovery.getByText('Der Wiederherstellungsschlüssel ist falsch oder unvollständig', { exact: false })).toBeVisible({ timeout: 15_000 });
  await recovery.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(newKey);
  await recovery.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(recovery).toBeHidden({ timeout: 15_000 });
  await unlock(page, ADMIN.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible({ timeout: 15_000 });
});
