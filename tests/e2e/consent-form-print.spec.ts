import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { consentFormTexts } from '../../electron/core/domain/consent/consent-form-texts';
import { pdfContains, pdfInfo, pdfText } from '../helpers/pdf-text';
import { asCaseManager, isoDay } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';

test.setTimeout(180_000);

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

test('a case manager prints the consent form as a tagged PDF in German and the client\'s language; keyboard only, axe clean', async ({ page, harness }) => {
  await asCaseManager(page, harness);
  // A client whose first language is Ukrainian, with a consent for the ABH and the Jobcenter.
  const client = await api<{ id: string }>(harness, 'clients.create', {
    familyName: 'Kovalenko',
    givenNames: 'Olena',
    birthDate: '1985-03-14',
    languages: [{ code: 'uk', interpreterNeeded: true }, { code: 'ru', interpreterNeeded: false }],
  });
  await api(harness, 'consents.add', {
    clientId: client.id,
    parties: ['abh-lunen'],
    agencies: ['Jobcenter Kreis Unna'],
    categories: ['master', 'residence', 'health'],
    purpose: 'Klärung der Bleibeperspektive',
    validFrom: isoDay(0),
    validUntil: isoDay(120),
    form: 'oral',
    oralRecord: 'Mit Dolmetscherin erklärt, mündlich zugestimmt',
  });
  await page.evaluate((hash) => void (window.location.hash = hash), `#/klienten/${client.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Olena Kovalenko' })).toBeVisible();
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();

  // By keyboard: the action on the consent, the dialog with the client's first language preselected.
  const action = page.getByRole('button', { name: 'Formular drucken (PDF): Klärung der Bleibeperspektive' });
  await tabTo(page, action);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Einwilligungsformular als PDF' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Deutsch und Ukrainisch' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^Gegenseitige Entbindung/ })).toBeChecked();
  await expectNoA11yViolations(page, 'print consent form dialog');

  // Arabic instead, chosen with the arrow keys inside the radio group, then the PDF by keyboard.
  await dialog.getByRole('radio', { name: 'Deutsch und Ukrainisch' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: 'Deutsch und Arabisch' })).toBeChecked();
  const downloaded = page.waitForEvent('download');
  await tabTo(page, dialog.getByRole('button', { name: 'PDF erstellen' }), 20);
  await page.keyboard.press('Enter');
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^einwilligung-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-ar\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfInfo(pdf).Tagged).toBe('yes');
  const text = pdfText(pdf);
  expect(text).toContain('Kovalenko, Olena');
  expect(text).toContain('Jobcenter Kreis Unna');
  expect(pdfContains(text, consentFormTexts('de').title, false)).toBe(true);
  expect(pdfContains(text, consentFormTexts('ar').title, true)).toBe(true);
  expect(pdfContains(text, consentFormTexts('de').art9.included, false)).toBe(true);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Das Formular wurde als ${download.suggestedFilename()} bereitgestellt.`)).toBeVisible();
  await expectNoA11yViolations(page, 'consents after printing');
});
