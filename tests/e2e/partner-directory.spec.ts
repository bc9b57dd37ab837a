import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

const PARTNER = {
  kind: 'sprachkurstraeger',
  rechtskreise: [],
  street: 'Kreisstraße 12',
  postalCode: '59379',
  city: 'Selm',
  openingHours: 'Mo–Do 9–15 Uhr',
  languages: ['de', 'ar'],
  services: ['integration-course', 'childcare-during-course'],
  offices: ['selm'],
};

async function tabTo(page: Page, target: Locator, maxTabs = 120): Promise<void> {
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

/** Koordination's directory, arranged through the API: the AWO course with childcare in Selm, two others. */
async function seedDirectory(harness: HarnessFixture): Promise<void> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: KO.login, passphrase: KO.passphrase }));
  const awo = await ok(harness.api<{ id: string }>('partners.save', { ...PARTNER, name: 'AWO Integrationskurse Selm' }));
  await ok(harness.api('partnerContacts.save', { partnerId: awo.id, name: 'Miriam Schäfer', function: 'Kursorganisation', phone: '02592 1234-12' }));
  await ok(harness.api('partners.save', { ...PARTNER, name: 'VHS Lünen', city: 'Lünen', offices: ['lunen'] }));
  await ok(harness.api('partners.save', { ...PARTNER, name: 'Sprachtreff Selm', kind: 'ehrenamt', services: ['integration-course'] }));
  await ok(harness.api('session.lock'));
}

