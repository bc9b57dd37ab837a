import { use, useMemo } from 'react';
import { loadPassphrasePolicy, type PassphraseStrength } from '../api/core';

type PassphrasePolicy = Awaited<ReturnType<typeof loadPassphrasePolicy>>;

let policy: Promise<PassphrasePolicy> | null = null;

/** Starts loading the policy (and zxcvbn) once; call early where a strength meter is about to appear. */
export function preloadPassphrasePolicy(): Promise<PassphrasePolicy> {
  policy ??= loadPassphrasePolicy();
  return policy;
}

export interface PassphraseAssessment extends PassphraseStrength {
  length: number;
  /** zxcvbn feedback as translation keys (strength.warnings.*, strength.suggestions.*). */
  warning: string | null;
  suggestions: string[];
  /** The policy's thresholds, for the rules the meter lists. */
  minLength: number;
  minScore: number;
}

/**
 * The core's policy verdict (so the form accepts exactly what the core accepts) with zxcvbn's feedback keys, which
 * i18n turns into text. Suspends the calling component until the policy has loaded (needs a Suspense boundary).
 */
export function usePassphraseAssessment(passphrase: string, userInputs: string[]): PassphraseAssessment {
  const loaded = use(preloadPassphrasePolicy());
  return useMemo(() => {
    const rating = loaded.ratePassphrase(passphrase, userInputs);
    const base = { ...rating, length: [...passphrase].length, minLength: loaded.PASSPHRASE_MIN_LENGTH, minScore: loaded.PASSPHRASE_MIN_SCORE };
    if (!passphrase) return { ...base, warning: null, suggestions: [] };
    return { ...base, warning: rating.feedback.warning, suggestions: rating.feedback.suggestions };
  }, [loaded, passphrase, userInputs]);
}

/** Form-level check of a new passphrase: returns an i18n key + params, or null when acceptable. */
export function passphraseProblem(a: PassphraseAssessment): { key: string; minimum?: number } | null {
  if (a.length === 0) return { key: 'validation.required' };
  if (!a.longEnough) return { key: 'validation.passphraseTooShort', minimum: a.minLength };
  if (!a.acceptable) return { key: 'validation.passphraseTooWeak' };
  return null;
}
