import { readFileSync } from 'node:fs';
import { CASE_MANAGER, shot } from './case-flows';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';
import { berlinToday, formatGermanDay } from '../../electron/core/contract/dates';
import { enrolViaApi } from './enrol-flows';

test.setTimeout(300_000);

const DPO = { login: 'dsb.kaya', name: 'Selin Kaya', passphrase: 'Rathaus Selm hat sieben Türme!' } as const;

test('the data protection officer finds who read a client file, filters the trail and exports it as CSV', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, DPO, 'datenschutz');
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement', DPO);

  // The case manager creates a client and opens the file in the app (clients.get).
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const client = await harness.api<{ id: string }>('clients.create', { familyName: 'Okafor', givenNames: 'Chinedu', birthDate: '1990-03-12', phone: '+49 2306 4711' });
  if (!client.ok) throw new Error(JSON.stringify(client.error));
  const clientId = client.value.id;
  await page.evaluate((hash) => void (window.location.hash = hash), `#/klienten/${clientId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Chinedu Okafor' })).toBeVisible();

  // The data protection officer sees the audit trail, and neither client files nor accounts.
  await lockViaUserMenu(page);
  await unlock(page, DPO.login, DPO.passphrase);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Protokoll' })).toBeVisible({ timeout: 15_000 });
  await expect(nav.getByRole('link', { name: 'Klient:innen' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Benutzerkonten' })).toHaveCount(0);
  // Entries for paging: every verification is itself an audit entry.
  for (let i = 0; i < 45; i++) expect((await harness.api('audit.verify')).ok).toBe(true);
  await nav.getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unversehrtheit des Protokolls' }).getByText(/Die Protokollkette ist unversehrt \(\d+ Einträge geprüft\)\./)).toBeVisible();
  const entries = page.getByRole('region', { name: 'Einträge' });
  const table = entries.getByRole('table', { name: 'Protokolleinträge, neueste zuerst' });
  await expect(entries.getByText(/^Einträge 1–50 von \d+$/)).toBeVisible();
  await expectNoA11yViolations(page, 'audit view');
  await shot(page, 'audit-view');

  await entries.getByRole('button', { name: 'Nächste Seite' }).click();
  await expect(entries.getByText(/^Einträge 51–\d+ von \d+$/)).toBeVisible();
  await entries.getByRole('button', { name: 'Vorherige Seite' }).click();
  await expect(entries.getByText(/^Einträge 1–50 von \d+$/)).toBeVisible();

  // Filter by person: search by name, only name and birth date are shown; pick the person.
  const filters = page.getByRole('region', { name: 'Filter' });
  await filters.getByRole('textbox', { name: 'Person suchen' }).fill('Okafor');
  await filters.getByRole('button', { name: 'Suchen' }).click();
  const hits = filters.getByRole('table', { name: 'Gefundene Personen' });
  await expect(hits.getByRole('row').filter({ hasText: 'Okafor, Chinedu' })).toContainText('12.03.1990');
  await expect(filters.getByText('1 Person gefunden.')).toBeVisible();
  await expectNoA11yViolations(page, 'audit view with person hits');
  await hits.getByRole('button', { name: 'Auswählen: Okafor, Chinedu' }).click();
  await expect(filters.getByTestId('audit-person-selected')).toContainText('Protokoll gefiltert nach: Okafor, Chinedu, geboren 12.03.1990');
  await expect(hits).toBeHidden();

  const read = table.getByRole('row').filter({ hasText: 'Klientenakte gelesen' });
  await expect(read).toHaveCount(1);
  await expect(read).toContainText(`${CASE_MANAGER.name} (${CASE_MANAGER.login})`);
  for (const cell of ['Fallmanagement', 'Lünen', 'Klient:in', clientId, 'erfolgreich']) await expect(read.getByRole('cell', { name: cell, exact: true })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Klientenakte angelegt' })).toContainText('phone');
  // The lookup itself is on record, and no content of the file is on the page.
  await expect(table.getByRole('row').filter({ hasText: 'Person im Protokoll gesucht' })).toContainText(DPO.login);
  await expect(page.getByText('4711')).toHaveCount(0);
  await expectNoA11yViolations(page, 'audit view filtered by person');
  await shot(page, 'audit-view-person');

  // Refusals are on record: the officer's own attempt to open the file is denied.
  expect(await harness.api('clients.get', { id: clientId })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
  await filters.getByRole('button', { name: 'Personenfilter entfernen' }).click();
  await filters.getByRole('combobox', { name: 'Benutzer:in' }).selectOption({ label: `${DPO.name} (${DPO.login})` });
  await filters.getByRole('combobox', { name: 'Aktion' }).selectOption({ label: 'Klientenakte gelesen' });
  await filters.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(entries.getByText('Einträge 1–1 von 1')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Klientenakte gelesen' }).getByRole('cell', { name: 'verweigert' })).toBeVisible();

  // Period: an end before the start is refused in the form; today's period finds the case manager's read.
  const today = formatGermanDay(berlinToday());
  await filters.getByRole('textbox', { name: 'Von' }).fill('02.01.2030');
  await filters.getByRole('textbox', { name: 'Bis' }).fill('01.01.2030');
  await filters.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(filters.getByText('Das Ende darf nicht vor dem Beginn liegen.')).toBeVisible();
  await expectNoA11yViolations(page, 'audit filters with error');
  await filters.getByRole('combobox', { name: 'Benutzer:in' }).selectOption({ label: `${CASE_MANAGER.name} (${CASE_MANAGER.login})` });
  await filters.getByRole('textbox', { name: 'Von' }).fill(today);
  await filters.getByRole('textbox', { name: 'Bis' }).fill(today);
  await filters.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(entries.getByText('Einträge 1–1 von 1')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Klientenakte gelesen' })).toContainText(clientId);

  // CSV export of the current filters, after re-entering the passphrase.
  await page.getByRole('button', { name: 'Als CSV exportieren …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Protokoll als CSV exportieren' });
  await expect(dialog.getByText('Exportiert wird 1 Eintrag der aktuellen Filter.', { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'audit export dialog');
  await dialog.getByRole('textbox', { name: 'Ihre Passphrase' }).fill('Das ist nicht meine Passphrase');
  await dialog.getByRole('button', { name: 'Exportieren' }).click();
  await expect(dialog.getByText('Ihre Passphrase ist falsch. Es wurde nichts exportiert.')).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page, 'audit export dialog with error');
  await dialog.getByRole('textbox', { name: 'Ihre Passphrase' }).fill(DPO.passphrase);
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Exportieren' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${CASE_MANAGER.login}"`);
  expect(lines[1]).toContain(`"clients.get";"client";"${clientId}"`);
  expect(csv).not.toMatch(/Okafor|Chinedu|4711/);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Die Datei „${download.suggestedFilename()}“ mit 1 Eintrag wurde heruntergeladen.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Als CSV exportieren …' })).toBeFocused();
  const exports = await harness.api<{ total: number }>('audit.list', { action: 'audit.exportCsv' });
  expect(exports).toMatchObject({ ok: true, value: { total: 1 } });
});

test('IT also reaches the audit view; case managers do not', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await expect(page.getByText(/Die Protokollkette ist unversehrt/)).toBeVisible();
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement');
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  // The hash still points at the audit view; the frame falls back to the overview for this role.
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(nav.getByRole('link', { name: 'Protokoll' })).toHaveCount(0);
});
