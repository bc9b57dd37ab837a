import { PASSPHRASE_MIN_LENGTH, ratePassphrase, type PassphraseStrength } from '../api/core';

export interface PassphraseAssessment extends PassphraseStrength {
  length: number;
  /** zxcvbn feedback as translation keys (strength.warnings.*, strength.suggestions.*). */
  warning: string | null;
  suggestions: string[];
}

/**
 * The core's policy verdict (so the form accepts exactly what the core accepts) with zxcvbn's feedback keys, which
 * i18n turns into text.
 */
export function assessPassphrase(passphrase: string, userInputs: string[]): PassphraseAssessment {
  const rating = ratePassphrase(passphrase, userInputs);
  const length = [...passphrase].length;
  if (!passphrase) return { ...rating, length, warning: null, suggestions: [] };
  return { ...rating, length, warning: rating.feedback.warning, suggestions: rating.feedback.suggestions };
}

/** Form-level check of a new passphrase: returns an i18n key + params, or null when acceptable. */
export function passphraseProblem(a: PassphraseAssessment): { key: string; minimum?: number } | null {
  if (a.length === 0) return { key: 'validation.required' };
  if (!a.longEnough) return { key: 'validation.passphraseTooShort', minimum: PASSPHRASE_MIN_LENGTH };
  if (!a.acceptable) return { key: 'validation.passphraseTooWeak' };
  return null;
}
