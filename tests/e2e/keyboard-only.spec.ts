import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN } from './flows';

async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, maxTabs = 8): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

test('setup, lock and unlock work with the keyboard alone', async ({ page, harness }) => {
  await page.goto(harness.url);
  const kb = page.keyboard;
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeitsplatz einrichten' })).toBeVisible();

  // Skip link first; it moves focus into the main landmark.
  await kb.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await kb.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Step 1: Tab into the radio group, Space picks, arrows move, Enter on "Weiter".
  await tabTo(page, page.getByRole('radio', { name: /^Lünen/ }));
  await kb.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Werne/ })).toBeChecked();
  await kb.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /^Lünen/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Weiter' }));
  await kb.press('Enter');

  // Step 2: focus lands on the step heading; fields in reading order; Enter submits.
  await expect(page.getByRole('heading', { level: 2, name: 'Erstes Administrationskonto' })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toBeFocused();
  await kb.type(ADMIN.login);
  await kb.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Vollständiger Name', exact: true })).toBeFocused();
  await kb.type(ADMIN.name);
  await kb.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toBeFocused();
  await kb.type(ADMIN.passphrase);
  await kb.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Passphrase wiederholen', exact: true })).toBeFocused();
  await kb.type(ADMIN.passphrase);
  await kb.press('Enter');

  // Step 3 → 4.
  await expect(page.getByRole('heading', { level: 2, name: 'Wiederherstellungsschlüssel' })).toBeFocused({ timeout: 20_000 });
  const groups = await page.getByTestId('recovery-key').locator('code').allTextContents();
  await tabTo(page, page.getByRole('button', { name: 'Weiter' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Verwahrung bestätigen' })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Letzte Gruppe des Schlüssels', exact: true })).toBeFocused();
  await kb.type(groups.at(-1)!);
  await kb.press('Tab');
  await expect(page.getByRole('checkbox')).toBeFocused();
  await kb.press('Space');
  await expect(page.getByRole('checkbox')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Weiter zur KIM-Akte' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();

  // Lock from the user menu: Tab past the skip link to the menu button, open it, choose "Sperren".
  const menuButton = page.getByRole('button', { name: /^Benutzermenü/ });
  await tabTo(page, menuButton);
  await kb.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Passphrase ändern …' })).toBeFocused();
  await kb.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Sperren' })).toBeFocused();
  await kb.press('Enter');

  // Lock screen: the login field has focus; Tab to the passphrase, Enter unlocks.
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toBeFocused();
  await kb.type(ADMIN.login);
  await kb.press('Tab');
  await kb.type(ADMIN.passphrase);
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });

  // Focus is visible: the focused nav link draws an outline.
  await tabTo(page, page.getByRole('link', { name: 'Übersicht' }));
  const outline = await page.getByRole('link', { name: 'Übersicht' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
