import { CASE_MANAGER, isoDay, shot } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { lockViaUserMenu, setupToDashboard, unlock } from './flows';
import type { Page } from '@playwright/test';
import { enrolViaApi } from './enrol-flows';

test.setTimeout(300_000);

const ABH = { login: 'abh.demir', name: 'Murat Demir', passphrase: 'Stempelkissen duften nach 44 Lavendelfeldern' } as const;
const DPO = { login: 'dsb.kaya', name: 'Selin Kaya', passphrase: 'Rathaus Selm hat sieben Türme!' } as const;

async function switchTo(page: Page, who: { login: string; name: string; passphrase: string }): Promise<void> {
  await lockViaUserMenu(page);
  await unlock(page, who.login, who.passphrase);
  // The app returns to the screen it was locked on, now for the new user.
  await expect(page.getByRole('button', { name: new RegExp(`^Benutzermenü: ${who.name}`) })).toBeVisible({ timeout: 30_000 });
}

async function openClient(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => void (window.location.hash = hash), `#/klienten/${id}`);
}

/** A client file with something in every part: residence, household, a case with an open and an "intern" note. */
async function arrangeClient(harness: HarnessFixture, familyName: string, givenNames: string): Promise<string> {
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await harness.api<T>(method, input);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const client = await api<{ id: string }>('clients.create', { familyName, givenNames, birthDate: '1987-05-02', phone: '+49 2306 12345', nationalities: ['SY'] });
  await api('residence.add', { clientId: client.id, type: 'aufenthaltserlaubnis', legalBasis: '§ 25 Abs. 2 AufenthG', validFrom: isoDay(-300), validUntil: isoDay(40) });
  await api('household.add', { clientId: client.id, name: 'Lina', relation: 'child', birthYear: 2016 });
  const kase = await api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2', 'sgb8', 'aufenthg'] });
  await api('followUps.add', { caseId: kase.id, title: 'Termin Jugendamt vorbereiten', dueDate: isoDay(3) });
  await api('notes.add', { caseId: kase.id, occurredOn: isoDay(0), kind: 'in-person', text: 'Gespräch über Sprachkurs', internal: false });
  await api('notes.add', { caseId: kase.id, occurredOn: isoDay(0), kind: 'phone', text: 'Interne Einschätzung zur Familie', internal: true });
  return client.id;
}

