import type { Locator, Page } from '@playwright/test';
import { germanDay, isoDay } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { setupToDashboard, unlock } from './flows';

test.setTimeout(240_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

async function tabTo(page: Page, target: Locator, maxTabs = 150): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('target not reached by Tab');
}

/** Waits until opening animations (dialog fade-in) have finished: axe measures contrast as the page shows it then. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The directory (by Koordination) and a case with a work goal (by the case manager), arranged through the API. */
async function seed(harness: HarnessFixture): Promise<string> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: KO.login, passphrase: KO.passphrase }));
  const jobcenter = await ok(harness.api<{ id: string }>('partners.save', { name: 'Jobcenter Kreis Unna', kind: 'jobcenter', rechtskreise: ['sgb2'], city: 'Lünen', offices: ['lunen'] }));
  await ok(harness.api('partnerContacts.save', { partnerId: jobcenter.id, name: 'Tobias Brandt', function: 'Arbeitsvermittlung' }));
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const client = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Haddad', givenNames: 'Rami', birthDate: '1988' }));
  const kase = await ok(harness.api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  await ok(harness.api('goals.add', { caseId: kase.id, area: 'work', title: 'Arbeit als Lagerhelfer finden' }));
  await ok(harness.api('consents.add', { clientId: client.id, agencies: ['Jobcenter Kreis Unna'], categories: ['master', 'work-education'], purpose: 'Fallkonferenz Arbeit', validFrom: isoDay(), form: 'oral', oralRecord: 'Mit Dolmetscher erklärt' }));
  await ok(harness.api('session.lock'));
  return kase.id;
}

