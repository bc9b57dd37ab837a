import type { Page } from '@playwright/test';
import { ADMIN_PASSPHRASE } from '../helpers/temp-vault';
import { expect } from './fixtures';

export const ADMIN = { login: 'p.schulte', name: 'Petra Schulte', passphrase: ADMIN_PASSPHRASE } as const;

/** Steps 1 and 2 of the wizard with the standard administrator; returns the recovery key shown on step 3. */
export async function createVault(page: Page, office = 'Lünen'): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeitsplatz einrichten' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${office}`) }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('textbox', { name: 'Anmeldename', exact: true }).fill(ADMIN.login);
  await page.getByRole('textbox', { name: 'Vollständiger Name', exact: true }).fill(ADMIN.name);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('textbox', { name: 'Passphrase wiederholen', exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Arbeitsplatz einrichten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Wiederherstellungsschlüssel' })).toBeVisible({ timeout: 20_000 });
  return readRecoveryKey(page);
}

export async function readRecoveryKey(page: Page): Promise<string> {
  const groups = await page.getByTestId('recovery-key').locator('code').allTextContents();
  expect(groups).toHaveLength(8);
  return groups.join('-');
}

/** Confirms the key (last group + checkbox) and lands on the dashboard. */
export async function confirmRecoveryKey(page: Page, recoveryKey: string): Promise<void> {
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('textbox', { name: 'Letzte Gruppe des Schlüssels', exact: true }).fill(recoveryKey.split('-').at(-1)!.toLowerCase());
  await page.getByRole('checkbox', { name: 'Ich habe den Wiederherstellungsschlüssel sicher verwahrt' }).check();
  await page.getByRole('button', { name: 'Weiter zur KIM-Akte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
}

export async function setupToDashboard(page: Page): Promise<void> {
  const key = await createVault(page);
  await confirmRecoveryKey(page, key);
}

export async function unlock(page: Page, login: string, passphrase: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Anmeldename', exact: true }).fill(login);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Entsperren' }).click();
}

export async function lockViaUserMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Sperren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
}
