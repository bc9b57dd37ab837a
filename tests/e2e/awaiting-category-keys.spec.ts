import { shot } from './case-flows';
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

type User = { login: string; awaitingCategoryKeys?: string[] };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function currentUser(harness: HarnessFixture): Promise<User> {
  return ok(harness.api<User>('session.current'));
}

test('an account without the category keys sees which areas are hidden and why, until a colleague who holds them signs in', async ({ page, harness }) => {
  await page.goto(harness.url);
  await setupToDashboard(page);
  // A: approved by Datenschutz while the keys still wait in the new vault, so the approval hands them on; A's first
  // login then leaves the keys with an account, and the waiting copies are deleted.
  await enrolViaApi(harness, FIRST, 'fallmanagement');

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
});
