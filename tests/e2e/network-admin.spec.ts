import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHarness } from '../harness/server';
import { tempDir } from '../helpers/temp-vault';
import { CASE_MANAGER, shot } from './case-flows';
import { enrolViaApi } from './enrol-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { confirmRecoveryKey, createVault, lockViaUserMenu, setupToDashboard, unlock, ADMIN } from './flows';

test.setTimeout(300_000);

const WEB_ROOT = resolve(__dirname, '../..', process.env.KIM_WEB_OUT ?? 'out/web');
/** Fingerprints and invitation codes: four groups of four characters. */
const GROUPS = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;
const DATE_TIME = /\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/;

interface Status {
  joined: boolean;
  enrolled: boolean;
  deviceId: string;
  networkFingerprint: string | null;
  deviceFingerprint: string | null;
}

async function networkStatus(harness: Pick<HarnessFixture, 'api'>): Promise<Status> {
  const r = await harness.api<Status>('network.status');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function openNetworkPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Netzwerk' })).toBeVisible();
}

/** A second workstation (its own core and data dir) in its own browser context, for joining. */
async function secondWorkstation(browser: Browser) {
  const { dir, cleanup } = tempDir('kim-akte-e2e-second-');
  const harness = await startHarness({ dataDir: dir, webRoot: WEB_ROOT, appVersion: 'e2e' });
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const post = async (method: string, input: unknown = {}) =>
    (
      await fetch(`${harness.url}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kim-Token': harness.token },
        body: JSON.stringify({ input }),
      })
    ).json();
  return {
    page,
    api: post as HarnessFixture['api'],
    url: harness.url,
    close: async () => {
      await context.close();
      await harness.close();
      cleanup();
    },
  };
}

test('IT creates a network on a share folder, invites a Werne workstation, which joins; sync, device list and revoking', async ({ page, harness, browser }) => {
  const share = mkdtempSync(join(tmpdir(), 'kim-akte-share-'));
  const downloads = mkdtempSync(join(tmpdir(), 'kim-akte-downloads-'));
  const werne = await secondWorkstation(browser);
  try {
    await page.goto(harness.url);
    await setupToDashboard(page);
    // Outside a network the frame says nothing about sync.
    await expect(page.getByTestId('sync-state')).toHaveText('');
    await openNetworkPage(page);
    const statusCard = page.getByRole('region', { name: 'Dieser Arbeitsplatz' });
    await expect(statusCard).toContainText('Kein Mitglied eines Netzes');
    await expect(statusCard).toContainText((await networkStatus(harness)).deviceId);
    await expect(page.getByRole('region', { name: 'Arbeitsplatz einladen' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'network page, not joined');
    await shot(page, 'network-not-joined');

    // "Netz anlegen": the form's own check, then the core's refusal of a folder that does not exist.
    const create = page.getByRole('region', { name: 'Netz anlegen' });
    const createShare = create.getByRole('textbox', { name: 'Netzwerkordner' });
    await create.getByRole('button', { name: 'Netz anlegen' }).click();
    await expect(create.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
    await expect(createShare).toBeFocused();
    await createShare.fill(join(share, 'gibt-es-nicht'));
    await create.getByRole('button', { name: 'Netz anlegen' }).click();
    await expect(create.getByText('Der gemeinsame Netzwerkordner ist nicht erreichbar.', { exact: false })).toBeVisible({ timeout: 15_000 });
    await expect(createShare).toBeFocused();
    await expectNoA11yViolations(page, 'create network with refusal');
    await createShare.fill(share);
    await create.getByRole('button', { name: 'Netz anlegen' }).click();

    await expect(page.getByText('Das Netz wurde angelegt. Fingerabdruck des Netzes:', { exact: false })).toBeVisible({ timeout: 15_000 });
    const lunen = await networkStatus(harness);
    expect(lunen.joined && lunen.enrolled).toBe(true);
    expect(lunen.networkFingerprint).toMatch(GROUPS);
    expect(lunen.deviceFingerprint).toMatch(GROUPS);
    await expect(statusCard).toContainText('Mitglied des Netzes');
    await expect(statusCard.getByTestId('network-fingerprint')).toHaveText(lunen.networkFingerprint!);
    await expect(statusCard.getByTestId('device-fingerprint')).toHaveText(lunen.deviceFingerprint!);
    await expect(statusCard).toContainText(share);
    await expect(page.getByText(`Fingerabdruck des Netzes: ${lunen.networkFingerprint}`, { exact: false })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Netz anlegen' })).toHaveCount(0);
    // Focus moves on to the next step, and the frame shows the network now.
    const syncButton = statusCard.getByRole('button', { name: 'Jetzt abgleichen' });
    await expect(syncButton).toBeFocused();
    await expect(page.getByTestId('sync-state')).toHaveText('Noch nicht abgeglichen');

    const devices = page.getByRole('region', { name: 'Arbeitsplätze im Netz' });
    const ownRow = devices.getByTestId(`device-${lunen.deviceId}`);
    await expect(ownRow).toContainText('Dieser Arbeitsplatz');
    await expect(ownRow).toContainText('Lünen');
    await expect(ownRow).toContainText(lunen.deviceFingerprint!);
    await expect(ownRow).toContainText('Gründer des Netzes');
    await expect(ownRow.getByRole('button')).toHaveCount(0);
    await expectNoA11yViolations(page, 'network page, joined');
    await shot(page, 'network-joined');

    // Inviting, by keyboard only: Tab from "Jetzt abgleichen" to the invite button, Enter, the office, Enter.
    await page.keyboard.press('Tab');
    const inviteButton = page.getByRole('button', { name: 'Arbeitsplatz einladen …' });
    await expect(inviteButton).toBeFocused();
    await page.keyboard.press('Enter');
    let dialog = page.getByRole('dialog', { name: 'Arbeitsplatz einladen' });
    await expect(dialog).toBeVisible();
    const officeSelect = dialog.getByRole('combobox', { name: 'Dienststelle des neuen Arbeitsplatzes' });
    await expect(officeSelect).toBeFocused();
    // The first office other than this workstation's is preselected.
    await expect(officeSelect).toHaveValue('werne');
    await expectNoA11yViolations(page, 'invite dialog');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Einladung erstellen' })).toBeFocused();
    await page.keyboard.press('Enter');

    dialog = page.getByRole('alertdialog', { name: 'Einladung für Werne' });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    const groups = await dialog.getByTestId('invitation-code').locator('code').allTextContents();
    expect(groups).toHaveLength(4);
    const code = groups.join('-');
    expect(code).toMatch(GROUPS);
    await expect(dialog.getByTestId('invitation-network-fingerprint')).toHaveText(lunen.networkFingerprint!);
    await expect(dialog).toContainText(DATE_TIME);
    await expect(dialog).toContainText('telefonisch oder persönlich');
    await expect(dialog).toContainText('Vergleichen Sie dabei auch den Fingerabdruck des Netzes');
    await expectNoA11yViolations(page, 'invitation dialog');
    await shot(page, 'network-invitation');
    // Escape does not close the only view of the code.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    const save = dialog.getByRole('button', { name: 'Einladungsdatei speichern' });
    // The dialog's first focus is its first button.
    await expect(save).toBeFocused();
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('einladung-werne.kimnet');
    const invitationFile = join(downloads, download.suggestedFilename());
    await download.saveAs(invitationFile);
    expect(readFileSync(invitationFile, 'utf8').length).toBeGreaterThan(100);
    await expect(dialog.getByText('Die Einladungsdatei „einladung-werne.kimnet“ wurde gespeichert.')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Fertig' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(inviteButton).toBeFocused();
    await expect(page.getByText(/Die Einladung für Werne ist gültig bis \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\./)).toBeVisible();
    // Shown once: nothing on the page repeats the code.
    await expect(page.getByText(groups[0]!, { exact: true })).toHaveCount(0);

    // Sync now: the counts, the last round in the status card, and the frame.
    await syncButton.click();
    await expect(statusCard.getByRole('status').filter({ hasText: 'Abgleich abgeschlossen' })).toContainText(
      /Gesendet: \d+ · Empfangen: \d+ · Übernommen: \d+ · Konflikte: \d+ · Abgelehnt: \d+/,
      { timeout: 30_000 },
    );
    await expect(statusCard.getByTestId('last-round')).toContainText('erfolgreich');
    await expect(page.getByTestId('sync-state')).toHaveText(/^Zuletzt abgeglichen: heute, \d\d:\d\d Uhr$/);
    await expectNoA11yViolations(page, 'network page after sync');

    // The Werne workstation joins with the file and the code given by phone.
    await werne.page.goto(werne.url);
    await confirmRecoveryKey(werne.page, await createVault(werne.page, 'Werne'));
    await openNetworkPage(werne.page);
    const join_ = werne.page.getByRole('region', { name: 'Netz beitreten' });
    await join_.getByRole('button', { name: 'Netz beitreten' }).click();
    await expect(join_.getByRole('textbox', { name: 'Netzwerkordner' })).toBeFocused();
    await expect(join_.getByText('Bitte wählen Sie die Einladungsdatei aus.')).toBeVisible();
    await expectNoA11yViolations(werne.page, 'join form with errors');
    await join_.getByRole('textbox', { name: 'Netzwerkordner' }).fill(share);
    await join_.getByTestId('invitation-file-input').setInputFiles(invitationFile);
    await expect(join_.getByText('Ausgewählt: einladung-werne.kimnet')).toBeVisible();
    await join_.getByRole('textbox', { name: 'Einladungscode' }).fill('ABCD-EFGH');
    await join_.getByRole('button', { name: 'Netz beitreten' }).click();
    await expect(join_.getByText('Der Einladungscode besteht aus 16 Zeichen', { exact: false })).toBeVisible();
    await expect(join_.getByRole('textbox', { name: 'Einladungscode' })).toBeFocused();
    // A well-formed but wrong code is the core's refusal, shown at the code.
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await join_.getByRole('textbox', { name: 'Einladungscode' }).fill(wrong);
    await join_.getByRole('button', { name: 'Netz beitreten' }).click();
    await expect(join_.getByText('Der Einladungscode ist falsch.', { exact: false })).toBeVisible({ timeout: 15_000 });
    await expectNoA11yViolations(werne.page, 'join form with wrong code');
    await join_.getByRole('textbox', { name: 'Einladungscode' }).fill(code.toLowerCase().replace(/-/g, ' '));
    await join_.getByRole('button', { name: 'Netz beitreten' }).click();
    await expect(werne.page.getByText(`Vergleichen Sie den Fingerabdruck des Netzes (${lunen.networkFingerprint})`, { exact: false })).toBeVisible({ timeout: 15_000 });
    const werneStatus = await networkStatus(werne);
    expect(werneStatus.joined).toBe(true);
    expect(werneStatus.networkFingerprint).toBe(lunen.networkFingerprint);
    await expect(werne.page.getByRole('region', { name: 'Dieser Arbeitsplatz' }).getByTestId('network-fingerprint')).toHaveText(lunen.networkFingerprint!);
    await expect(werne.page.getByTestId('sync-state')).toHaveText('Wartet auf Aufnahme ins Netz');
    await expect(werne.page.getByRole('region', { name: 'Arbeitsplatz einladen' })).toHaveCount(0);
    await expectNoA11yViolations(werne.page, 'network page, joined and waiting');
    await shot(werne.page, 'network-joined-waiting');

    // Lünen enrolls Werne at its next round; Werne learns it at its own.
    await syncButton.click();
    await expect(statusCard.getByRole('status').filter({ hasText: 'Abgleich abgeschlossen' })).toBeVisible({ timeout: 30_000 });
    const werneRow = devices.getByTestId(`device-${werneStatus.deviceId}`);
    await expect(werneRow).toContainText('Werne');
    await expect(werneRow).toContainText(werneStatus.deviceFingerprint!);
    await expect(werneRow).toContainText('Mitglied');
    await expect(werneRow).toContainText(`Lünen (${lunen.deviceId.slice(0, 8)})`);
    await werne.page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    await expect(werne.page.getByRole('status').filter({ hasText: 'Abgleich abgeschlossen' })).toBeVisible({ timeout: 30_000 });
    await expect(werne.page.getByRole('region', { name: 'Dieser Arbeitsplatz' })).toContainText('Mitglied des Netzes');
    await expect(werne.page.getByTestId('sync-state')).toHaveText(/^Zuletzt abgeglichen: heute/);
    await expect(werne.page.getByRole('region', { name: 'Arbeitsplatz einladen' })).toBeVisible();

    // Revoking Werne: the confirmation explains it; cancel changes nothing, confirm updates the list.
    const revoke = werneRow.getByRole('button', { name: `Arbeitsplatz ${werneStatus.deviceId.slice(0, 8)} (Werne) ausschließen` });
    await revoke.click();
    dialog = page.getByRole('alertdialog', { name: `Arbeitsplatz ${werneStatus.deviceId.slice(0, 8)} ausschließen?` });
    await expect(dialog).toContainText('endgültig aus dem Netz ausgeschlossen');
    await expect(dialog).toContainText('braucht er eine neue Einladung');
    await expectNoA11yViolations(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(dialog).toBeHidden();
    await expect(revoke).toBeFocused();
    await revoke.click();
    await dialog.getByRole('button', { name: 'Ausschließen' }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(page.getByText(`Der Arbeitsplatz ${werneStatus.deviceId.slice(0, 8)} (Werne) wurde ausgeschlossen.`, { exact: false })).toBeVisible();
    await expect(werneRow).toContainText('Ausgeschlossen');
    await expect(werneRow.getByRole('button')).toHaveCount(0);
    await expectNoA11yViolations(page, 'network page after revoking');

    // Everyone unlocked sees the sync state; only IT has the network page.
    await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement');
    await lockViaUserMenu(page);
    await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('sync-state')).toHaveText(/^Zuletzt abgeglichen: heute, \d\d:\d\d Uhr$/);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerk' })).toHaveCount(0);
    await lockViaUserMenu(page);
    await unlock(page, ADMIN.login, ADMIN.passphrase);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
  } finally {
    await werne.close();
    rmSync(share, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  }
});

test('the frame picks up the network at its next poll and reports an unreachable folder as offline', async ({ page, harness }) => {
  const share = mkdtempSync(join(tmpdir(), 'kim-akte-share-'));
  try {
    // Fake timers, so the minute between two polls passes at once.
    await page.clock.install();
    await page.goto(harness.url);
    await setupToDashboard(page);
    await expect(page.getByTestId('sync-state')).toHaveText('');
    // Created elsewhere (the CLI, say): the frame learns it at its next poll.
    const created = await harness.api('network.create', { share });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    await page.clock.fastForward(61_000);
    await expect(page.getByTestId('sync-state')).toHaveText('Noch nicht abgeglichen');

    rmSync(share, { recursive: true, force: true });
    await openNetworkPage(page);
    const statusCard = page.getByRole('region', { name: 'Dieser Arbeitsplatz' });
    await statusCard.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    await expect(statusCard.getByRole('alert').filter({ hasText: 'Abgleich nicht möglich' })).toContainText('Der gemeinsame Netzwerkordner ist nicht erreichbar.', {
      timeout: 30_000,
    });
    await expect(statusCard.getByTestId('last-round')).toContainText('offline');
    await expect(page.getByTestId('sync-state')).toHaveText('Offline – Netzwerkordner nicht erreichbar');
    await expectNoA11yViolations(page, 'network page, offline');

    // After the next lock the frame asks again on mount, and still knows.
    await lockViaUserMenu(page);
    await unlock(page, ADMIN.login, ADMIN.passphrase);
    await expect(page.getByTestId('sync-state')).toHaveText('Offline – Netzwerkordner nicht erreichbar', { timeout: 15_000 });
  } finally {
    rmSync(share, { recursive: true, force: true });
  }
});
