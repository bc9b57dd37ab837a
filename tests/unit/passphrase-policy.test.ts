import { describe, expect, it } from 'vitest';
import { PASSPHRASE_MAX_LENGTH, ratePassphrase } from '../../electron/core/contract/passphrase-policy';
import { accountCreateInput, changePassphraseInput, setupInput, unlockInput } from '../../electron/core/contract/schemas/common-schemas';

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

  // Before the limit, rating these took 14 s (256 characters) to minutes (1,024) and blocked the core's queue.
  it('rates at most 128 characters and refuses longer new passphrases', () => {
    const long = 'Werner Kirmes bringt 7 grüne Drachen '.repeat(28).slice(0, 1024);
    expect(ratePassphrase(long)).toMatchObject({ shortEnough: false, acceptable: false });
    expect(ratePassphrase('P4ssw0rd!'.repeat(20).slice(0, PASSPHRASE_MAX_LENGTH)).shortEnough).toBe(true);
    const tooLong = 'x'.repeat(PASSPHRASE_MAX_LENGTH + 1);
    expect(changePassphraseInput.safeParse({ currentPassphrase: 'a', newPassphrase: tooLong }).error?.issues).toMatchObject([
      { path: ['newPassphrase'], code: 'too_big', maximum: PASSPHRASE_MAX_LENGTH },
    ]);
    expect(setupInput.safeParse({ office: 'lunen', adminLogin: 'admin', adminName: 'Admin', passphrase: tooLong }).success).toBe(false);
    expect(accountCreateInput.safeParse({ login: 'fm', displayName: 'FM', role: 'fallmanagement', passphrase: tooLong }).success).toBe(false);
    // Unlocking still accepts what older versions let people choose.
    expect(unlockInput.safeParse({ login: 'admin', passphrase: 'x'.repeat(1024) }).success).toBe(true);
  });
});