test('a case manager runs a case conference whose actions appear in "Meine Arbeit"; keyboard only, axe clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  const caseId = await seed(harness);

  await page.reload();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fallakte Rami Haddad' })).toBeVisible({ timeout: 15_000 });

  // The tab list is entered by Tab and walked with the arrow keys.
  await tabTo(page, page.getByRole('tab', { name: 'Assessment' }));
  const conferencesTab = page.getByRole('tab', { name: 'Fallkonferenzen' });
  for (let i = 0; i < 6 && !(await conferencesTab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Fallkonferenzen' })).toBeVisible();
  await expect(page.getByText('Zu diesem Fall ist noch keine Fallkonferenz erfasst.')).toBeVisible();
  await expectNoA11yViolations(page, 'Fallkonferenzen (leer)');

  await tabTo(page, page.getByRole('button', { name: 'Neue Fallkonferenz' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Neue Fallkonferenz' });
  await expect(dialog).toBeVisible();
  await settled(page);
  await expectNoA11yViolations(page, 'Dialog Neue Fallkonferenz');

  await tabTo(page, dialog.getByRole('textbox', { name: 'Uhrzeit' }));
  await page.keyboard.type('10:30');
  // A partner from the directory, found by name, with its contact person and role.
  await tabTo(page, dialog.getByRole('textbox', { name: 'Netzwerkpartner suchen' }));
  await page.keyboard.type('Jobcenter');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: '1 Treffer' })).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Jobcenter Kreis Unna als Teilnehmende hinzufügen' }));
  await page.keyboard.press('Enter');
  const contact = dialog.getByRole('combobox', { name: 'Ansprechperson (Jobcenter Kreis Unna)' });
  await expect(contact.locator('option', { hasText: 'Tobias Brandt' })).toHaveCount(1);
  await tabTo(page, contact);
  await contact.selectOption({ label: 'Tobias Brandt (Arbeitsvermittlung)' });
  await tabTo(page, dialog.getByRole('textbox', { name: 'Rolle in der Konferenz (Jobcenter Kreis Unna)' }));
  await page.keyboard.type('Arbeitsvermittlung');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Arbeit & Ausbildung' }));
  await page.keyboard.type('Sucht Arbeit als Lagerhelfer, Staplerschein fehlt');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Ergebnisse' }));
  await page.keyboard.type('Staplerschein über das Jobcenter, danach Bewerbungen');

  // Two actions: one for the case manager (a Wiedervorlage), one for the Jobcenter under the work goal (a measure).
  await tabTo(page, dialog.getByRole('button', { name: 'Maßnahme hinzufügen' }));
  await page.keyboard.press('Enter');
  const first = dialog.getByRole('group', { name: 'Maßnahme 1' });
  await tabTo(page, first.getByRole('combobox', { name: 'Wer' }));
  await first.getByRole('combobox', { name: 'Wer' }).selectOption({ label: `KIM-Team: ${FM.name}` });
  await tabTo(page, first.getByRole('textbox', { name: 'Was' }));
  await page.keyboard.type('Unterlagen für den Staplerschein zusammenstellen');
  await tabTo(page, first.getByRole('textbox', { name: 'Bis wann' }));
  await page.keyboard.type(germanDay(isoDay()));
  await tabTo(page, dialog.getByRole('button', { name: 'Maßnahme hinzufügen' }));
  await page.keyboard.press('Enter');
  const second = dialog.getByRole('group', { name: 'Maßnahme 2' });
  await tabTo(page, second.getByRole('combobox', { name: 'Wer' }));
  await second.getByRole('combobox', { name: 'Wer' }).selectOption({ label: 'Partner: Jobcenter Kreis Unna' });
  await tabTo(page, second.getByRole('textbox', { name: 'Was' }));
  await page.keyboard.type('Staplerschein bewilligen');
  await tabTo(page, second.getByRole('textbox', { name: 'Bis wann' }));
  await page.keyboard.type(germanDay(isoDay(21)));
  await tabTo(page, second.getByRole('combobox', { name: /Ziel im Hilfeplan/ }));
  await second.getByRole('combobox', { name: /Ziel im Hilfeplan/ }).selectOption({ index: 1 });
  await tabTo(page, dialog.getByRole('textbox', { name: 'Nächster Termin' }));
  await page.keyboard.type(germanDay(isoDay(28)));
  await settled(page);
  await expectNoA11yViolations(page, 'Dialog Neue Fallkonferenz ausgefüllt');
  await tabTo(page, dialog.getByRole('button', { name: 'Speichern' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Fallkonferenz vom ${germanDay(isoDay())} gespeichert.` })).toBeVisible();
  const list = page.getByRole('list', { name: 'Fallkonferenzen dieses Falls' });
  await expect(list.getByRole('heading', { level: 3, name: `Fallkonferenz am ${germanDay(isoDay())}, 10:30 Uhr` })).toBeVisible();
  await expect(list).toContainText('Jobcenter Kreis Unna – Tobias Brandt – Arbeitsvermittlung');
  await expect(list).toContainText(`Nächste Fallkonferenz: ${germanDay(isoDay(28))}`);
  await expect(list.getByRole('checkbox', { name: /Staplerschein bewilligen .* im Hilfeplan/ })).not.toBeChecked();
  await expectNoA11yViolations(page, 'Fallkonferenzen mit einer Konferenz');

  // A second conference the same day: the warning first, back to the form, then recorded once confirmed.
  await tabTo(page, page.getByRole('button', { name: 'Neue Fallkonferenz' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Speichern' }));
  await page.keyboard.press('Enter');
  const warning = page.getByRole('alertdialog', { name: 'Zweite Fallkonferenz am selben Tag?' });
  await expect(warning).toBeVisible();
  await settled(page);
  await expectNoA11yViolations(page, 'Warnung zweite Fallkonferenz');
  await expect(warning.getByRole('button', { name: 'Trotzdem anlegen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(warning.getByRole('button', { name: 'Zurück zur Eingabe' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Speichern' }));
  await page.keyboard.press('Enter');
  await expect(warning).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(2);

  // "Meine Arbeit" shows the action due today; done there, it is ticked on the case file.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await tabTo(page, nav.getByRole('link', { name: 'Übersicht' }));
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Vereinbarte Maßnahmen aus Fallkonferenzen' });
  await expect(card).toContainText('Unterlagen für den Staplerschein zusammenstellen');
  await expect(card).toContainText(`Rami Haddad · Fallkonferenz vom ${germanDay(isoDay())}`);
  await expect(card).not.toContainText('Staplerschein bewilligen');
  await expectNoA11yViolations(page, 'Meine Arbeit mit vereinbarten Maßnahmen');
  await tabTo(page, page.getByRole('button', { name: 'Vereinbarte Maßnahme „Unterlagen für den Staplerschein zusammenstellen“ für Rami Haddad als erledigt markieren' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Vereinbarte Maßnahme „Unterlagen für den Staplerschein zusammenstellen“ erledigt.' })).toBeVisible();
  await expect(card).not.toContainText('Unterlagen für den Staplerschein zusammenstellen');

  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await page.getByRole('tab', { name: 'Fallkonferenzen' }).click();
  await expect(page.getByRole('checkbox', { name: /Unterlagen für den Staplerschein zusammenstellen/ })).toBeChecked();

  // Input of an open dialog survives a lock the OS requests; reopening the dialog continues it.
  await page.getByRole('button', { name: 'Neue Fallkonferenz' }).click();
  await dialog.getByRole('textbox', { name: 'Ergebnisse' }).fill('Vorläufig: Sprachkurs zuerst');
  await expect.poll(() => harness.listenerCount).toBeGreaterThan(0);
  expect(await harness.requestLock('suspend')).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: 'KIM-Akte ist gesperrt' })).toBeVisible();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await page.getByRole('tab', { name: 'Fallkonferenzen' }).click();
  await page.getByRole('button', { name: 'Neue Fallkonferenz (Entwurf fortsetzen)' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Ergebnisse' })).toHaveValue('Vorläufig: Sprachkurs zuerst');
  await expect(dialog.getByText('Ungespeicherte Eingaben wurden wiederhergestellt')).toBeVisible();
  await settled(page);
  await expectNoA11yViolations(page, 'Dialog Neue Fallkonferenz mit wiederhergestelltem Entwurf');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('button', { name: 'Neue Fallkonferenz', exact: true })).toBeVisible();
});
