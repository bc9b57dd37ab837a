import { expect, test } from './fixtures';
import { ADMIN, setupToDashboard, unlock } from './flows';

test('the idle timer locks after the configured minutes and keeps the draft', async ({ page, harness }) => {
  await page.clock.install();
  await page.goto(harness.url);
  await setupToDashboard(page);

  const minutes = page.getByRole('spinbutton', { name: 'Sperren nach Inaktivität (Minuten)' });
  await expect(minutes).toHaveValue('10');
  await minutes.fill('1');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Gespeichert: Sperre nach 1 Minute ohne Eingabe.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Notiz', exact: true }).fill('Dolmetscherin für Donnerstag anfragen');

  // 50 s of quiet: still unlocked. Then past the minute: locked, and the reason is shown.
  await page.clock.fastForward(50_000);
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  await page.clock.fastForward(20_000);
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await expect(page.getByText('Die KIM-Akte wurde nach längerer Inaktivität automatisch gesperrt.')).toBeVisible();

  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('textbox', { name: 'Notiz', exact: true })).toHaveValue('Dolmetscherin für Donnerstag anfragen', { timeout: 15_000 });
});
