import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { pdfInfo, pdfText } from '../helpers/pdf-text';
import { CASE_MANAGER, isoDay } from './case-flows';
import { enrolViaApi } from './enrol-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(240_000);

const DPO = { login: 'dsb.kaya', name: 'Selin Kaya', passphrase: 'Rathaus Selm hat sieben Türme!' } as const;
const NOTE = 'Erzählt von Schulden bei der Vermieterin';

async function tabTo(page: Page, target: Locator, maxTabs = 150): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

async function api<T>(harness: HarnessFixture, method: string, input: unknown): Promise<T> {
  const r = await harness.api<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('the Art. 15 report: a case manager writes it from the client file, Datenschutz finds the person on its page; keyboard only, axe clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, DPO, 'datenschutz');
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement', DPO);
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });

  const client = await api<{ id: string }>(harness, 'clients.create', {
    familyName: 'Okafor',
    givenNames: 'Amina',
    birthDate: '1990-03-12',
    languages: [{ code: 'ar', interpreterNeeded: true }],
  });
  const kase = await api<{ id: string }>(harness, 'cases.open', { clientId: client.id, rechtskreise: ['sgb2'] });
  await api(harness, 'notes.add', { caseId: kase.id, occurredOn: isoDay(0), kind: 'in-person', text: NOTE, internal: false });
  await api(harness, 'consents.add', {
    clientId: client.id,
    parties: ['abh-lunen'],
    categories: ['master', 'residence'],
    purpose: 'Klärung der Bleibeperspektive',
    validFrom: isoDay(0),
    form: 'oral',
    oralRecord: 'Mit Dolmetscherin erklärt, mündlich zugestimmt',
  });
  await page.evaluate((hash) => void (window.location.hash = hash), `#/klienten/${client.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Okafor' })).toBeVisible();

  // By keyboard: the action in the file's header, the dialog with its preview and the client's language preselected.
  await tabTo(page, page.getByRole('button', { name: 'Auskunft nach Art. 15 erstellen …' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Auskunft nach Art. 15 DSGVO' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Enthalten' })).toBeVisible();
  await expect(dialog.getByText('Stadt Lünen, Ausländerbehörde')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Deutsch und Arabisch' })).toBeChecked();
  await expectNoA11yViolations(page, 'Art. 15 dialog (case manager)');
  const downloaded = page.waitForEvent('download');
  await tabTo(page, dialog.getByRole('button', { name: 'PDF herunterladen' }), 30);
  await page.keyboard.press('Enter');
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^auskunft-art15-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-ar\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdfInfo(pdf).Tagged).toBe('yes');
  const text = flat(pdfText(pdf));
  for (const phrase of ['Auskunft über Ihre gespeicherten Daten', 'Okafor, Amina', NOTE, 'Stadt Lünen, Ausländerbehörde', 'Klärung der Bleibeperspektive', 'Kavalleriestraße']) expect(text, phrase).toContain(phrase);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Die Auskunft „${download.suggestedFilename()}“ wurde heruntergeladen.`, { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'client file after the Art. 15 report');

  // Datenschutz: its own page, the person found by name, the report without the notes its role holds no key for.
  await lockViaUserMenu(page);
  await unlock(page, DPO.login, DPO.passphrase);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  const link = nav.getByRole('link', { name: 'Auskunft nach Art. 15' });
  await expect(link).toBeVisible({ timeout: 15_000 });
  await expect(nav.getByRole('link', { name: 'Klient:innen' })).toHaveCount(0);
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Auskunft nach Art. 15 DSGVO' })).toBeVisible();
  await expectNoA11yViolations(page, 'Art. 15 page');
  await tabTo(page, page.getByRole('textbox', { name: 'Person suchen' }));
  await page.keyboard.type('Okafor');
  await page.keyboard.press('Enter');
  const choose = page.getByRole('button', { name: 'Auswählen: Okafor, Amina' });
  await expect(choose).toBeVisible();
  await tabTo(page, choose, 10);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ausgewählt: Okafor, Amina, geboren 12.03.1990')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Auskunft vorbereiten …' }), 10);
  await page.keyboard.press('Enter');
  const dsDialog = page.getByRole('dialog', { name: 'Auskunft nach Art. 15 DSGVO' });
  await expect(dsDialog.getByText(/Für Ihre Rolle verschlüsselt: Gesprächsnotizen/)).toBeVisible();
  await expectNoA11yViolations(page, 'Art. 15 dialog (Datenschutz)');
  // German only this time: the first radio, chosen with the arrow keys.
  await dsDialog.getByRole('radio', { name: 'Deutsch und Arabisch' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(dsDialog.getByRole('radio', { name: 'Nur Deutsch' })).toBeChecked();
  const dsDownloaded = page.waitForEvent('download');
  await tabTo(page, dsDialog.getByRole('button', { name: 'PDF herunterladen' }), 30);
  await page.keyboard.press('Enter');
  const dsDownload = await dsDownloaded;
  expect(dsDownload.suggestedFilename()).toMatch(/^auskunft-art15-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  const dsText = flat(pdfText(readFileSync((await dsDownload.path())!)));
  expect(dsText).toContain('Okafor, Amina');
  expect(dsText).not.toContain(NOTE);
  expect(dsText).toContain('verschlüsselt – von der Fallberatung ergänzt');
  expect(dsText).toContain('Aylin Yılmaz');
  await expect(dsDialog).toBeHidden();
  await expectNoA11yViolations(page, 'Art. 15 page after the report');
});
