import { use, useMemo } from 'react';
import type { z } from 'zod';
import { loadPassphrasePolicy, newPassphraseSchema, type PassphraseStrength } from '../api/core';

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
  maxLength: number;
  minScore: number;
}

function assess(loaded: PassphrasePolicy, passphrase: string, userInputs: string[]): PassphraseAssessment {
  const rating = loaded.ratePassphrase(passphrase, userInputs);
  const base = { ...rating, length: [...passphrase].length, minLength: loaded.PASSPHRASE_MIN_LENGTH, maxLength: loaded.PASSPHRASE_MAX_LENGTH, minScore: loaded.PASSPHRASE_MIN_SCORE };
  if (!passphrase) return { ...base, warning: null, suggestions: [] };
  return { ...base, warning: rating.feedback.warning, suggestions: rating.feedback.suggestions };
}

/**
 * The core's policy verdict (so the form accepts exactly what the core accepts) with zxcvbn's feedback keys, which
 * i18n turns into text. Suspends the calling component until the policy has loaded (needs a Suspense boundary).
 */
export function usePassphraseAssessment(passphrase: string, userInputs: string[]): PassphraseAssessment {
  const loaded = use(preloadPassphrasePolicy());
  return useMemo(() => assess(loaded, passphrase, userInputs), [loaded, passphrase, userInputs]);
}

/** The policy's verdict on a passphrase as a form problem (i18n key + params), or null; suspends until loaded. */
export function usePassphraseJudge(): (passphrase: string, userInputs: string[]) => PassphraseProblem | null {
  const loaded = use(preloadPassphrasePolicy());
  return useMemo(() => (passphrase: string, userInputs: string[]) => passphraseProblem(assess(loaded, passphrase, userInputs)), [loaded]);
}

/**
 * The contract's schema of a new passphrase plus the policy's verdict, judged against `userInputs` (login, name,
 * office) as the core does. Suspends like usePassphraseAssessment until the policy has loaded.
 */
export function useNewPassphraseSchema(userInputs: string[]) {
  const judge = usePassphraseJudge();
  return useMemo(
    () =>
      newPassphraseSchema.superRefine((value, ctx) => {
        const problem = judge(value, userInputs);
        if (problem) ctx.addIssue({ code: 'custom', input: value, params: { ...problem } });
      }),
    [judge, userInputs],
  );
}

/** The repeated new passphrase must equal the new one (a form-only field: the API never sees it). */
export function repeatMatches<T extends { newPassphrase: string; repeat: string }>(schema: z.ZodType<T, T>) {
  return schema.superRefine((v, ctx) => {
    if (v.repeat && v.repeat !== v.newPassphrase) ctx.addIssue({ code: 'custom', path: ['repeat'], input: v.repeat, params: { key: 'validation.passphraseMismatch' } });
  });
}

/** What is wrong with a new passphrase: an i18n key and its values. */
export interface PassphraseProblem {
  key: string;
  minimum?: number;
  maximum?: number;
}

/** Form-level check of a new passphrase: returns an i18n key + params, or null when acceptable. */
export function passphraseProblem(a: PassphraseAssessment): PassphraseProblem | null {
  if (a.length === 0) return { key: 'validation.required' };
  if (!a.longEnough) return { key: 'validation.passphraseTooShort', minimum: a.minLength };
  if (!a.shortEnough) return { key: 'validation.passphraseTooLong', maximum: a.maxLength };
  if (!a.acceptable) return { key: 'validation.passphraseTooWeak' };
  return null;
}
