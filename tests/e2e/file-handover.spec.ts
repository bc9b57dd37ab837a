import { tempDir } from '../helpers/temp-vault';
import { deliver, HANDOVER_CLIENT, HANDOVER_STAFF, seedHandover } from '../harness/handover-seed';
import { expect, expectNoA11yViolations, openHarness, test, type HarnessFixture } from './fixtures';
import { unlock } from './flows';

// Two real workstations are set up, enrolled and synced before the browser opens.
test.setTimeout(300_000);

const NAME = `${HANDOVER_CLIENT.givenNames} ${HANDOVER_CLIENT.familyName}`;

test('Lünen hands a file to Werne, and Werne takes it over from Meine Arbeit, by keyboard', async ({ page }) => {
  const { dir, cleanup } = tempDir('kim-akte-e2e-handover-');
  let harness: HarnessFixture | null = null;
  try {
    const { lunen, werne, clientId } = await seedHandover(dir);

    // Lünen: the dialog offers Werne with the consent that covers the file, and asks for the passphrase.
    harness = await openHarness(lunen.dir);
    await page.goto(`${harness.url}#/klienten/${clientId}`);
    await unlock(page, HANDOVER_STAFF.lunen.login, HANDOVER_STAFF.lunen.passphrase);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible({ timeout: 15_000 });
    const open = page.getByRole('button', { name: 'Akte an andere Dienststelle übergeben …' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Akte übergeben' });
    await expect(dialog.getByText(/Die Akte enthält Daten in: Stammdaten/)).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Selm (noch kein Arbeitsplatz im Sync-Netz)' })).toBeDisabled();
    await expectNoA11yViolations(page, 'Akte übergeben');
    await dialog.getByRole('radio', { name: 'Werne', exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('radio', { name: /deckt alle Datenbereiche der Akte ab/ })).toBeChecked();
    await dialog.getByLabel('Ihre Passphrase zur Bestätigung').focus();
    await page.keyboard.type(HANDOVER_STAFF.lunen.passphrase);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('handover-sent')).toContainText('Die Akte wurde an Werne übergeben.');
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expectNoA11yViolations(page, 'Akte übergeben (Bestätigung)');
    await harness.close();
    harness = null;

    await deliver(lunen, werne);

    // Werne: Meine Arbeit lists the file; its page asks a case manager to take it over.
    harness = await openHarness(werne.dir);
    await page.goto(harness.url);
    await unlock(page, HANDOVER_STAFF.werne.login, HANDOVER_STAFF.werne.passphrase);
    const card = page.getByRole('region', { name: 'Übergebene Akten' });
    const item = card.getByRole('link', { name: /^Haddad, Amal – von Lünen am \d\d\.\d\d\.\d{4}$/ });
    await expect(item).toBeVisible({ timeout: 15_000 });
    await expectNoA11yViolations(page, 'Meine Arbeit mit übergebener Akte');
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('handover-pending')).toContainText('von Lünen übergeben (Umzug der Person)');
    await page.getByRole('button', { name: 'Akte übernehmen …' }).focus();
    await page.keyboard.press('Enter');
    const accept = page.getByRole('dialog', { name: 'Akte übernehmen' });
    await expect(accept.getByRole('combobox', { name: 'Fallmanager:in' })).toHaveValue(/.+/);
    await expectNoA11yViolations(page, 'Akte übernehmen');
    await accept.getByRole('button', { name: 'Übernehmen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Sie haben die Akte übernommen.' })).toBeVisible();
    await expect(page.getByText(/Von Lünen übergeben am \d\d\.\d\d\.\d{4} \(Umzug der Person\), übernommen durch Lea Schulte\./)).toBeVisible();
    await expect(page.getByTestId('handover-pending')).toHaveCount(0);
    await expectNoA11yViolations(page, 'Klientenakte nach Übernahme');
  } finally {
    await harness?.close();
    cleanup();
  }
});
