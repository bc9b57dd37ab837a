import type { Locator, Page } from '@playwright/test';
import { tempDir } from '../helpers/temp-vault';
import { CONFLICT_CLIENT, CONFLICT_STAFF, CONFLICT_WRITES, seedSyncConflict } from '../harness/sync-conflict-seed';
import { expect, expectNoA11yViolations, openHarness, test, type HarnessFixture } from './fixtures';
import { unlock } from './flows';

// Two real workstations are set up, enrolled and synced before the browser opens (about half a minute).
test.setTimeout(300_000);

const CLIENT = `${CONFLICT_CLIENT.familyName}, ${CONFLICT_CLIENT.givenNames}`;
const WRITTEN = (name: string) => new RegExp(`von ${name}, \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d Uhr`);

async function tabTo(page: Page, target: Locator, maxTabs = 25): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

test('a case manager settles conflicts of a real concurrent edit in the list and in the client file, by keyboard alone', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-conflicts-');
  let harness: HarnessFixture | null = null;
  try {
    // Lünen 1 and Lünen 2 both changed Amal Haddad's phone and e-mail before seeing each other's write; Lünen 2 wrote later.
    const { dataDir, clientId } = await seedSyncConflict(dir);
    harness = await openHarness(dataDir);
    const { first, second } = CONFLICT_WRITES;
    const me = CONFLICT_STAFF.first;

    await page.goto(harness.url);
    await unlock(page, me.login, me.passphrase);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });

    // The navigation says how many are open; reached and opened with the keyboard.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const navLink = nav.getByRole('link', { name: 'Sync-Konflikte (2 offen)' });
    await expect(navLink).toBeVisible();
    await tabTo(page, navLink);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sync-Konflikte' })).toBeFocused();

    const rows = page.getByRole('table', { name: 'Offene Sync-Konflikte' }).getByTestId('sync-conflict');
    await expect(rows).toHaveCount(2);
    const phone = rows.filter({ hasText: 'Telefon' });
    await expect(phone.getByRole('link', { name: CLIENT })).toHaveAttribute('href', `#/klienten/${clientId}`);
    await expect(phone.getByRole('cell').nth(1)).toHaveText('TelefonStammdaten');
    await expect(phone.getByRole('cell').nth(2)).toContainText(second.phone);
    await expect(phone.getByRole('cell').nth(2)).toContainText(WRITTEN('Markus Krause'));
    await expect(phone.getByRole('cell').nth(3)).toContainText(first.phone);
    await expect(phone.getByRole('cell').nth(3)).toContainText(WRITTEN('Derya Yilmaz'));
    await expect(rows.filter({ hasText: 'E-Mail' })).toContainText(second.email);
    await expectNoA11yViolations(page, 'Sync-Konflikte');

    // Take the other phone number: Tab to the button named for the field, Enter.
    await tabTo(page, page.getByRole('button', { name: `Anderen Wert übernehmen: Telefon von ${CLIENT} wird „${first.phone}“` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Telefon von ${CLIENT}: „${first.phone}“ wurde übernommen.` })).toBeVisible();
    await expect(rows).toHaveCount(1);
    // Focus goes on with the row that took the settled one's place.
    await expect(page.getByRole('button', { name: new RegExp(`^Wert behalten: E-Mail von ${CLIENT}`) })).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Sync-Konflikte (1 offen)' })).toBeVisible();
    await expectNoA11yViolations(page, 'Sync-Konflikte nach einer Entscheidung');

    // Into the client file through the row's link: the panel lists the file's remaining conflict.
    await page.keyboard.press('Shift+Tab');
    await expect(rows.getByRole('link', { name: CLIENT })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `${CONFLICT_CLIENT.givenNames} ${CONFLICT_CLIENT.familyName}` })).toBeFocused({ timeout: 15_000 });
    const panel = page.getByRole('region', { name: '1 offener Sync-Konflikt in dieser Akte' });
    await expect(panel.getByRole('table', { name: 'Offene Sync-Konflikte dieser Akte' })).toContainText(first.email);
    await expect(page.getByRole('textbox', { name: 'Telefon', exact: true })).toHaveValue(first.phone);
    await expectNoA11yViolations(page, 'Klientenakte mit Sync-Konflikt');

    // Confirm the e-mail in force; the panel goes, focus returns to the page heading.
    await tabTo(page, panel.getByRole('button', { name: `Wert behalten: E-Mail von ${CLIENT} bleibt „${second.email}“` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `E-Mail von ${CLIENT}: „${second.email}“ ist bestätigt.` })).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: `${CONFLICT_CLIENT.givenNames} ${CONFLICT_CLIENT.familyName}` })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'E-Mail', exact: true })).toHaveValue(second.email);
    await expect(nav.getByRole('link', { name: 'Sync-Konflikte', exact: true })).toBeVisible();
    await expectNoA11yViolations(page, 'Klientenakte nach der Entscheidung');

    // The core agrees, and the list page says there is nothing left.
    const client = await harness.api<{ phone: string; email: string }>('clients.get', { id: clientId });
    expect(client.ok && { phone: client.value.phone, email: client.value.email }).toEqual({ phone: first.phone, email: second.email });
    await nav.getByRole('link', { name: 'Sync-Konflikte', exact: true }).click();
    await expect(page.getByText('Es gibt keine offenen Sync-Konflikte.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Offene Sync-Konflikte' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'Sync-Konflikte ohne offene Konflikte');
  } finally {
    await harness?.close();
    cleanup();
  }
});
