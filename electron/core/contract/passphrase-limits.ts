/**
 * The numbers of the passphrase policy, apart from the rating itself (passphrase-policy.ts) so that schemas and the
 * lock screen can use them without loading the zxcvbn dictionaries.
 */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MIN_SCORE = 4;
/** Longer new passphrases are refused: rating cost grows with length (a 1,024-character one took minutes). */
export const PASSPHRASE_MAX_LENGTH = 128;