test('a case manager finds a course with childcare in Selm and proposes a change, Koordination accepts it; keyboard only, axe clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  await seedDirectory(harness);

  // The case manager: Partnernetz from the navigation, by keyboard.
  await page.reload();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await tabTo(page, nav.getByRole('link', { name: 'Partnernetz' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Partnernetz' })).toBeFocused();
  await expect(page.getByTestId('partner-row')).toHaveCount(3);
  await expectNoA11yViolations(page, 'Partnernetz (Fallmanagement)');

  // "Wer bietet Integrationskurse mit Kinderbetreuung in Selm?": two offers and the office, chosen by typing.
  const search = page.getByRole('search', { name: 'Partner suchen' });
  await tabTo(page, search.getByRole('combobox', { name: 'Angebot', exact: true }));
  await page.keyboard.type('Integrationskurs');
  await tabTo(page, search.getByRole('combobox', { name: 'Weiteres Angebot' }));
  await page.keyboard.type('Kinderbetreuung');
  await tabTo(page, search.getByRole('combobox', { name: 'Dienststelle' }));
  await page.keyboard.type('Selm');
  await expect(search.getByRole('combobox', { name: 'Dienststelle' })).toHaveValue('selm');
  await tabTo(page, search.getByRole('button', { name: 'Suchen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 Partner gefunden' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Gefundene Partner' }).getByTestId('partner-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('AWO Integrationskurse Selm');
  await expect(rows.first()).toContainText('Kinderbetreuung während des Kurses');

  // The detail with its contact person; focus lands on it.
  await tabTo(page, page.getByRole('button', { name: 'Details: AWO Integrationskurse Selm' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Partner: AWO Integrationskurse Selm' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Ansprechpersonen von AWO Integrationskurse Selm' })).toContainText('Miriam Schäfer');
  // A case manager proposes; editing is Koordination's.
  await expect(page.getByRole('button', { name: 'Bearbeiten' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'Partnernetz: Details (Fallmanagement)');

  await tabTo(page, page.getByRole('button', { name: 'Änderung vorschlagen', exact: true }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Änderung vorschlagen: AWO Integrationskurse Selm' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Änderung vorschlagen');

  // A bad postcode is named at its field, which gets focus; nothing is sent.
  await tabTo(page, dialog.getByRole('textbox', { name: 'Postleitzahl' }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5937');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Öffnungszeiten' }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Mo–Fr 8–16 Uhr');
  await tabTo(page, dialog.getByRole('button', { name: 'Vorschlag senden' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Bitte geben Sie eine fünfstellige Postleitzahl ein.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Postleitzahl' })).toBeFocused();
  await expectNoA11yViolations(page, 'Dialog Änderung vorschlagen mit Fehler');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('59379');
  await tabTo(page, dialog.getByRole('button', { name: 'Vorschlag senden' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Ihr Vorschlag zu „AWO Integrationskurse Selm“ wurde an die Koordination gesendet.' })).toBeVisible();
  const own = page.getByRole('table', { name: 'Meine Änderungsvorschläge' }).getByTestId('partner-proposal');
  await expect(own).toHaveCount(1);
  await expect(own.first()).toContainText('offen');
  // Nothing changes before Koordination decides.
  await expect(page.getByText('Mo–Do 9–15 Uhr')).toBeVisible();

  // A new contact person, proposed the same way.
  await tabTo(page, page.getByRole('button', { name: 'Ansprechperson vorschlagen' }));
  await page.keyboard.press('Enter');
  const contactDialog = page.getByRole('dialog', { name: 'Ansprechperson vorschlagen' });
  await expect(contactDialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Hasan Demir');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kinderbetreuung');
  await expectNoA11yViolations(page, 'Dialog Ansprechperson vorschlagen');
  await page.keyboard.press('Enter');
  await expect(contactDialog).toBeHidden();
  await expect(own).toHaveCount(2);

  // Koordination decides.
  await lockViaUserMenu(page);
  await unlock(page, KO.login, KO.passphrase);
  // Unlocking returns to the screen that was open.
  await expect(page.getByRole('heading', { level: 1, name: 'Partnernetz' })).toBeVisible({ timeout: 15_000 });
  const open = page.getByRole('table', { name: 'Offene Änderungsvorschläge' }).getByTestId('partner-proposal');
  await expect(open).toHaveCount(2);
  const hours = open.filter({ hasText: 'Partnerdaten' });
  await expect(hours).toContainText('Derya Yilmaz');
  await expect(hours).toContainText('Mo–Fr 8–16 Uhr');
  await expect(open.filter({ hasText: 'Ansprechperson: Hasan Demir' })).toHaveCount(1);
  await expectNoA11yViolations(page, 'Partnernetz (Koordination)');
  await tabTo(page, page.getByRole('button', { name: 'Vorschlag zu AWO Integrationskurse Selm annehmen (Partnerdaten)' }), 80);
  await page.keyboard.press('Enter');
  const decide = page.getByRole('alertdialog', { name: 'Vorschlag annehmen' });
  await expect(decide).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Vorschlag annehmen');
  await page.keyboard.type('Telefonisch bestätigt');
  await tabTo(page, decide.getByRole('button', { name: 'Annehmen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Der Vorschlag zu „AWO Integrationskurse Selm“ wurde angenommen und übernommen.' })).toBeVisible();
  await expect(open).toHaveCount(1);
  // The contact proposal is rejected the same way.
  await tabTo(page, page.getByRole('button', { name: 'Vorschlag zu AWO Integrationskurse Selm ablehnen (Ansprechperson: Hasan Demir)' }), 80);
  await page.keyboard.press('Enter');
  const reject = page.getByRole('alertdialog', { name: 'Vorschlag ablehnen' });
  await expect(reject).toBeVisible();
  await tabTo(page, reject.getByRole('button', { name: 'Ablehnen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Es liegen keine offenen Vorschläge vor.')).toBeVisible();

  // The accepted hours are the partner's now; Koordination's edit form opens on them.
  await tabTo(page, page.getByRole('button', { name: 'Details: AWO Integrationskurse Selm' }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Partner: AWO Integrationskurse Selm' })).toBeFocused();
  await expect(page.getByText('Mo–Fr 8–16 Uhr')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Bearbeiten', exact: true }));
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Partner bearbeiten: AWO Integrationskurse Selm' });
  await expect(edit.getByRole('textbox', { name: 'Öffnungszeiten' })).toHaveValue('Mo–Fr 8–16 Uhr');
  await expectNoA11yViolations(page, 'Dialog Partner bearbeiten');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
});