test('an ABH clerk sees only the consented categories of a consented client, nothing of others, and nothing after revocation', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  await enrolViaApi(harness, DPO, 'datenschutz');
  await enrolViaApi(harness, CASE_MANAGER, 'fallmanagement', DPO);
  expect((await enrolViaApi(harness, ABH, 'abh', DPO)).office).toBe('abh-lunen');

  // The case manager keeps two files and records a consent for one of them in the app.
  await switchTo(page, CASE_MANAGER);
  const haddad = await arrangeClient(harness, 'Haddad', 'Rami');
  const okafor = await arrangeClient(harness, 'Okafor', 'Chinedu');
  await openClient(page, haddad);
  await expect(page.getByRole('heading', { level: 1, name: 'Rami Haddad' })).toBeVisible();
  await expect(page.getByTestId('consent-glance')).toHaveText('keine gültige');
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();
  await expect(page.getByText('Derzeit gibt keine gültige Einwilligung Daten an andere Stellen frei.')).toBeVisible();
  await expectNoA11yViolations(page, 'consents, none yet');

  await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
  // Bad input first: nothing chosen, oral without a record.
  await dialog.getByRole('radio', { name: 'mündlich (dokumentiert)' }).check();
  await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();
  await expect(dialog.getByText('Bitte mindestens eine Stelle nennen.')).toBeVisible();
  await expect(dialog.getByText('Bitte mindestens einen Datenbereich wählen.')).toBeVisible();
  await expect(dialog.getByText('Bitte dokumentieren, wie die Einwilligung mündlich erteilt wurde.')).toBeVisible();
  await expectNoA11yViolations(page, 'consent dialog with errors');
  await dialog.getByRole('checkbox', { name: 'Ausländerbehörde Lünen' }).check();
  await dialog.getByRole('checkbox', { name: 'Stammdaten' }).check();
  await dialog.getByRole('checkbox', { name: 'Aufenthalt' }).check();
  await dialog.getByRole('textbox', { name: /^Zweck/ }).fill('Verlängerung der Aufenthaltserlaubnis');
  await dialog.getByRole('textbox', { name: /^Dokumentation der mündlichen Einwilligung/ }).fill('Im Beratungsgespräch mit Dolmetscher erklärt, mündlich zugestimmt');
  await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Die Einwilligung wurde gespeichert.')).toBeVisible();
  const overview = page.getByTestId('consent-overview');
  const abhRow = overview.getByRole('row', { name: /Ausländerbehörde Lünen/ });
  await expect(abhRow.getByText('freigegeben', { exact: true })).toHaveCount(2);
  await expect(page.getByTestId('consent-glance')).toHaveText('1 gültig');
  await expectNoA11yViolations(page, 'consents with one active');
  await shot(page, 'consents');

  // The ABH clerk: only the consented client, only master data and residence, read only.
  await switchTo(page, ABH);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  const list = page.getByRole('table', { name: /Klient:innen/ });
  await expect(list.getByText('Haddad', { exact: false })).toBeVisible();
  await expect(list.getByText('Okafor', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Neue Klient:in' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'client list as ABH');

  await openClient(page, haddad);
  await expect(page.getByRole('heading', { level: 1, name: 'Rami Haddad' })).toBeVisible();
  await expect(page.getByTestId('read-only-notice')).toContainText('Stammdaten, Aufenthalt');
  await expect(page.getByTestId('residence-expiry')).toContainText(isoDay(40).split('-').reverse().join('.'));
  await expect(page.getByText('+49 2306 12345')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Speichern' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'client file as ABH');
  await page.getByRole('tab', { name: 'Haushalt' }).click();
  await expect(page.getByTestId('not-shared')).toContainText('Für diesen Bereich liegt Ihnen keine Einwilligung vor');
  await expect(page.getByText('Lina')).toHaveCount(0);
  await expectNoA11yViolations(page, 'household not shared');
  await page.getByRole('tab', { name: 'Fälle' }).click();
  await page.getByRole('link', { name: /Fall vom/ }).first().click();
  // The case as a consent party sees it: only the Rechtskreis of a shared category, nobody's name, no working record.
  await expect(page.getByText('Beteiligte Rechtskreise: AufenthG (Ausländerbehörde)', { exact: true })).toBeVisible();
  await expect(page.getByText(/SGB II|SGB VIII/)).toHaveCount(0);
  await expect(page.getByText(/^Fallmanager:in:/)).toHaveCount(0);
  await expect(page.getByText('Verlauf der Phasen')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^Wiedervorlagen/ })).toHaveCount(0);
  await expect(page.getByText('Termin Jugendamt vorbereiten')).toHaveCount(0);
  await expect(page.getByTestId('phase-intake')).toContainText('aktuell');
  await page.getByRole('tab', { name: /^Notizen/ }).click();
  await expect(page.getByTestId('not-shared')).toBeVisible();
  await expect(page.getByText('Gespräch über Sprachkurs')).toHaveCount(0);
  await expect(page.getByText('Interne Einschätzung zur Familie')).toHaveCount(0);
  await expectNoA11yViolations(page, 'case file as ABH');

  // Not consented: the core refuses, the screen says why.
  await openClient(page, okafor);
  await expect(page.getByText(/keine gültige Einwilligung für Ihre Dienststelle/)).toBeVisible();
  await expect(page.getByText('Chinedu Okafor')).toHaveCount(0);

  // The case manager revokes; from the next call on the ABH sees nothing.
  await switchTo(page, CASE_MANAGER);
  await openClient(page, haddad);
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();
  await page.getByRole('button', { name: 'Widerrufen: Verlängerung der Aufenthaltserlaubnis' }).click();
  const revoke = page.getByRole('alertdialog', { name: 'Einwilligung widerrufen' });
  await expectNoA11yViolations(page, 'revoke dialog');
  await revoke.getByRole('textbox', { name: /^Bemerkung/ }).fill('Schriftlicher Widerruf vom heutigen Tag');
  await revoke.getByRole('button', { name: 'Widerruf speichern' }).click();
  await expect(page.getByText('Die Einwilligung wurde widerrufen.')).toBeVisible();
  await expect(page.getByTestId('consent-item')).toContainText('widerrufen');
  await expect(page.getByTestId('consent-glance')).toHaveText('keine gültige');

  await switchTo(page, ABH);
  await openClient(page, haddad);
  await expect(page.getByText(/keine gültige Einwilligung für Ihre Dienststelle/)).toBeVisible();
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await expect(page.getByRole('table', { name: /Klient:innen/ }).getByText('Haddad', { exact: false })).toHaveCount(0);

  // The data protection officer finds the ABH clerk's read and the refusal after the revocation under the person.
  await switchTo(page, DPO);
  await nav.getByRole('link', { name: 'Protokoll' }).click();
  const filters = page.getByRole('region', { name: 'Filter' });
  await filters.getByRole('textbox', { name: 'Person suchen' }).fill('Haddad');
  await filters.getByRole('button', { name: 'Suchen' }).click();
  await filters.getByRole('table', { name: 'Gefundene Personen' }).getByRole('button').first().click();
  const table = page.getByRole('region', { name: 'Einträge' }).getByRole('table', { name: 'Protokolleinträge, neueste zuerst' });
  const abhRows = table.getByRole('row').filter({ hasText: ABH.login });
  await expect(abhRows.filter({ hasText: 'verweigert' }).first()).toBeVisible();
  await expect(abhRows.filter({ hasText: 'Klientenakte gelesen' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Einwilligung widerrufen' })).toHaveCount(1);
  await expect(page.getByText('Gespräch über Sprachkurs')).toHaveCount(0);
  await expectNoA11yViolations(page, 'audit view for the person');
});
