import { AppError } from '../../contract/errors';
import type { Keyring } from '../../platform/vault/keyring';
import type { ServiceContext } from '../service-context';

/** Re-authentication for sensitive actions: the caller's own passphrase, throttled like an unlock. */
export async function confirmCaller(ctx: Pick<ServiceContext, 'user' | 'now' | 'clock'>, keyring: Keyring, passphrase: string): Promise<void> {
  const login = ctx.user.login;
  const wait = keyring.retryAfterMs(login, ctx.now);
  if (wait > 0) throw new AppError('unlock.throttled', { retryAfterSeconds: Math.ceil(wait / 1000) });
  const key = await keyring.unwrapFor(login, passphrase);
  if (!key) {
    keyring.recordFailure(login, ctx.clock());
    keyring.save();
    throw new AppError('passphrase.wrongCurrent');
  }
  key.fill(0);
  // Like an unlock: the right passphrase ends the count of earlier failures.
  if (keyring.clearFailures(login)) keyring.save();
}
