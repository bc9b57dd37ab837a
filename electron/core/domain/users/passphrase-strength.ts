import { AppError } from '../../contract/errors';
import { PASSPHRASE_MIN_LENGTH, PASSPHRASE_MIN_SCORE, ratePassphrase } from '../../contract/passphrase-policy';

/** Refuses a passphrase the shared policy rates too weak (length, zxcvbn score with the user's own words). */
export function assertStrongPassphrase(passphrase: string, userInputs: string[]): void {
  if (!ratePassphrase(passphrase, userInputs).acceptable) {
    throw new AppError('passphrase.tooWeak', { minLength: PASSPHRASE_MIN_LENGTH, minScore: PASSPHRASE_MIN_SCORE });
  }
}
