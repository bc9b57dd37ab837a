import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { APPROVER, enrolViaApi } from './enrol-flows';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(240_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

/** A file whose last case closed in 2014 (due) and a first contact (not due), arranged by the case manager. */
async function seed(harness: HarnessFixture): Promise<{ dueId: string; contactId: string }> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const due = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Altakte', givenNames: 'Aylin', birthDate: '1980-05-05' }));
  const kase = await ok(harness.api<{ id: string; version: number }>('cases.open', { clientId: due.id, rechtskreise: ['sgb2'], openedOn: '2013-04-02' }));
  const moved = await ok(harness.api<{ version: number }>('cases.setPhase', { id: kase.id, version: kase.version, phase: 'assessment', on: '2013-05-02' }));
  await ok(harness.api('cases.close', { id: kase.id, version: moved.version, reason: 'moved-away', closedOn: '2014-09-30' }));
  const contact = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Widerspruch', givenNames: 'Wanda', birthDate: '1991-01-01' }));
  await ok(harness.api('session.lock'));
  return { dueId: due.id, contactId: contact.id };
}

test('Datenschutz asks for a due file\'s deletion and restricts another file, Koordination approves with its passphrase, the case manager sees the banner; keyboard only, axe clean', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  const { contactId } = await seed(harness);

  // Datenschutz: the page by keyboard from the navigation.
  await page.reload();
  await unlock(page, APPROVER.login, APPROVER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await tabTo(page, nav.getByRole('link', { name: 'Aufbewahrung & Löschung' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Löschung' })).toBeFocused();
  await expect(page.getByText(/Akten von Klient:innen werden 10 volle Jahre/)).toBeVisible();
  const dueTable = page.getByRole('table', { name: 'Fällige Akten' });
  await expect(dueTable.getByRole('row', { name: /Altakte, Aylin/ })).toContainText('01.01.2025');
  await expectNoA11yViolations(page, 'Aufbewahrung und Löschung (Datenschutz)');

  // Request the deletion.
  await tabTo(page, page.getByRole('button', { name: 'Löschung beantragen für Altakte, Aylin' }));
  await page.keyboard.press('Enter');
  const request = page.getByRole('dialog', { name: 'Löschung beantragen' });
  await expect(request).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Löschung beantragen');
  await tabTo(page, request.getByRole('button', { name: 'Beantragen' }));
  await page.keyboard.press('Enter');
  await expect(request).toBeHidden();
  await expect(page.getByText('Die Löschung wurde beantragt.', { exact: false })).toBeVisible();
  const requests = page.getByRole('table', { name: 'Löschanträge' });
  await expect(requests.getByRole('row', { name: /Altakte, Aylin/ })).toContainText('noch nicht angeboten');

  // The archive declines the offer.
  await tabTo(page, requests.getByRole('button', { name: 'Ablehnung des Archivs vermerken für Altakte, Aylin' }));
  await page.keyboard.press('Enter');
  const declined = page.getByRole('alertdialog', { name: 'Ablehnung des Archivs vermerken' });
  await expect(declined).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Ablehnung des Archivs');
  await tabTo(page, declined.getByRole('button', { name: 'Vermerken' }));
  await page.keyboard.press('Enter');
  await expect(declined).toBeHidden();
  await expect(requests.getByRole('row', { name: /Altakte, Aylin/ })).toContainText('vom Archiv abgelehnt');
  // Whoever asked cannot approve: no approve button for them.
  await expect(requests.getByRole('button', { name: /Löschung freigeben/ })).toHaveCount(0);

  // A person's objection: find the file, restrict processing (an empty ground is refused first).
  const search = page.getByRole('search', { name: 'Akte suchen' });
  await tabTo(page, search.getByRole('textbox', { name: 'Name' }));
  await page.keyboard.type('Widerspruch');
  await page.keyboard.press('Enter');
  const hits = page.getByRole('table', { name: 'Akte suchen' });
  await expect(hits.getByRole('row', { name: /Widerspruch, Wanda/ })).toBeVisible();
  await tabTo(page, hits.getByRole('button', { name: 'Verarbeitung einschränken für Widerspruch, Wanda' }));
  await page.keyboard.press('Enter');
  const restrict = page.getByRole('dialog', { name: 'Verarbeitung einschränken' });
  await tabTo(page, restrict.getByRole('button', { name: 'Einschränken' }));
  await page.keyboard.press('Enter');
  await expect(restrict.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Verarbeitung einschränken mit Fehler');
  await tabTo(page, restrict.getByRole('textbox', { name: /Grund/ }));
  await page.keyboard.type('Richtigkeit der Anschrift bestritten');
  await tabTo(page, restrict.getByRole('button', { name: 'Einschränken' }));
  await page.keyboard.press('Enter');
  await expect(restrict).toBeHidden();
  await expect(hits.getByRole('row', { name: /Widerspruch, Wanda/ })).toContainText('Verarbeitung eingeschränkt');

  // Koordination approves with its passphrase; it sees the facts, not the name.
  await lockViaUserMenu(page);
  await page.goto(`${harness.url}#/uebersicht`);
  await unlock(page, KO.login, KO.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await tabTo(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufbewahrung & Löschung' }));
  await page.keyboard.press('Enter');
  const koRequests = page.getByRole('table', { name: 'Löschanträge' });
  await expect(koRequests).toBeVisible();
  await expect(koRequests).not.toContainText('Altakte');
  await expectNoA11yViolations(page, 'Aufbewahrung und Löschung (Koordination)');
  await tabTo(page, koRequests.getByRole('button', { name: /^Löschung freigeben für Akte / }));
  await page.keyboard.press('Enter');
  const approve = page.getByRole('alertdialog', { name: 'Löschung freigeben' });
  await expect(approve).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Löschung freigeben');
  await page.keyboard.type('Falsche Passphrase am Kanal 1');
  await page.keyboard.press('Enter');
  await expect(approve.getByText('Ihre Passphrase ist falsch. Es wurde nichts gelöscht.')).toBeVisible({ timeout: 15_000 });
  await approve.getByLabel('Ihre Passphrase').focus();
  await page.keyboard.type(KO.passphrase);
  await page.keyboard.press('Enter');
  await expect(approve).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText(/Die Akte wurde gelöscht/)).toBeVisible();
  await expect(koRequests.getByRole('row').filter({ hasText: 'gelöscht von Katrin Lange' })).toHaveCount(1);

  // The case manager: the restricted file shows the banner and offers no change.
  await lockViaUserMenu(page);
  await page.goto(`${harness.url}#/uebersicht`);
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await page.goto(`${harness.url}#/klienten/${contactId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Wanda Widerspruch/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('restricted-banner')).toContainText('Verarbeitung eingeschränkt (Art. 18 DSGVO)');
  await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
  await expectNoA11yViolations(page, 'Eingeschränkte Akte');
});
