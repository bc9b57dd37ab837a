import type { Locator, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { enrolViaApi } from './enrol-flows';
import { setupToDashboard, unlock } from './flows';

test.setTimeout(180_000);

const KO = { login: 'ko.lange', name: 'Katrin Lange', passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };
const FM = { login: 'fm.yilmaz', name: 'Derya Yilmaz', passphrase: 'Seseke Brücke am Morgen 2026' };

async function tabTo(page: Page, target: Locator, maxTabs = 150): Promise<void> {
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

/** Koordination's directory entry, and the case manager's client with an open case, arranged through the API. */
async function arrange(harness: HarnessFixture): Promise<{ clientId: string; caseId: string }> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: KO.login, passphrase: KO.passphrase }));
  const mbe = await ok(
    harness.api<{ id: string }>('partners.save', {
      name: 'MBE Caritas Lünen',
      kind: 'migrationsberatung',
      rechtskreise: [],
      city: 'Lünen',
      languages: ['de', 'ar'],
      services: ['migration-counselling-adults'],
      offices: ['lunen'],
    }),
  );
  await ok(harness.api('partnerContacts.save', { partnerId: mbe.id, name: 'Hanna Vogt', function: 'Beraterin' }));
  await ok(harness.api('partners.save', { name: 'Jobcenter Kreis Unna', kind: 'jobcenter', rechtskreise: ['sgb2'], city: 'Lünen', languages: ['de'], services: ['benefits'], offices: ['lunen'] }));
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FM.login, passphrase: FM.passphrase }));
  const client = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Haddad', givenNames: 'Rami', birthDate: '1988-03-01' }));
  const opened = await ok(harness.api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  // Another client's referral, sent last week with a deadline of yesterday: overdue feedback in "Meine Arbeit".
  const other = await ok(harness.api<{ id: string }>('clients.create', { familyName: 'Okafor', givenNames: 'Chinedu', birthDate: '1991-05-02' }));
  const otherCase = await ok(harness.api<{ id: string }>('cases.open', { clientId: other.id, rechtskreise: ['sgb3'] }));
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await ok(harness.api('consents.add', { clientId: other.id, partnerIds: [mbe.id], categories: ['master'], purpose: 'Vermittlung', validFrom: day(-10), form: 'oral', oralRecord: 'Mündlich erklärt' }));
  const late = await ok(harness.api<{ id: string; version: number }>('referrals.create', { caseId: otherCase.id, partnerId: mbe.id, request: 'Beratung', categories: ['master'], feedbackDue: day(-1) }));
  await ok(harness.api('referrals.send', { id: late.id, version: late.version, sentOn: day(-7), followUpTitle: 'Rückmeldung zur Vermittlung an MBE Caritas Lünen' }));
  await ok(harness.api('session.lock'));
  return { clientId: client.id, caseId: opened.id };
}

