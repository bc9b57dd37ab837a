import { describe, expect, it } from 'vitest';
import { ratePassphrase } from '../../electron/core/contract/passphrase-policy';

describe('passphrase policy', () => {
  it.each([
    ['kurz', false],
    ['passwort1234', false],
    ['aaaaaaaaaaaaaaaa', false],
    ['Luenen2026!!', false],
    ['Sommer2026!!', false],
    ['Seseke Brücke am Morgen 2026', true],
    ['Lippe-Ufer 1907 sieht Raben!', true],
    ['Werner Kirmes bringt 7 grüne Drachen', true],
  ])('judges %j acceptable: %s', (passphrase, acceptable) => {
    expect(ratePassphrase(passphrase).acceptable).toBe(acceptable);
  });

  it('counts the login and name as guessable', () => {
    const alone = ratePassphrase('petra.schulte.2026');
    const withInputs = ratePassphrase('petra.schulte.2026', ['petra.schulte', 'Petra Schulte']);
    expect(withInputs.score).toBeLessThanOrEqual(alone.score);
    expect(withInputs.acceptable).toBe(false);
  });
});
