import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { pdfInfo, pdfText } from '../helpers/pdf-text';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

async function tabTo(page: Page, target: Locator, maxTabs = 200): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A partner, a client with a health note, a consent for master data and work only, and a sent referral. */
async function arrange(harness: HarnessFixture): Promise<{ caseId: string; partnerId: string }> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: KO.login, passphrase: KO.passphrase }));
  const mbe = await ok(
    harness.api<{ id: string }>('partners.save', {
      name: 'MBE Caritas Lünen',
      kind: 'migrationsberatung',
      rechtskreise: [],
      street: 'Marktplatz 3',
      postalCode: '44532',
      city: 'Lünen',
      languages: ['de', 'ar'],
      services: ['migration-counselling-adults'],
      offices: ['lunen'],
    }),
  );
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const client = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Haddad', givenNames: 'Rami', birthDate: '1988-03-01' }));
  const opened = await ok(harness.api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  await ok(harness.api('assessment.set', { caseId: opened.id, area: 'work', need: 'urgent', note: 'Abschluss als Elektriker' }));
  await ok(harness.api('assessment.set', { caseId: opened.id, area: 'health', need: 'some', note: 'Diabetes' }));
  const day = new Date().toISOString().slice(0, 10);
  await ok(harness.api('consents.add', { clientId: client.id, partnerIds: [mbe.id], categories: ['master', 'work-education'], purpose: 'Vermittlung', validFrom: day, form: 'oral', oralRecord: 'Mündlich erklärt' }));
  const r = await ok(harness.api<{ id: string; version: number }>('referrals.create', { caseId: opened.id, partnerId: mbe.id, request: 'Beratung zur Anerkennung', categories: ['master', 'work-education'] }));
  await ok(harness.api('referrals.send', { id: r.id, version: r.version }));
  await ok(harness.api('conferences.save', { caseId: opened.id, heldOn: day, clientPresent: true, participants: [{ kind: 'partner', partnerId: mbe.id, role: 'Beratung' }], situations: [{ area: 'work', text: 'Sucht Arbeit' }] }));
  await ok(harness.api('session.lock'));
  return { caseId: opened.id, partnerId: mbe.id };
}

test('a case manager prints the Überleitungsbogen of a sent referral from the Vermittlungen tab, and the minutes dialog; keyboard, axe clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  const { caseId } = await arrange(harness);

  await page.reload();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Rami Haddad/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Vermittlungen' }).click();
  const section = page.getByRole('region', { name: 'Vermittlungen' });

  // The print action by keyboard; the download is the tagged PDF with the consented categories only.
  const action = section.getByRole('button', { name: 'Überleitungsbogen drucken (PDF): Vermittlung an MBE Caritas Lünen' });
  await expect(action).toBeVisible();
  await tabTo(page, action);
  const downloaded = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^ueberleitungsbogen-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfInfo(pdf).Tagged).toBe('yes');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain('Überleitungsbogen');
  expect(text).toContain('Haddad, Rami');
  expect(text).toContain('Abschluss als Elektriker');
  expect(text).not.toContain('Diabetes');
  await expect(section.getByText(`Der Überleitungsbogen wurde als PDF erstellt (${download.suggestedFilename()})`, { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'Vermittlungen nach dem Druck');

  // The minutes: a recipient per participating partner and our own file, one PDF per print.
  await page.getByRole('tab', { name: 'Fallkonferenzen' }).click();
  await page.getByRole('button', { name: /^Protokoll drucken: Fallkonferenz vom/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Protokoll der Fallkonferenz vom .* drucken$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Für MBE Caritas Lünen' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Für die eigene Akte' })).toBeVisible();
  await expectNoA11yViolations(page, 'Protokoll drucken');
  const minutes = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'PDF erstellen' }).click();
  expect((await minutes).suggestedFilename()).toMatch(/^protokoll-fallkonferenz-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-[0-9a-f]{8}\.pdf$/);
  await expect(dialog).toBeHidden();
});
