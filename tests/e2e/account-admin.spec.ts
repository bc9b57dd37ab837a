import { CASE_MANAGER, shot } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { ADMIN, confirmRecoveryKey, createVault, lockViaUserMenu, setupToDashboard, unlock } from './flows';
import { enrolViaApi } from './enrol-flows';

test.setTimeout(300_000);

const RESET_PASSPHRASE = 'Lüner Hafen zählt neun blaue Kräne';
const OWN_PASSPHRASE = 'Am Datteln-Hamm-Kanal wachsen 40 Weiden';
const DPO = { login: 'dsb.kaya', name: 'Selin Kaya', passphrase: 'Rathaus Selm hat sieben Türme!' } as const;

interface Account {
  id: string;
  login: string;
  version: number;
  displayName: string;
  role: string;
  active: boolean;
}

async function accountByLogin(harness: HarnessFixture, login: string): Promise<Account> {
  const r = await harness.api<Account[]>('accounts.list');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.find((a) => a.login === login)!;
}

test('IT changes a role, disables, re-enables and resets an account; a disabled account cannot unlock', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement');

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Benutzerkonten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Vorhandene Konten' });
  const row = list.getByRole('row').filter({ hasText: CASE_MANAGER.login });
  const own = list.getByRole('row').filter({ hasText: ADMIN.login });
  await expect(row.getByRole('cell', { name: 'aktiv', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Lünen', exact: true })).toBeVisible();
  // The colleague has signed in once, to replace the one-time passphrase IT set.
  await expect(row).toContainText(/\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);
  await expect(own.getByRole('cell', { name: `${ADMIN.name} (Sie)` })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with administration');
  await shot(page, 'accounts-admin');

  // Own account: no disabling and no reset in the menu, and the role cannot be changed.
  await own.getByRole('button', { name: `Aktionen für ${ADMIN.login}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Deaktivieren …' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Name und Rolle ändern …' }).click();
  let dialog = page.getByRole('dialog', { name: `Konto „${ADMIN.login}“ bearbeiten` });
  await expect(dialog.getByRole('combobox', { name: 'Rolle' })).toBeDisabled();
  await expect(dialog.getByText('Ihre eigene Rolle kann nur eine andere Person der IT-Administration ändern.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await expect(own.getByRole('button', { name: `Aktionen für ${ADMIN.login}` })).toBeFocused();

  // Role change: asks for the administrator's own passphrase; a wrong one changes nothing.
  await row.getByRole('button', { name: `Aktionen für ${CASE_MANAGER.login}` }).click();
  await expectNoA11yViolations(page, 'account actions menu');
  await page.getByRole('menuitem', { name: 'Name und Rolle ändern …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ bearbeiten` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Rolle' }).selectOption({ label: 'Koordination' });
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' })).toBeFocused();
  await expectNoA11yViolations(page, 'edit account dialog with error');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill('Das ist nicht meine Passphrase');
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(dialog.getByText('Ihre Passphrase ist falsch. Es wurde nichts geändert.')).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' })).toHaveValue('');
  expect((await accountByLogin(harness, CASE_MANAGER.login)).role).toBe('fallmanagement');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ wurde geändert: ${CASE_MANAGER.name}, Koordination.`)).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell', { name: 'Koordination' })).toBeVisible();

  // Disabling while someone else changed the account: the stale version is reported, nothing is overwritten.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Deaktivieren …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ deaktivieren` });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'disable account dialog');
  const current = await accountByLogin(harness, CASE_MANAGER.login);
  const renamed = await harness.api('accounts.update', { ...pick(current), displayName: 'Aylin Yılmaz-Berg', confirmPassphrase: ADMIN.passphrase });
  expect(renamed.ok, JSON.stringify(renamed)).toBe(true);
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'inzwischen von jemand anderem geändert' })).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page, 'disable account dialog, stale version');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(row.getByRole('cell', { name: 'Aylin Yılmaz-Berg', exact: true })).toBeVisible();
  expect((await accountByLogin(harness, CASE_MANAGER.login)).active).toBe(true);

  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Deaktivieren …' }).click();
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ wurde deaktiviert.`)).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'deaktiviert', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with a disabled account');

  // The disabled account cannot unlock, not even with its old passphrase.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  // The location stays on the accounts page across the lock.
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible({ timeout: 15_000 });
  await expect(own).toContainText(/\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);

  // Re-enabled, the account waits for a passphrase reset.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Reaktivieren …' }).click();
  dialog = page.getByRole('dialog', { name: `Konto „${CASE_MANAGER.login}“ reaktivieren` });
  await expectNoA11yViolations(page, 'enable account dialog');
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Konto reaktivieren' }).click();
  await expect(page.getByText(`Das Konto „${CASE_MANAGER.login}“ ist wieder aktiv.`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'wartet auf Zurücksetzen' })).toBeVisible();

  // Reset with the strength meter; a weak passphrase is refused before anything is sent.
  await row.getByRole('button', { name: /^Aktionen für/ }).click();
  await page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' }).click();
  dialog = page.getByRole('dialog', { name: `Passphrase für „${CASE_MANAGER.login}“ zurücksetzen` });
  await dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' }).fill('sommer2026');
  await expect(dialog.getByText(/Stärke: (sehr schwach|schwach|mäßig)/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' })).toBeFocused();
  await expectNoA11yViolations(page, 'reset passphrase dialog with errors');
  await shot(page, 'reset-passphrase-dialog');
  await dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' }).fill(RESET_PASSPHRASE);
  await expect(dialog.getByText(/Stärke: (stark|sehr stark)/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  // Koordination sees no client data: no approval needed, but the passphrase is one-time.
  await expect(page.getByText(`Die Passphrase für „${CASE_MANAGER.login}“ wurde zurückgesetzt.`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'aktiv, Einmal-Passphrase', exact: true })).toBeVisible();

  // The colleague signs in with the new passphrase, chooses an own one, and works in the new role.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Eigene Passphrase festlegen' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Passphrase von der IT' }).fill(RESET_PASSPHRASE);
  await page.getByRole('textbox', { name: 'Ihre neue Passphrase' }).fill(OWN_PASSPHRASE);
  await page.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(OWN_PASSPHRASE);
  await page.getByRole('button', { name: 'Passphrase festlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Benutzermenü: Aylin Yılmaz-Berg, Koordination/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Benutzerkonten' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Protokoll' })).toHaveCount(0);
});

function pick(a: Account) {
  return { id: a.id, version: a.version, displayName: a.displayName, role: a.role, active: a.active };
}

test('the lock screen resets a forgotten passphrase with the recovery key', async ({ page, harness }) => {
  await page.goto(harness.url);
  const key = await createVault(page);
  await confirmRecoveryKey(page, key);
  await lockViaUserMenu(page);

  await page.getByRole('button', { name: 'Mit dem Wiederherstellungsschlüssel zurücksetzen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'recovery reset dialog');
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' })).toBeFocused();
  await expectNoA11yViolations(page, 'recovery reset dialog with errors');

  // A well-formed but wrong key is refused by the core.
  const groups = key.split('-');
  const wrongKey = [groups[0] === '00000000' ? '11111111' : '00000000', ...groups.slice(1)].join('-');
  await dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(wrongKey);
  await dialog.getByRole('textbox', { name: 'Anmeldename des Kontos' }).fill(ADMIN.login);
  await dialog.getByRole('textbox', { name: 'Neue Passphrase', exact: true }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog.getByText('Der Wiederherstellungsschlüssel ist falsch oder unvollständig', { exact: false })).toBeVisible({ timeout: 15_000 });

  await dialog.getByRole('textbox', { name: 'Wiederherstellungsschlüssel' }).fill(key.toLowerCase().replace(/-/g, ' '));
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText(`Die Passphrase für „${ADMIN.login}“ wurde zurückgesetzt.`, { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Anmeldename', exact: true })).toHaveValue(ADMIN.login);
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toBeFocused();
  await expectNoA11yViolations(page, 'lock screen after recovery reset');

  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await unlock(page, ADMIN.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
});

test('an IT reset of a case manager waits for Datenschutz, and the case manager sets an own passphrase before seeing anything', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, DPO, 'datenschutz');
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement', DPO);
  const client = await (async () => {
    // A client file exists, kept by the case manager.
    await harness.api('session.lock');
    await harness.api('session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    const r = await harness.api<{ id: string }>('clients.create', { familyName: 'Okafor', givenNames: 'Chinedu' });
    await harness.api('session.lock');
    await harness.api('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  })();

  // IT resets the passphrase: it waits for approval, the old one keeps working.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Benutzerkonten' }).click();
  const row = page.getByRole('region', { name: 'Vorhandene Konten' }).getByRole('row').filter({ hasText: CASE_MANAGER.login });
  await row.getByRole('button', { name: `Aktionen für ${CASE_MANAGER.login}` }).click();
  await page.getByRole('menuitem', { name: 'Passphrase zurücksetzen …' }).click();
  const dialog = page.getByRole('dialog', { name: `Passphrase für „${CASE_MANAGER.login}“ zurücksetzen` });
  await expect(dialog.getByText(/muss der Datenschutz das Zurücksetzen freigeben/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Neue Passphrase für das Konto' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(RESET_PASSPHRASE);
  await dialog.getByRole('textbox', { name: 'Ihre eigene Passphrase' }).fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Passphrase zurücksetzen' }).click();
  await expect(page.getByText(`Die neue Passphrase für „${CASE_MANAGER.login}“ wartet auf die Freigabe durch den Datenschutz`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole('cell', { name: 'wartet auf Freigabe (Datenschutz)' })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with a reset waiting for approval');

  // IT tries the new passphrase itself: it opens nothing yet.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, RESET_PASSPHRASE);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });

  // Datenschutz approves from the keyboard, with the own passphrase.
  await unlock(page, DPO.login, DPO.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await nav.getByRole('link', { name: 'Freigaben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Freigaben' })).toBeVisible();
  const open = page.getByRole('region', { name: 'Offene Anträge' });
  await expect(open.getByRole('row').filter({ hasText: CASE_MANAGER.login })).toContainText('Passphrase zurückgesetzt');
  await expect(open.getByRole('row').filter({ hasText: CASE_MANAGER.login })).toContainText(`${ADMIN.name}, `);
  await expectNoA11yViolations(page, 'approvals with an open request');
  await shot(page, 'approvals');
  const approve = open.getByRole('button', { name: `Antrag für ${CASE_MANAGER.login} freigeben …` });
  await approve.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `Antrag für „${CASE_MANAGER.login}“ freigeben` });
  await expect(confirm).toBeVisible();
  await expectNoA11yViolations(page, 'approve dialog');
  await expect(confirm.getByRole('textbox', { name: 'Ihre Passphrase' })).toBeFocused();
  await page.keyboard.type('nicht meine Passphrase');
  await page.keyboard.press('Enter');
  await expect(confirm.getByText('Die Passphrase ist falsch. Es wurde nichts entschieden.')).toBeVisible({ timeout: 15_000 });
  await confirm.getByRole('textbox', { name: 'Ihre Passphrase' }).fill(DPO.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Der Antrag für „${CASE_MANAGER.login}“ ist freigegeben.`, { exact: false })).toBeVisible({ timeout: 15_000 });
  await expect(open.getByText('Es gibt keine offenen Anträge.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Entschiedene Anträge' }).getByRole('row').filter({ hasText: CASE_MANAGER.login }).first()).toContainText(`freigegeben von ${DPO.name}`);
  await expectNoA11yViolations(page, 'approvals after the decision');

  // The case manager signs in with the reset passphrase: told who reset it and when, and nothing else is served.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, RESET_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Eigene Passphrase festlegen' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(new RegExp(`${ADMIN.name} \\(IT-Administration\\) hat Ihre Passphrase am \\d\\d\\.\\d\\d\\.\\d{4} um \\d\\d:\\d\\d Uhr zurückgesetzt\\. Freigegeben von ${DPO.name} \\(Datenschutz\\)\\.`))).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: false, error: { code: 'session.passphraseChangeRequired' } });
  await expectNoA11yViolations(page, 'first passphrase after a reset');
  await shot(page, 'first-passphrase');

  // Keyboard only: the fields follow the heading in order; the IT passphrase again is refused.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Passphrase von der IT' })).toBeFocused();
  await page.keyboard.type(RESET_PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Ihre neue Passphrase' })).toBeFocused();
  await page.keyboard.type(RESET_PASSPHRASE);
  await page.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).focus();
  await page.keyboard.type(RESET_PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Die neue Passphrase muss sich von der Passphrase der IT unterscheiden.')).toBeVisible();
  await expectNoA11yViolations(page, 'first passphrase with an error');
  await page.getByRole('textbox', { name: 'Ihre neue Passphrase' }).fill(OWN_PASSPHRASE);
  await page.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(OWN_PASSPHRASE);
  await page.getByRole('button', { name: 'Passphrase festlegen' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  expect(await harness.api('clients.get', { id: client.id })).toMatchObject({ ok: true });

  // From now on the own passphrase opens the app directly; the reset one opens nothing.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, RESET_PASSPHRASE);
  await expect(page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passphrase ist falsch.' })).toBeVisible({ timeout: 15_000 });
  await unlock(page, CASE_MANAGER.login, OWN_PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
});
