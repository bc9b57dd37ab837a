import type { Page } from '@playwright/test';
import { CASE_MANAGER, asCaseManager } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { unlock } from './flows';

// Setup and several unlocks run the real KDF (scrypt, N=2^17): slow on a busy CI machine.
test.setTimeout(120_000);

type Client = { id: string; version: number; phone: string | null; city: string | null; street: string | null };

async function openClient(page: Page, harness: HarnessFixture): Promise<Client> {
  const created = await harness.api<Client>('clients.create', { familyName: 'Haddad', givenNames: 'Amina', birthDate: '1987-04-02', office: 'lunen' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  await page.goto(`${harness.url}#/klienten/${created.value.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Haddad' })).toBeVisible({ timeout: 15_000 });
  return created.value;
}

/** The idle timer's lock, as the OS/harness sends it, then the case manager unlocks again. */
async function autoLockAndUnlock(page: Page, harness: HarnessFixture): Promise<void> {
  await expect.poll(() => harness.listenerCount).toBeGreaterThan(0);
  expect(await harness.requestLock('idle')).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Haddad' })).toBeVisible({ timeout: 15_000 });
}

const draftOf = (harness: HarnessFixture, id: string) => harness.api('drafts.get', { formId: `clients.master.${id}` });

test('unsaved Stammdaten edits survive an auto-lock and are saved afterwards; the draft is gone after the save', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const client = await openClient(page, harness);
  await page.getByRole('textbox', { name: 'Telefon' }).fill('02306 778899');
  await page.getByRole('textbox', { name: 'Ort' }).fill('Lünen');

  await autoLockAndUnlock(page, harness);
  // Nothing was saved to the record by the lock: only the draft holds the input.
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true, value: { phone: null, city: null, version: client.version } });
  await expect(page.getByRole('textbox', { name: 'Telefon' })).toHaveValue('02306 778899');
  await expect(page.getByRole('textbox', { name: 'Ort' })).toHaveValue('Lünen');
  const restored = page.getByRole('status').filter({ hasText: 'Ungespeicherte Eingaben wurden wiederhergestellt' });
  await expect(restored).toBeVisible();
  await expect(restored).toContainText(/Gesichert am \d{2}\.\d{2}\.\d{4} um \d{2}:\d{2} Uhr\./);
  await expect(restored).not.toContainText('Die Akte wurde geändert');
  await expectNoA11yViolations(page, 'master data with restored draft');

  await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
  await expect(page.getByText('Die Stammdaten wurden gespeichert.')).toBeVisible();
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true, value: { phone: '02306 778899', city: 'Lünen' } });
  await expect.poll(() => draftOf(harness, client.id)).toEqual({ ok: true, value: null });
  await expect(page.getByText('Ungespeicherte Eingaben wurden wiederhergestellt')).toHaveCount(0);
});

test('a draft made on an older version meets the version check on save and overwrites nothing', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const client = await openClient(page, harness);
  await page.getByRole('textbox', { name: 'Ort' }).fill('Werne');
  // Meanwhile someone else saves the file (a colleague, or a second window).
  const other = await harness.api<Client>('clients.update', {
    id: client.id,
    version: client.version,
    familyName: 'Haddad',
    givenNames: 'Amina',
    birthDate: '1987-04-02',
    street: 'Münsterstraße 7',
  });
  expect(other.ok, JSON.stringify(other)).toBe(true);

  await autoLockAndUnlock(page, harness);
  await expect(page.getByRole('textbox', { name: 'Ort' })).toHaveValue('Werne');
  await expect(page.getByRole('status').filter({ hasText: 'Ungespeicherte Eingaben wurden wiederhergestellt' })).toContainText(
    'Die Akte wurde geändert, seit Ihre Eingaben gesichert wurden.',
  );

  await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Nicht gespeichert: die Akte wurde inzwischen geändert' });
  await expect(alert).toBeVisible();
  // The colleague's change is kept and shown; the draft's value did not overwrite anything.
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true, value: { street: 'Münsterstraße 7', city: null } });
  await expect(page.getByRole('textbox', { name: 'Straße und Hausnummer' })).toHaveValue('Münsterstraße 7');
  await expect(page.getByRole('textbox', { name: 'Ort' })).toHaveValue('');
  await expectNoA11yViolations(page, 'master data, restored draft refused as stale');

  // Re-applied on the current version, the input saves, and the draft is discarded.
  await page.getByRole('button', { name: 'Meine Eingaben wieder einsetzen' }).click();
  await expect(page.getByRole('textbox', { name: 'Ort' })).toHaveValue('Werne');
  await page.getByRole('button', { name: 'Stammdaten speichern' }).click();
  await expect(page.getByText('Die Stammdaten wurden gespeichert.')).toBeVisible();
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true, value: { city: 'Werne' } });
  await expect.poll(() => draftOf(harness, client.id)).toEqual({ ok: true, value: null });
});

test('"Änderungen verwerfen" restores the stored record and discards the kept draft', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const client = await openClient(page, harness);
  const discard = page.getByRole('button', { name: 'Änderungen verwerfen' });
  await expect(discard).toBeDisabled();
  await page.getByRole('textbox', { name: 'Telefon' }).fill('0231 555');

  await autoLockAndUnlock(page, harness);
  await expect(page.getByRole('textbox', { name: 'Telefon' })).toHaveValue('0231 555');
  expect(await draftOf(harness, client.id)).toMatchObject({ ok: true, value: { formId: `clients.master.${client.id}`, data: { phone: '0231 555' } } });

  await discard.click();
  await expect(page.getByRole('textbox', { name: 'Telefon' })).toHaveValue('');
  await expect(page.getByText('Ihre Änderungen wurden verworfen. Angezeigt wird der gespeicherte Stand.')).toBeVisible();
  await expect.poll(() => draftOf(harness, client.id)).toEqual({ ok: true, value: null });

  // Lock again without edits: nothing is restored, and nothing was saved.
  await autoLockAndUnlock(page, harness);
  await expect(page.getByRole('textbox', { name: 'Telefon' })).toHaveValue('');
  await expect(page.getByText('Ungespeicherte Eingaben wurden wiederhergestellt')).toHaveCount(0);
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true, value: { phone: null, version: client.version } });
});
