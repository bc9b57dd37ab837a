import { expect, expectNoA11yViolations, test } from './fixtures';
import { ADMIN, createVault, lockViaUserMenu, unlock } from './flows';

// Setup, several unlocks and the recovery reset run the real KDF (scrypt, N=2^17): slow on a busy machine.
test.setTimeout(120_000);

test('setup wizard, recovery key confirmation, lock and unlock with German messages', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page).toHaveTitle('KIM-Akte');
  await expectNoA11yViolations(page, 'setup step 1 (office)');

  // Step 1 refuses to continue without an office.
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText('Bitte wählen Sie eine Möglichkeit aus.')).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 1 with error');
  await page.getByRole('radio', { name: /^Werne/ }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Erstes Administrationskonto' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('Sonnenschein');
  await expect(page.getByText(/Stärke: (sehr schwach|schwach|mäßig)/)).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 2 (administrator)');
  await page.getByRole('button', { name: 'Zurück' }).click();
  await expect(page.getByRole('radio', { name: /^Werne/ })).toBeChecked();
  const key = await createVault(page, 'Werne');
  expect(key).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  await expect(page.getByText('Die KIM-Akte für die Dienststelle Werne wurde eingerichtet.', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 3 (recovery key)');

  // Step 4: a wrong last group and a missing tick are both refused.
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Verwahrung bestätigen' })).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 4 (confirmation)');
  const wrong = key.split('-')[0] === key.split('-')[7] ? '00000000' : key.split('-')[0]!;
  await page.getByRole('textbox', { name: 'Letzte Gruppe des Schlüssels', exact: true }).fill(wrong);
  await page.getByRole('button', { name: 'Weiter zur KIM-Akte' }).click();
  await expect(page.getByText('Das stimmt nicht mit der letzten Gruppe des Schlüssels überein.', { exact: false })).toBeVisible();
  await expect(page.getByText('Bitte bestätigen Sie, dass der Schlüssel sicher verwahrt ist.')).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 4 with errors');
  await page.getByRole('textbox', { name: 'Letzte Gruppe des Schlüssels', exact: true }).fill(key.split('-')[7]!.toLowerCase());
  await page.getByRole('button', { name: 'Weiter zur KIM-Akte' }).click();
  await expect(page.getByText('Bitte bestätigen Sie, dass der Schlüssel sicher verwahrt ist.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Ich habe den Wiederherstellungsschlüssel sicher verwahrt' }).check();
  await page.getByRole('button', { name: 'Weiter zur KIM-Akte' }).click();

  // Dashboard, already unlocked as the administrator.
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByText('Willkommen, Petra Schulte')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Dienststelle Werne')).toBeVisible();
  await expect(page.getByTestId('account-count')).toHaveText('1');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Automatische Sperre' })).toBeVisible();
  await expect(page.getByText(key.split('-')[0]!)).toHaveCount(0);
  await expectNoA11yViolations(page, 'dashboard');

  // Change-passphrase dialog: opens from the user menu, validates, and is checked by axe while open.
  await page.getByRole('button', { name: /^Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Passphrase ändern …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Passphrase ändern' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Passphrase ändern' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await expectNoA11yViolations(page, 'change-passphrase dialog');
  await dialog.getByRole('textbox', { name: 'Bisherige Passphrase', exact: true }).fill('Falsche alte Passphrase 99');
  await dialog.getByRole('textbox', { name: 'Neue Passphrase', exact: true }).fill('Selmer Brücke trägt 4 violette Ochsen');
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen', exact: true }).fill('Selmer Brücke trägt 4 violette Ochsen');
  await dialog.getByRole('button', { name: 'Passphrase ändern' }).click();
  await expect(dialog.getByText('Die bisherige Passphrase ist falsch.')).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByRole('textbox', { name: 'Bisherige Passphrase', exact: true })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();

  // Lock via the user menu, then a wrong passphrase, then the right one.
  await lockViaUserMenu(page);
  await expect(page.getByText('Dienststelle Werne')).toBeVisible();
  await expect(page.getByText('Sie haben die KIM-Akte gesperrt.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toBeFocused();
  await expectNoA11yViolations(page, 'lock screen');

  await unlock(page, ADMIN.login, 'Das ist nicht meine Passphrase');
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toBeFocused();
  await expectNoA11yViolations(page, 'lock screen with error');

  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  expect((await harness.api('vault.status')) as unknown).toMatchObject({ ok: true, value: { state: 'unlocked', office: 'werne' } });
});
