import { expect, test } from './fixtures';
import { ADMIN, setupToDashboard, unlock } from './flows';

const NOTE = 'Rückruf Frau Demir wegen Sprachkurs (B1) – Termin Jobcenter prüfen';

test('unsaved input survives a lock requested by the OS and is restored with a notice', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const note = page.getByRole('textbox', { name: 'Notiz', exact: true });
  await note.fill(NOTE);

  // The page listens for lock requests (EventSource); then the "OS" sends one.
  await expect.poll(() => harness.listenerCount).toBeGreaterThan(0);
  expect(await harness.requestLock('suspend')).toBeGreaterThan(0);

  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await expect(page.getByText('Die KIM-Akte wurde gesperrt, weil der Computer in den Ruhezustand gewechselt ist.')).toBeVisible();
  expect(await harness.api('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
  // The page was reloaded: the note is nowhere in the DOM of the lock screen.
  await expect(page.getByText(NOTE)).toHaveCount(0);

  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(note).toHaveValue(NOTE);
  await expect(page.getByRole('status').filter({ hasText: 'Ungespeicherte Eingaben wurden wiederhergestellt' })).toBeVisible();
  await expect(page.getByText(/Gesichert am \d{2}\.\d{2}\.\d{4} um \d{2}:\d{2} Uhr\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Offene Entwürfe' }).getByText('Notiz an mich')).toBeVisible();

  // Discarding the note discards the stored draft too.
  await page.getByRole('button', { name: 'Notiz verwerfen' }).click();
  await expect(note).toHaveValue('');
  await expect(page.getByText('Ungespeicherte Eingaben wurden wiederhergestellt')).toHaveCount(0);
  await expect.poll(async () => harness.api('drafts.get', { formId: 'home.scratchNote' })).toEqual({ ok: true, value: null });
});

test('the lock from the user menu saves the draft as well, and an emptied note leaves no stale draft', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const note = page.getByRole('textbox', { name: 'Notiz', exact: true });
  await note.fill('Aktenzeichen für Herrn Haddad nachtragen');
  await page.getByRole('button', { name: /^Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Sperren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(note).toHaveValue('Aktenzeichen für Herrn Haddad nachtragen', { timeout: 15_000 });

  // Empty it by hand and lock again: the stale draft must not come back.
  await note.fill('');
  await page.getByRole('button', { name: /^Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Sperren' }).click();
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Keine offenen Entwürfe.')).toBeVisible();
  await expect(note).toHaveValue('');
});
