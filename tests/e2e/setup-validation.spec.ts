import { expect, expectNoA11yViolations, test } from './fixtures';
import { ADMIN } from './flows';

test('weak passphrase, mismatching repeat and a bad login are refused in German and nothing is created', async ({ page, harness }) => {
  await page.goto(harness.url);
  await page.getByRole('radio', { name: /^Selm/ }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();

  const login = page.getByRole('textbox', { name: 'Anmeldename', exact: true });
  const name = page.getByRole('textbox', { name: 'Vollständiger Name', exact: true });
  const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
  const repeat = page.getByRole('textbox', { name: 'Passphrase wiederholen', exact: true });
  const submit = page.getByRole('button', { name: 'Arbeitsplatz einrichten' });

  // Empty form: every field says what is missing, focus goes to the first.
  await submit.click();
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.')).toHaveCount(4);
  await expect(login).toBeFocused();
  await expect(login).toHaveAttribute('aria-invalid', 'true');

  await login.fill('Petra Schulte');
  await name.fill('P');
  await passphrase.fill('sommer2024');
  await repeat.fill('sommer2024');
  await submit.click();
  await expect(page.getByText('Nur Kleinbuchstaben (a–z), Ziffern, Punkt, Binde- und Unterstrich', { exact: false })).toBeVisible();
  await expect(page.getByText('Bitte mindestens 2 Zeichen eingeben.')).toBeVisible();
  await expect(page.getByText('Die Passphrase muss mindestens 12 Zeichen lang sein.')).toBeVisible();
  await expect(page.getByText('Mindestens 12 Zeichen (bisher 10) – nicht erfüllt')).toBeVisible();
  await expectNoA11yViolations(page, 'setup step 2 with errors');

  // Long enough but guessable: zxcvbn's verdict is shown with its hint, the form refuses.
  await login.fill(ADMIN.login);
  await name.fill(ADMIN.name);
  await passphrase.fill('passwortpasswort');
  await repeat.fill('passwortpasswort');
  await submit.click();
  await expect(page.getByText('Die Passphrase ist zu leicht zu erraten.', { exact: false })).toBeVisible();
  await expect(page.getByText('Mindestens „stark“ (3 von 4) – nicht erfüllt')).toBeVisible();
  await expect(passphrase).toBeFocused();

  // Strong, but the repeat differs.
  await passphrase.fill(ADMIN.passphrase);
  await repeat.fill(`${ADMIN.passphrase}x`);
  await expect(page.getByText('Mindestens „stark“ (3 von 4) – erfüllt')).toBeVisible();
  await submit.click();
  await expect(page.getByText('Die beiden Passphrasen stimmen nicht überein.')).toBeVisible();
  await expect(repeat).toBeFocused();

  // Nothing was created: the core still reports an empty data directory, and refuses a weak passphrase itself.
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  const direct = await harness.api('vault.setup', { office: 'selm', adminLogin: 'admin', adminName: 'Petra Schulte', passphrase: 'sommer2024' });
  expect(direct).toMatchObject({ ok: false, error: { code: 'passphrase.tooWeak' } });
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
});
