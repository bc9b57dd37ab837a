import { CASE_MANAGER, asCaseManager } from './case-flows';
import { expect, expectNoA11yViolations, test } from './fixtures';

// Setup, two unlocks and each passphrase check run the real KDF (scrypt, N=2^17): slow on a busy CI machine.
test.setTimeout(120_000);

type Detail = { id: string; household: { id: string; name: string }[]; residenceHistory: { id: string }[] };

test('a household member is added and removed again, with the passphrase as confirmation, and stays gone after a reload', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const created = await harness.api<Detail>('clients.create', { familyName: 'Rahimi', givenNames: 'Fatima', office: 'lunen' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.value.id;
  await page.goto(`${harness.url}#/klienten/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fatima Rahimi' })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('tab', { name: 'Haushalt' }).click();
  await expect(page.getByText('Noch keine Haushaltsmitglieder erfasst.')).toBeVisible();
  const addForm = page.getByRole('form', { name: 'Haushaltsmitglied hinzufügen' });
  await addForm.getByRole('textbox', { name: 'Name' }).fill('Omid Rahimi');
  await addForm.getByRole('combobox', { name: 'Beziehung' }).selectOption({ label: 'Kind' });
  await addForm.getByRole('textbox', { name: 'Geburtsjahr' }).fill('2016');
  await addForm.getByRole('button', { name: 'Hinzufügen' }).click();
  const row = page.getByRole('row', { name: /Omid Rahimi Kind 2016/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Haushalt' })).toBeVisible();

  // Still there after a reload: it was stored, not just shown.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Fatima Rahimi' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Haushalt' }).click();
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'Omid Rahimi aus dem Haushalt entfernen' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Haushaltsmitglied entfernen?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Omid Rahimi wird aus dem Haushalt entfernt.');
  const passphrase = dialog.getByLabel('Ihre Passphrase');
  await expect(passphrase).toHaveAttribute('type', 'password');
  await expectNoA11yViolations(page, 'remove household member dialog');

  // Without a passphrase, and with a wrong one, nothing is removed.
  await dialog.getByRole('button', { name: 'Entfernen' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
  await passphrase.fill('Lippe-Ufer 1907 sieht Krähen!');
  await dialog.getByRole('button', { name: 'Entfernen' }).click();
  await expect(dialog.getByText('Die Passphrase ist falsch. Es wurde nichts gelöscht.')).toBeVisible({ timeout: 15_000 });
  await expect(passphrase).toHaveValue('');
  await expect(passphrase).toBeFocused();
  await expectNoA11yViolations(page, 'remove household member dialog, wrong passphrase');
  const kept = await harness.api<Detail>('clients.get', { id });
  expect(kept.ok && kept.value.household.map((m) => m.name)).toEqual(['Omid Rahimi']);

  await passphrase.fill(CASE_MANAGER.passphrase);
  await dialog.getByRole('button', { name: 'Entfernen' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Omid Rahimi wurde aus dem Haushalt entfernt.' })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('Noch keine Haushaltsmitglieder erfasst.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Fatima Rahimi' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Haushalt' }).click();
  await expect(page.getByText('Noch keine Haushaltsmitglieder erfasst.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Omid Rahimi' })).toHaveCount(0);
  const after = await harness.api<Detail>('clients.get', { id });
  expect(after.ok && after.value.household).toEqual([]);
});

test('removing a residence entry asks for the passphrase; cancelling keeps the entry', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  const created = await harness.api<Detail>('clients.create', { familyName: 'Kovalenko', givenNames: 'Oleksandr', office: 'lunen' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.value.id;
  const added = await harness.api<Detail>('residence.add', { clientId: id, type: 'duldung', validFrom: '2025-01-01', validUntil: '2025-06-30' });
  expect(added.ok, JSON.stringify(added)).toBe(true);
  await page.goto(`${harness.url}#/klienten/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Oleksandr Kovalenko' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Aufenthalt' }).click();

  const remove = page.getByRole('button', { name: 'Eintrag „Duldung“ entfernen' });
  await remove.click();
  const dialog = page.getByRole('alertdialog', { name: 'Aufenthaltsstatus entfernen?' });
  await dialog.getByLabel('Ihre Passphrase').fill('nicht meine Passphrase');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Duldung', exact: true })).toBeVisible();

  // Opened again, the field is empty: a typed passphrase never outlives the dialog.
  await remove.click();
  await expect(dialog.getByLabel('Ihre Passphrase')).toHaveValue('');
  await dialog.getByLabel('Ihre Passphrase').fill(CASE_MANAGER.passphrase);
  await dialog.getByLabel('Ihre Passphrase').press('Enter');
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Der Eintrag „Duldung“ wurde aus der Historie entfernt.' })).toBeVisible();
  await expect(page.getByText('Noch kein Aufenthaltsstatus erfasst.')).toBeVisible();
  const after = await harness.api<Detail>('clients.get', { id });
  expect(after.ok && after.value.residenceHistory).toEqual([]);
});
