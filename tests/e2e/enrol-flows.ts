import { expect, type HarnessFixture } from './fixtures';
import { ADMIN } from './flows';

/** The Datenschutz account enrolViaApi makes when an approval is needed and none is given. */
export const APPROVER = { login: 'ds.freigabe', name: 'Dana Freigabe', passphrase: 'Freigabe am Seseke-Ufer 2026!' } as const;

type Person = { login: string; name: string; passphrase: string };

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function signInAs(harness: HarnessFixture, who: { login: string; passphrase: string }): Promise<void> {
  await ok(harness.api('session.lock'));
  await ok(harness.api('session.unlock', { login: who.login, passphrase: who.passphrase }));
}

/**
 * Arranges an account through the API the way it happens at a workstation: IT creates it with a one-time
 * passphrase, Datenschutz approves where needed, the owner sets `a.passphrase` at the first login. Expects the
 * administrator unlocked and leaves them unlocked (the page keeps showing what it showed).
 */
export async function enrolViaApi(harness: HarnessFixture, a: Person, role: string, approver?: Person): Promise<{ id: string; office: string }> {
  const temporary = `Einmal-Passphrase für ${a.passphrase}`;
  const created = await ok(
    harness.api<{ id: string; office: string; pendingRequest: { id: string } | null }>('accounts.create', { login: a.login, displayName: a.name, role, passphrase: temporary }),
  );
  if (created.pendingRequest) {
    let by = approver;
    if (!by) {
      const accounts = await ok(harness.api<{ login: string }[]>('accounts.list'));
      if (!accounts.some((x) => x.login === APPROVER.login)) await enrolViaApi(harness, APPROVER, 'datenschutz');
      by = APPROVER;
    }
    await signInAs(harness, by);
    await ok(harness.api('accounts.decideRequest', { id: created.pendingRequest.id, decision: 'approve', confirmPassphrase: by.passphrase }));
  }
  await signInAs(harness, { login: a.login, passphrase: temporary });
  await ok(harness.api('session.changePassphrase', { currentPassphrase: temporary, newPassphrase: a.passphrase }));
  await signInAs(harness, ADMIN);
  expect(created.id).toBeTruthy();
  return created;
}
