import type { Page } from '@playwright/test';
import { isoDay, shot } from './case-flows';
import { expect, expectNoA11yViolations, test, type HarnessFixture } from './fixtures';
import { ADMIN, lockViaUserMenu, setupToDashboard, unlock } from './flows';
import { APPROVER, enrolViaApi } from './enrol-flows';

test.setTimeout(300_000);

// Two case managers: A is the first account of a reading role (receives the category keys that wait in a new vault),
// B comes later, when no key waits any more and neither IT nor Datenschutz holds one.
const FIRST = { login: 'm.becker', name: 'Miriam Becker', passphrase: 'Am Cappenberger See blühen zwölf Seerosen' } as const;
const LATER = { login: 'j.nowak', name: 'Jonas Nowak', passphrase: 'Die Lippe fließt 220 Kilometer bis Wesel' } as const;
const LATER_ONE_TIME = 'Einmal-Passphrase aus dem Rathaus Werne 2026';

const NOTICE_TITLE = 'Noch ausgeblendet: Gesundheit und Gesprächsnotizen';
const KEY_NOTICE_TITLE = 'Vorerst ausgeblendet: Ihr Konto hat den Schlüssel noch nicht';
const ROLE_HIDDEN_TITLE = 'Dieser Datenbereich ist für Ihre Rolle nicht vorgesehen';

// A's client, case and conversation note (encrypted under the conversation-notes key).
const CLIENT = { familyName: 'Demir', givenNames: 'Elif' } as const;
const NOTE_TEXT = 'Termin beim Jobcenter am Donnerstag vereinbart, Dolmetscherin für Türkisch angefragt.';

type User = { login: string; awaitingCategoryKeys?: string[] };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function currentUser(harness: HarnessFixture): Promise<User> {
  return ok(harness.api<User>('session.current'));
}

const KEYS_HINT = /^„Wartet auf Schlüssel“: Dieses Konto sieht die genannten Bereiche erst, wenn sich an diesem Arbeitsplatz einmal eine Kolleg:in anmeldet/;

async function openAccounts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzerkonten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzerkonten' })).toBeVisible({ timeout: 15_000 });
}

