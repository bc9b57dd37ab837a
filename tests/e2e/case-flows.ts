import type { Page } from '@playwright/test';
import { addDays, berlinToday, formatGermanDay } from '../../electron/core/contract/dates';
import { OTHER_PASSPHRASE } from '../helpers/temp-vault';
import { expect, type HarnessFixture } from './fixtures';
import { ADMIN, lockViaUserMenu, setupToDashboard, unlock } from './flows';
import { enrolViaApi } from './enrol-flows';

export const CASE_MANAGER = { login: 'a.yilmaz', name: 'Aylin Yılmaz', passphrase: OTHER_PASSPHRASE } as const;

/** A calendar day relative to today in Europe/Berlin, as YYYY-MM-DD (what date inputs take). */
export function isoDay(offsetDays = 0): string {
  return addDays(berlinToday(), offsetDays);
}

/** dd.MM.yyyy, as the UI shows a day. */
export const germanDay = formatGermanDay;

/** A minimal but valid one-page PDF (header, catalog, page, text, xref with correct offsets, trailer). */
export function minimalPdf(text = 'KIM-Akte Testbescheid'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * Setup as the administrator, a case manager account created through the API (the UI path is covered by the
 * case-manager day), and the page unlocked as that case manager.
 */
export async function asCaseManager(page: Page, harness: HarnessFixture): Promise<void> {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement');
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, CASE_MANAGER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
}

export { ADMIN };

/** With KIM_SCREENSHOTS=1, saves a full-page screenshot to test-results/screens/<name>.png (for reviewing the look). */
export async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.KIM_SCREENSHOTS) return;
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
