import { createHash } from 'node:crypto';
import { expect, expectNoA11yViolations, test } from './fixtures';
import { CASE_MANAGER, germanDay, isoDay, minimalPdf, shot, TINY_PNG } from './case-flows';
import { ADMIN, lockViaUserMenu, setupToDashboard, unlock } from './flows';
import { APPROVER, enrolViaApi } from './enrol-flows';

const ONE_TIME = 'Einmal-Passphrase vom Rathaus Lünen 2026';

// One long walk through a case manager's day; every screen and dialog is checked with axe on the way.
test.setTimeout(480_000);

test("a case manager's day: account, client, duplicate warning, residence, documents, case through all phases", async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });

  // The IT administrator sees accounts, never client data.
  await expect(nav.getByRole('link', { name: 'Klient:innen' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Benutzerkonten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible();
  await expectNoA11yViolations(page, 'accounts');
  await shot(page, 'accounts');
  const form = page.getByRole('form', { name: 'Neues Konto' });
  await form.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(form.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await expectNoA11yViolations(page, 'accounts with errors');
  await shot(page, 'accounts-with-errors');
  await form.getByRole('textbox', { name: 'Anmeldename' }).fill(CASE_MANAGER.login);
  await form.getByRole('textbox', { name: 'Vollständiger Name' }).fill(CASE_MANAGER.name);
  await form.getByRole('combobox', { name: 'Rolle' }).selectOption({ label: 'Fallmanagement' });
  await form.getByRole('textbox', { name: 'Anfangs-Passphrase', exact: true }).fill(ONE_TIME);
  await form.getByRole('textbox', { name: 'Anfangs-Passphrase wiederholen' }).fill(ONE_TIME);
  await form.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(
    page.getByText(`Das Konto „${CASE_MANAGER.login}“ für ${CASE_MANAGER.name} (Fallmanagement) wurde angelegt und wartet auf die Freigabe durch den Datenschutz`, { exact: false }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Vorhandene Konten' }).getByRole('cell', { name: CASE_MANAGER.name })).toBeVisible();

  // Datenschutz approves the new account (the approval screens have their own test in account-admin.spec.ts).
  await enrolViaApi(harness, APPROVER, 'datenschutz');
  await harness.api('session.lock');
  await harness.api('session.unlock', { login: APPROVER.login, passphrase: APPROVER.passphrase });
  const requests = await harness.api<{ id: string; status: string }[]>('accounts.requests');
  const pending = requests.ok ? requests.value.find((r) => r.status === 'pending') : undefined;
  expect(await harness.api('accounts.decideRequest', { id: pending?.id, decision: 'approve', confirmPassphrase: APPROVER.passphrase })).toMatchObject({ ok: true });
  await harness.api('session.lock');
  await harness.api('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });

  // The case manager unlocks with the one-time passphrase, chooses her own, and sees her work, not the account
  // administration.
  await lockViaUserMenu(page);
  await unlock(page, CASE_MANAGER.login, ONE_TIME);
  await expect(page.getByRole('heading', { level: 1, name: 'Eigene Passphrase festlegen' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`${ADMIN.name} (IT-Administration) hat Ihr Konto am`, { exact: false })).toBeVisible();
  await expectNoA11yViolations(page, 'first passphrase of a new account');
  await page.getByRole('textbox', { name: 'Passphrase von der IT' }).fill(ONE_TIME);
  await page.getByRole('textbox', { name: 'Ihre neue Passphrase' }).fill(CASE_MANAGER.passphrase);
  await page.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(CASE_MANAGER.passphrase);
  await page.getByRole('button', { name: 'Passphrase festlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Meine Arbeit' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Benutzerkonten' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Meine Wiedervorlagen' })).toBeVisible();
  await expectNoA11yViolations(page, 'work overview (empty)');
  await shot(page, 'work-overview-empty');

  // First client: born 1990, only the year known.
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible();
  await expectNoA11yViolations(page, 'client list (empty)');
  await shot(page, 'client-list-empty');
  await page.getByRole('button', { name: 'Neue Klient:in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Klient:in' })).toBeVisible();
  await expectNoA11yViolations(page, 'new client form');
  await shot(page, 'new-client-form');
  await page.getByRole('textbox', { name: 'Familienname' }).fill('Al-Hassan');
  await page.getByRole('textbox', { name: 'Vorname(n)' }).fill('Mohammed');
  await page.getByRole('radio', { name: 'nur das Jahr' }).check();
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('1990');
  await page.getByRole('combobox', { name: 'Geschlecht' }).selectOption({ label: 'männlich' });
  await page.getByRole('combobox', { name: 'Staatsangehörigkeit', exact: true }).selectOption({ label: 'Syrien' });
  await page.getByRole('combobox', { name: 'Erstsprache' }).selectOption('ar');
  await page.getByRole('checkbox', { name: 'Dolmetschung nötig (Sprache 1)' }).check();
  await page.getByRole('textbox', { name: 'Einreise nach Deutschland' }).fill('09.2015');
  await page.getByRole('textbox', { name: 'Straße und Hausnummer' }).fill('Lange Straße 12');
  await page.getByRole('textbox', { name: 'Postleitzahl' }).fill('44532');
  await page.getByRole('textbox', { name: 'Ort' }).fill('Lünen');
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('client-birth-date')).toHaveText('1990 (nur Jahr)');
  await expectNoA11yViolations(page, 'client file (master data)');
  await shot(page, 'client-file-master-data');

  // A second client with a variant spelling of the same name: the duplicate warning comes before saving.
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await page.getByRole('button', { name: 'Neue Klient:in' }).click();
  await page.getByRole('textbox', { name: 'Familienname' }).fill('Alhasan');
  await page.getByRole('textbox', { name: 'Vorname(n)' }).fill('Muhammad');
  await page.getByRole('radio', { name: 'nur das Jahr' }).check();
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('1990');
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  const duplicates = page.getByRole('dialog', { name: 'Mögliche Dubletten gefunden' });
  await expect(duplicates).toBeVisible({ timeout: 15_000 });
  await expect(duplicates.getByText('Al-Hassan, Mohammed')).toBeVisible();
  await expect(duplicates.getByRole('link', { name: 'Akte von Mohammed Al-Hassan öffnen' })).toBeVisible();
  await expectNoA11yViolations(page, 'duplicate warning dialog');
  await shot(page, 'duplicate-warning-dialog');
  await duplicates.getByRole('button', { name: 'Zurück zur Eingabe' }).click();
  await expect(duplicates).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Familienname' })).toHaveValue('Alhasan');
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible();
  expect(await harness.api('clients.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  await expect(page.getByRole('status').filter({ hasText: '1 Klient:in' })).toBeVisible();
  await expectNoA11yViolations(page, 'client list');
  await shot(page, 'client-list');

  // Residence status expiring within 8 weeks: the warning shows in the header at a glance.
  await page.getByRole('link', { name: 'Al-Hassan, Mohammed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mohammed Al-Hassan' })).toBeVisible();
  await page.getByRole('tab', { name: 'Aufenthalt' }).click();
  const until = isoDay(30);
  await page.getByRole('combobox', { name: 'Art des Aufenthaltsstatus' }).selectOption({ label: 'Aufenthaltserlaubnis' });
  await page.getByRole('textbox', { name: 'Rechtsgrundlage' }).fill('§ 25 Abs. 2 AufenthG');
  await page.getByLabel('Gültig ab').fill(germanDay(isoDay(-335)));
  await page.getByLabel('Gültig bis', { exact: true }).fill(germanDay(until));
  await page.getByRole('button', { name: 'Status hinzufügen' }).click();
  await expect(page.getByTestId('residence-expiry')).toContainText(`läuft in 30 Tagen ab (${germanDay(until)})`);
  await expect(page.getByRole('cell', { name: '§ 25 Abs. 2 AufenthG', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'client file (residence)');
  await shot(page, 'client-file-residence');

  // Documents: a real PDF through the file dialog, an image by drag and drop, a file over the limit refused.
  await page.getByRole('tab', { name: 'Dokumente' }).click();
  await expectNoA11yViolations(page, 'client file (documents, empty)');
  await shot(page, 'client-file-documents-empty');
  const pdf = minimalPdf();
  await page.getByRole('combobox', { name: 'Kategorie' }).selectOption({ label: 'Bescheid' });
  await page.getByTestId('document-file-input').setInputFiles({ name: 'Bescheid-ABH.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert: Bescheid-ABH.pdf.' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: 'Bescheid-ABH.pdf', exact: true })).toBeVisible();
  await expect(page.getByTestId('document-hash').first()).toHaveText(createHash('sha256').update(pdf).digest('hex'));

  await page.getByTestId('document-drop-zone').evaluate((zone, pngBase64) => {
    const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'Passfoto.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, TINY_PNG.toString('base64'));
  await expect(page.getByRole('cell', { name: 'Passfoto.png', exact: true })).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('document-file-input').setInputFiles({ name: 'Scan-gross.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x25) });
  await expect(page.getByRole('alert').filter({ hasText: '„Scan-gross.pdf“ ist zu groß' })).toContainText('höchstens 20 MB');
  await expectNoA11yViolations(page, 'client file (documents, with size error)');
  await shot(page, 'client-file-documents-with-size-error');

  await page.getByRole('button', { name: '„Passfoto.png“ ansehen' }).click();
  await expect(page.getByRole('img', { name: 'Bild „Passfoto.png“' })).toBeVisible({ timeout: 15_000 });
  await expectNoA11yViolations(page, 'image preview');
  await shot(page, 'image-preview');
  await page.getByRole('button', { name: 'Vorschau schließen' }).click();

  await page.getByRole('button', { name: '„Bescheid-ABH.pdf“ ansehen' }).click();
  const frame = page.locator('iframe[title="Vorschau: Bescheid-ABH.pdf"]');
  await expect(frame).toHaveAttribute('src', /^blob:/, { timeout: 15_000 });
  // Chromium's own PDF viewer renders it (a blocked frame would show Chromium's error page instead).
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 15_000 }).toBe(true);
  await page.getByRole('button', { name: 'Vorschau schließen' }).click();

  // Delete with confirmation: the case manager's own passphrase again.
  await page.getByRole('button', { name: '„Passfoto.png“ löschen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Dokument löschen?' });
  await expect(confirm).toBeVisible();
  await expectNoA11yViolations(page, 'delete document dialog');
  await shot(page, 'delete-document-dialog');
  await confirm.getByLabel('Ihre Passphrase').fill(CASE_MANAGER.passphrase);
  await confirm.getByRole('button', { name: 'Löschen' }).click();
  await expect(confirm).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: 'Passfoto.png', exact: true })).toHaveCount(0);

  // Open a case.
  await page.getByRole('tab', { name: 'Fälle' }).click();
  await page.getByRole('button', { name: 'Fall eröffnen' }).click();
  const openDialog = page.getByRole('dialog', { name: 'Fall eröffnen' });
  await expect(openDialog).toBeVisible();
  await openDialog.getByRole('checkbox', { name: 'SGB II (Jobcenter)' }).check();
  await openDialog.getByRole('checkbox', { name: 'AufenthG (Ausländerbehörde)' }).check();
  await expectNoA11yViolations(page, 'open case dialog');
  await shot(page, 'open-case-dialog');
  await openDialog.getByRole('button', { name: 'Fall eröffnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fallakte Mohammed Al-Hassan' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Aktuelle Phase: Zugang/Erstgespräch' })).toBeVisible();
  await expect(page.getByText('SGB II (Jobcenter), AufenthG (Ausländerbehörde)')).toBeVisible();
  await expectNoA11yViolations(page, 'case file (intake)');
  await shot(page, 'case-file-intake');

  // Assessment.
  await page.getByRole('button', { name: 'Nächste Phase: Assessment' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktuelle Phase: Assessment' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Lebensbereich' }).selectOption({ label: 'Sprache' });
  await page.getByRole('radio', { name: 'dringender Bedarf' }).check();
  await page.getByRole('textbox', { name: 'Einschätzung' }).fill('Deutsch auf A2-Niveau, Kurs abgebrochen wegen Kinderbetreuung.');
  await page.getByRole('button', { name: 'Einschätzung speichern' }).click();
  await expect(page.getByRole('row', { name: /Sprache dringender Bedarf/ })).toBeVisible();
  await expectNoA11yViolations(page, 'case file (assessment)');
  await shot(page, 'case-file-assessment');

  // Hilfeplan: a goal with a measure.
  await page.getByRole('button', { name: 'Nächste Phase: Hilfeplanung' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktuelle Phase: Hilfeplanung' })).toBeVisible();
  await page.getByRole('tab', { name: 'Hilfeplan' }).click();
  await page.getByRole('combobox', { name: 'Lebensbereich' }).selectOption({ label: 'Sprache' });
  await page.getByRole('textbox', { name: 'Ziel' }).fill('Deutschkurs B1 abschließen');
  await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const goal = page.getByRole('article', { name: /Deutschkurs B1 abschließen/ });
  await expect(goal).toBeVisible();
  await goal.getByRole('textbox', { name: 'Maßnahme' }).fill('Anmeldung Integrationskurs mit Kinderbetreuung');
  await goal.getByRole('textbox', { name: 'Zuständig' }).fill('VHS Lünen');
  await goal.getByLabel('Fällig am').fill(germanDay(isoDay(14)));
  await goal.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
  await expect(goal.getByRole('cell', { name: 'Anmeldung Integrationskurs mit Kinderbetreuung', exact: true })).toBeVisible();
  await goal.getByRole('combobox', { name: 'Stand der Maßnahme „Anmeldung Integrationskurs mit Kinderbetreuung“' }).selectOption({ label: 'läuft' });
  await goal.getByRole('combobox', { name: 'Stand des Ziels' }).selectOption({ label: 'in Arbeit' });
  await expect(goal.getByRole('combobox', { name: 'Stand des Ziels' })).toHaveValue('in-progress');
  await expectNoA11yViolations(page, 'case file (Hilfeplan)');
  await shot(page, 'case-file-hilfeplan');

  // Implementation: a note and a Wiedervorlage.
  await page.getByRole('button', { name: 'Nächste Phase: Umsetzung & Monitoring' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktuelle Phase: Umsetzung & Monitoring' })).toBeVisible();
  await page.getByRole('tab', { name: 'Notizen' }).click();
  await page.getByRole('combobox', { name: 'Art des Kontakts' }).selectOption({ label: 'telefonisch' });
  await page.getByRole('textbox', { name: 'Beteiligte' }).fill('Klient, Dolmetscherin (Arabisch)');
  await page.getByRole('textbox', { name: 'Notiz', exact: true }).fill('Kursplatz ab nächstem Monat zugesagt, Kita-Platz noch offen.');
  await page.getByRole('checkbox', { name: /^Intern/ }).check();
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  const notes = page.getByRole('list', { name: 'Notizen, neueste zuerst' });
  await expect(notes.getByText('Kursplatz ab nächstem Monat zugesagt, Kita-Platz noch offen.')).toBeVisible();
  await expect(notes.getByText('intern', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'case file (notes)');
  await shot(page, 'case-file-notes');

  await page.getByRole('tab', { name: 'Wiedervorlagen' }).click();
  await page.getByRole('textbox', { name: 'Was ist zu tun?' }).fill('Rückmeldung der VHS zum Kursplatz prüfen');
  await page.getByLabel('Fällig am').fill(germanDay(isoDay(0)));
  await page.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
  await expect(page.getByRole('cell', { name: 'Rückmeldung der VHS zum Kursplatz prüfen', exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'case file (follow-ups)');
  await shot(page, 'case-file-follow-ups');

  await page.getByRole('button', { name: 'Nächste Phase: Evaluation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktuelle Phase: Evaluation' })).toBeVisible();
  await expect(page.getByTestId('phase-evaluation')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: /^Nächste Phase/ })).toHaveCount(0);

  // The Wiedervorlage and the expiring residence status are on "Meine Arbeit".
  await nav.getByRole('link', { name: 'Übersicht' }).click();
  const followUps = page.getByRole('region', { name: 'Meine Wiedervorlagen' });
  await expect(followUps.getByRole('link', { name: 'Rückmeldung der VHS zum Kursplatz prüfen' })).toBeVisible({ timeout: 15_000 });
  await expect(followUps.getByText('Al-Hassan, Mohammed').or(followUps.getByText('Mohammed Al-Hassan'))).toBeVisible();
  await expect(followUps.getByRole('heading', { name: 'Heute (1)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aufenthaltstitel laufen ab (8 Wochen)' }).getByRole('link', { name: 'Al-Hassan, Mohammed' })).toBeVisible();
  await expect(page.getByTestId('phase-count-evaluation')).toHaveText('1');
  await expectNoA11yViolations(page, 'work overview');
  await shot(page, 'work-overview');

  // Find the client again by another spelling.
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await page.getByRole('searchbox', { name: 'Klient:in suchen' }).fill('Mohamed Alhassan');
  const hits = page.getByRole('table', { name: 'Suchergebnisse für „Mohamed Alhassan“' });
  await expect(hits.getByRole('row').nth(1)).toContainText('Al-Hassan, Mohammed', { timeout: 15_000 });
  await expectNoA11yViolations(page, 'search results');
  await shot(page, 'search-results');
  await page.getByRole('searchbox', { name: 'Klient:in suchen' }).fill('1990');
  await expect(page.getByRole('table', { name: 'Suchergebnisse für „1990“' }).getByRole('link', { name: 'Al-Hassan, Mohammed' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('table', { name: 'Suchergebnisse für „1990“' }).getByRole('link', { name: 'Al-Hassan, Mohammed' }).click();

  // Close the case with an outcome for the open goal.
  await page.getByRole('tab', { name: 'Fälle' }).click();
  await page.getByRole('link', { name: /^Fall vom / }).click();
  await page.getByRole('button', { name: 'Fall abschließen …' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Fall abschließen' });
  await expect(closeDialog).toBeVisible();
  await closeDialog.getByRole('button', { name: 'Fall abschließen' }).click();
  await expect(closeDialog.getByText('Bitte wählen Sie das Ergebnis dieses Ziels.')).toBeVisible();
  await expectNoA11yViolations(page, 'close case dialog with error');
  await shot(page, 'close-case-dialog-with-error');
  await closeDialog.getByRole('combobox', { name: 'Grund des Abschlusses' }).selectOption({ label: 'Ziele erreicht' });
  await closeDialog.getByRole('group', { name: 'Ziel: Deutschkurs B1 abschließen' }).getByRole('combobox', { name: 'Ergebnis' }).selectOption({ label: 'teilweise erreicht' });
  await closeDialog.getByRole('textbox', { name: 'Zusammenfassung' }).fill('Kurs läuft, Abschlussprüfung im Frühjahr.');
  await closeDialog.getByRole('button', { name: 'Fall abschließen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Abgeschlossen am ${germanDay(isoDay(0))}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Der Fall wurde abgeschlossen.')).toBeVisible();
  await page.getByRole('tab', { name: 'Hilfeplan' }).click();
  await expect(page.getByRole('article', { name: /Deutschkurs B1 abschließen/ }).getByText('teilweise erreicht')).toBeVisible();
  await expectNoA11yViolations(page, 'closed case');
  await shot(page, 'closed-case');

  // A client can have several cases over time: a new one may be opened now.
  await page.getByRole('link', { name: 'Zur Klientenakte' }).click();
  await page.getByRole('tab', { name: 'Fälle' }).click();
  await expect(page.getByRole('button', { name: 'Fall eröffnen' })).toBeEnabled();
  await expect(page.getByRole('cell', { name: 'abgeschlossen', exact: true })).toBeVisible();
});