test('a case manager is stopped by the missing consent, records one naming the partner, sends the referral and records the feedback; keyboard, axe clean', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, KO, 'koordination');
  await enrolViaApi(harness, FM, 'fallmanagement');
  const { clientId, caseId } = await arrange(harness);

  await page.reload();
  await unlock(page, FM.login, FM.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  const overdue = page.getByRole('region', { name: 'Überfällige Rückmeldungen' });
  await expect(overdue.getByRole('link', { name: 'MBE Caritas Lünen – Chinedu Okafor' })).toBeVisible();
  await expectNoA11yViolations(page, 'Meine Arbeit mit überfälliger Rückmeldung');
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Rami Haddad/ })).toBeVisible();

  // The tab and the section by keyboard: Tab to the tab list, arrows to the tab.
  await tabTo(page, page.getByRole('tab', { selected: true }));
  const referralsTab = page.getByRole('tab', { name: 'Vermittlungen' });
  for (let i = 0; i < 8 && !(await referralsTab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await expect(referralsTab).toBeFocused();
  await page.keyboard.press('Enter');
  const section = page.getByRole('region', { name: 'Vermittlungen' });
  await expect(section.getByText('Für diesen Fall gibt es noch keine Vermittlung.')).toBeVisible();
  await expectNoA11yViolations(page, 'Vermittlungen, leer');

  await tabTo(page, section.getByRole('button', { name: 'Neue Vermittlung' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Neue Vermittlung' });
  await expect(dialog).toBeVisible();
  // Saving empty names every missing field.
  await dialog.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(dialog.getByText('Bitte einen Partner auswählen.')).toBeVisible();
  await expect(dialog.getByText('Bitte mindestens eine Datenkategorie wählen.')).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Neue Vermittlung mit Fehlern');

  await dialog.getByRole('searchbox', { name: /Partner suchen/ }).fill('MBE');
  await dialog.getByRole('radio', { name: 'MBE Caritas Lünen (Lünen)' }).check();
  await expect(dialog.getByRole('combobox', { name: /Ansprechperson/ })).toContainText('Hanna Vogt (Beraterin)');
  await dialog.getByRole('textbox', { name: /Was wird angefragt/ }).fill('Beratung zur Anerkennung des Berufsabschlusses');
  await dialog.getByRole('checkbox', { name: 'Stammdaten' }).check();
  await dialog.getByRole('checkbox', { name: 'Arbeit & Bildung' }).check();
  await expectNoA11yViolations(page, 'Dialog Neue Vermittlung ausgefüllt');
  await dialog.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Entwurf');

  // Sending is refused: no consent names the partner, and the message says so.
  await tabTo(page, section.getByRole('button', { name: 'Vermittlung an MBE Caritas Lünen versenden' }));
  await page.keyboard.press('Enter');
  await expect(section.getByRole('alert')).toContainText('Für „MBE Caritas Lünen“ liegt keine gültige Einwilligung vor.');
  await expectNoA11yViolations(page, 'Vermittlungen, Versand abgelehnt');

  // The consent, in the client file, naming the partner from the directory, for master data only first.
  await page.goto(`${harness.url}#/klienten/${clientId}`);
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();
  await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
  const consent = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
  await consent.getByRole('searchbox', { name: /Partner suchen/ }).fill('Caritas');
  await consent.getByRole('checkbox', { name: 'MBE Caritas Lünen (Lünen)' }).check();
  await consent.getByRole('checkbox', { name: 'Stammdaten' }).check();
  await consent.getByRole('textbox', { name: /^Zweck/ }).fill('Vermittlung in die Migrationsberatung');
  await consent.getByRole('radio', { name: 'mündlich (dokumentiert)' }).check();
  await consent.getByRole('textbox', { name: /^Dokumentation der mündlichen Einwilligung/ }).fill('Im Beratungsgespräch mit Dolmetscherin erklärt');
  await expectNoA11yViolations(page, 'Einwilligung mit Partner');
  await consent.getByRole('button', { name: 'Einwilligung speichern' }).click();
  await expect(consent).toHaveCount(0);
  await expect(page.getByTestId('consent-item').first()).toContainText('MBE Caritas Lünen');

  // One category short: the message names it.
  await page.goto(`${harness.url}#/faelle/${caseId}`);
  await page.getByRole('tab', { name: 'Vermittlungen' }).click();
  await section.getByRole('button', { name: 'Vermittlung an MBE Caritas Lünen versenden' }).click();
  await expect(section.getByRole('alert')).toContainText('decken diese Datenkategorien nicht ab: Arbeit & Bildung');

  // Edit the draft down to what the consent covers, then send.
  await section.getByRole('button', { name: 'Bearbeiten' }).click();
  const edit = page.getByRole('dialog', { name: 'Vermittlung bearbeiten' });
  await edit.getByRole('checkbox', { name: 'Arbeit & Bildung' }).uncheck();
  await edit.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(edit).toHaveCount(0);
  await section.getByRole('button', { name: 'Vermittlung an MBE Caritas Lünen versenden' }).click();
  await expect(section.getByRole('status')).toContainText('Die Vermittlung an MBE Caritas Lünen wurde versendet.');
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Versendet');

  // The feedback, by keyboard.
  await tabTo(page, section.getByRole('button', { name: 'Rückmeldung erfassen' }));
  await page.keyboard.press('Enter');
  const feedback = page.getByRole('dialog', { name: 'Rückmeldung zur Vermittlung an MBE Caritas Lünen' });
  await expect(feedback).toBeVisible();
  await feedback.getByRole('radio', { name: 'Abgelehnt' }).check();
  await feedback.getByRole('button', { name: 'Rückmeldung speichern' }).click();
  await expect(feedback.getByText('Bitte die Begründung angeben (mindestens 3 Zeichen).')).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Rückmeldung');
  await feedback.getByRole('radio', { name: 'Angenommen' }).check();
  await feedback.getByRole('button', { name: 'Rückmeldung speichern' }).click();
  await expect(feedback).toHaveCount(0);
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Angenommen');
  await expectNoA11yViolations(page, 'Vermittlungen mit angenommener Vermittlung');

  // Done without success, then reopened with a note: back to accepted.
  await section.getByRole('button', { name: 'Rückmeldung erfassen' }).click();
  await feedback.getByRole('radio', { name: 'Nicht erfolgreich' }).check();
  await feedback.getByRole('combobox', { name: /Grund/ }).selectOption({ label: 'Keine Kapazität beim Partner' });
  await feedback.getByRole('button', { name: 'Rückmeldung speichern' }).click();
  await expect(feedback).toHaveCount(0);
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Keine Kapazität beim Partner');
  await section.getByRole('button', { name: 'Wieder aufnehmen' }).click();
  const reopen = page.getByRole('dialog', { name: 'Vermittlung an MBE Caritas Lünen wieder aufnehmen' });
  await reopen.getByRole('button', { name: 'Wieder aufnehmen' }).click();
  await expect(reopen.getByText('Bitte einen Hinweis angeben (mindestens 3 Zeichen).')).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Wieder aufnehmen');
  await reopen.getByRole('textbox', { name: /Warum wird sie wieder aufgenommen/ }).fill('Platz wurde frei');
  await reopen.getByRole('button', { name: 'Wieder aufnehmen' }).click();
  await expect(reopen).toHaveCount(0);
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Angenommen');

  // Deleting asks for a reason and the passphrase; a wrong one deletes nothing.
  await section.getByRole('button', { name: 'Löschen' }).click();
  const remove = page.getByRole('alertdialog', { name: 'Vermittlung löschen' });
  await remove.getByRole('textbox', { name: /Grund der Löschung/ }).fill('Doppelt angelegt');
  await remove.getByLabel(/Ihre Passphrase zur Bestätigung/).fill('falsch geraten 123');
  await remove.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(remove.getByText('Die Passphrase ist falsch. Es wurde nichts gelöscht.')).toBeVisible();
  await expectNoA11yViolations(page, 'Dialog Vermittlung löschen mit Fehler');
  await remove.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(remove).toHaveCount(0);
  await expect(section.getByRole('row', { name: /MBE Caritas Lünen/ })).toHaveCount(1);

  // The client file shows who holds which data.
  await page.goto(`${harness.url}#/klienten/${clientId}`);
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();
  const holders = page.getByRole('region', { name: 'Wer hat welche Daten dieser Person?' });
  await expect(holders.getByRole('row', { name: /MBE Caritas Lünen/ })).toContainText('Vermittlung vom');
  await expectNoA11yViolations(page, 'Wer hat welche Daten');
});