/** From anywhere in the app to the notes tab of the client's (only) case, by clicks as a case manager works. */
async function openCaseNotes(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klient:innen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible();
  await page.getByRole('link', { name: `${CLIENT.familyName}, ${CLIENT.givenNames}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${CLIENT.givenNames} ${CLIENT.familyName}` })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: 'Fälle' }).click();
  await page.getByRole('link', { name: /^Fall vom / }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Fallakte ${CLIENT.givenNames} ${CLIENT.familyName}` })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('tab', { name: /^Notizen/ }).click();
  await expect(page.getByRole('tab', { name: /^Notizen/ })).toHaveAttribute('aria-selected', 'true');
}

test('an account without the category keys sees which areas are hidden and why, until a colleague who holds them signs in', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  // A: approved by Datenschutz while the keys still wait in the new vault, so the approval hands them on; A's first
  // login then leaves the keys with an account, and the waiting copies are deleted.
  await enrolViaApi(harness, FIRST, 'fallmanagement');

  // A, who holds the keys, takes on a client, opens a case and writes a conversation note, all before B's account
  // exists (a later unlock of A would hand the keys on to B).
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: FIRST.login, passphrase: FIRST.passphrase }));
  const client = await ok(harness.api<{ id: string }>('clients.create', { ...CLIENT, birthDate: '1988' }));
  const opened = await ok(harness.api<{ id: string }>('cases.open', { clientId: client.id, rechtskreise: ['sgb2'] }));
  const noted = await ok(
    harness.api<{ notes?: { text: string }[] }>('notes.add', { caseId: opened.id, occurredOn: isoDay(0), kind: 'in-person', text: NOTE_TEXT }),
  );
  expect(noted.notes?.map((n) => n.text)).toEqual([NOTE_TEXT]);
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase }));

  // B: IT creates the account, Datenschutz approves it; neither holds a key any more.
  const created = await ok(
    harness.api<{ pendingRequest: { id: string } | null }>('accounts.create', { login: LATER.login, displayName: LATER.name, role: 'fallmanagement', passphrase: LATER_ONE_TIME }),
  );
  expect(created.pendingRequest).not.toBeNull();
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: APPROVER.login, passphrase: APPROVER.passphrase }));
  await ok(harness.api('accounts.decideRequest', { id: created.pendingRequest!.id, decision: 'approve', confirmPassphrase: APPROVER.passphrase }));
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase }));

  // IT's account list says that B waits for the keys and what hands them on (IT holds none); A waits for nothing.
  await openAccounts(page);
  await expect(page.getByTestId(`awaiting-keys-${LATER.login}`)).toHaveText('wartet auf Schlüssel: Gesundheit und Gesprächsnotizen');
  await expect(page.getByTestId(`awaiting-keys-${FIRST.login}`)).toHaveCount(0);
  await expect(page.getByText(KEYS_HINT)).toBeVisible();
  await expectNoA11yViolations(page, 'account list with an account waiting for category keys');
  await shot(page, 'awaiting-category-keys-accounts');

  // B's first login, at the workstation: the one-time passphrase, then an own one.
  await lockViaUserMenu(page);
  await unlock(page, LATER.login, LATER_ONE_TIME);
  await expect(page.getByRole('heading', { level: 1, name: 'Eigene Passphrase festlegen' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Passphrase von der IT' }).fill(LATER_ONE_TIME);
  await page.getByRole('textbox', { name: 'Ihre neue Passphrase' }).fill(LATER.passphrase);
  await page.getByRole('textbox', { name: 'Neue Passphrase wiederholen' }).fill(LATER.passphrase);
  await page.getByRole('button', { name: 'Passphrase festlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible({ timeout: 15_000 });

  // The scenario really produced the state: the core reports both protected categories as awaited for B.
  expect(await currentUser(harness)).toMatchObject({ login: LATER.login, awaitingCategoryKeys: ['health', 'conversation-notes'] });

  const notice = page.getByTestId('awaiting-keys-notice');
  const status = notice.getByRole('status');
  await expect(status).toBeVisible();
  await expect(status).toContainText(NOTICE_TITLE);
  await expect(status).toContainText('Diese Bereiche sind in den Akten vorerst ausgeblendet, weil Ihr Konto den Schlüssel dafür noch nicht hat.');
  await expect(status).toContainText('sobald sich an diesem Arbeitsplatz eine Kolleg:in anmeldet, die diese Bereiche sehen darf');
  await expect(status).toContainText('Alternativ kann die IT den Wiederherstellungsschlüssel verwenden. Es geht nichts verloren.');
  // Inside the main landmark, not a dialog: the account works with everything else meanwhile.
  await expect(page.getByRole('main').getByTestId('awaiting-keys-notice')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoA11yViolations(page, 'overview with the notice about awaited category keys');
  await shot(page, 'awaiting-category-keys-notice');

  // It stays while moving through the app.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible();
  await expect(notice.getByRole('status')).toContainText(NOTICE_TITLE);
  await expectNoA11yViolations(page, 'client list with the notice about awaited category keys');

  // In A's case file (B's own office, so B keeps it too), the notes tab says the key is missing, not that the role
  // does not see notes; the note itself is not on the page.
  await openCaseNotes(page);
  const keyNotice = page.getByTestId('awaiting-key');
  await expect(keyNotice).toBeVisible();
  await expect(keyNotice).toContainText(KEY_NOTICE_TITLE);
  await expect(keyNotice).toContainText('Sie erhalten ihn automatisch, sobald sich an diesem Arbeitsplatz eine Kolleg:in anmeldet, die diesen Bereich sehen darf');
  await expect(page.getByText(ROLE_HIDDEN_TITLE)).toHaveCount(0);
  await expect(page.getByTestId('not-shared')).toHaveCount(0);
  await expect(page.getByText(NOTE_TEXT)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Notizen, neueste zuerst' })).toHaveCount(0);
  await expect(notice.getByRole('status')).toContainText(NOTICE_TITLE);
  await expectNoA11yViolations(page, 'case file notes tab while the conversation-notes key is awaited');
  await shot(page, 'awaiting-category-keys-case-notes');
  await nav.getByRole('link', { name: 'Klient:innen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible();

  // A colleague who holds the keys signs in (and out): her unlock hands them on to B. A herself sees no notice.
  await lockViaUserMenu(page);
  await unlock(page, FIRST.login, FIRST.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible({ timeout: 15_000 });
  const first = await currentUser(harness);
  expect(first.login).toBe(FIRST.login);
  expect(first.awaitingCategoryKeys).toBeUndefined();
  await expect(notice).toHaveCount(0);
  await lockViaUserMenu(page);

  // B again: nothing is awaited any more, and the notice is gone.
  await unlock(page, LATER.login, LATER.passphrase);
  await expect(page.getByRole('heading', { level: 1, name: 'Klient:innen' })).toBeVisible({ timeout: 15_000 });
  const later = await currentUser(harness);
  expect(later.login).toBe(LATER.login);
  expect(later.awaitingCategoryKeys).toBeUndefined();
  await expect(notice).toHaveCount(0);
  await nav.getByRole('link', { name: 'Übersicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // The same notes tab now shows A's note, and no notice about the key.
  await openCaseNotes(page);
  await expect(page.getByRole('list', { name: 'Notizen, neueste zuerst' }).getByText(NOTE_TEXT)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('awaiting-key')).toHaveCount(0);
  await expect(page.getByText(KEY_NOTICE_TITLE)).toHaveCount(0);
  await expect(page.getByTestId('not-shared')).toHaveCount(0);

  // IT's account list: nobody waits any more.
  await lockViaUserMenu(page);
  await unlock(page, ADMIN.login, ADMIN.passphrase);
  await openAccounts(page);
  await expect(page.getByRole('cell', { name: LATER.login, exact: true })).toBeVisible();
  await expect(page.getByTestId(`awaiting-keys-${LATER.login}`)).toHaveCount(0);
  await expect(page.getByText(KEYS_HINT)).toHaveCount(0);
});
