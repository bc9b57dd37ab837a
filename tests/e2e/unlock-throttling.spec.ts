import { expect, test } from './fixtures';
import { ADMIN, unlock } from './flows';

test('three wrong passphrases make the user wait, and the lock screen says how many seconds', async ({ page, harness }) => {
  // Arrange through the API: this test is about the lock screen, not the wizard.
  expect(await harness.api('vault.setup', { office: 'lunen', adminLogin: ADMIN.login, adminName: ADMIN.name, passphrase: ADMIN.passphrase })).toMatchObject({ ok: true });
  expect(await harness.api('session.lock')).toEqual({ ok: true, value: null });

  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await expect(page.getByText('Dienststelle Lünen')).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });

  await unlock(page, ADMIN.login, 'Falsch geraten Nummer eins');
  await expect(alert).toHaveText('Anmeldename oder Passphrase ist falsch.', { timeout: 15_000 });
  await expect(passphrase).toHaveValue('');

  await passphrase.fill('Falsch geraten Nummer zwei');
  await page.keyboard.press('Enter');
  await expect(passphrase).toHaveValue('', { timeout: 15_000 });
  await expect(alert).toHaveText('Anmeldename oder Passphrase ist falsch.');

  // The third failure starts the wait; the next try inside it is refused without checking the passphrase.
  await passphrase.fill('Falsch geraten Nummer drei');
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText(/^Anmeldename oder Passphrase ist falsch\. Aus Sicherheitsgründen ist der nächste Versuch erst in \d+ Sekunden? möglich\.$/, { timeout: 15_000 });
  await passphrase.fill(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText(/^Zu viele Fehlversuche\. Bitte warten Sie \d+ Sekunden?, bevor Sie es erneut versuchen\.$/);
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });

  // After the wait, the right passphrase works.
  await page.waitForTimeout(2_500);
  await passphrase.fill(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
});
