import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';

import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH, PASSPHRASE_MIN_SCORE } from './passphrase-limits';

/** Shared by the setup form (live feedback) and the core (enforcement), so both judge a passphrase alike. */
export { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH, PASSPHRASE_MIN_SCORE };

let configured = false;
function configure(): void {
  if (configured) return;
  zxcvbnOptions.setOptions({
    dictionary: { ...common.dictionary, ...de.dictionary },
    graphs: common.adjacencyGraphs,
    maxLength: PASSPHRASE_MAX_LENGTH,
    // The default (100) enumerates leet variants for seconds on inputs like "P4ssw0rd!P4ssw0rd!…"; 10 keeps the
    // same scores on our test phrases at a fraction of the cost.
    l33tMaxSubstitutions: 10,
  });
  configured = true;
}

/** Words anyone at these offices would try first. */
const DOMAIN_WORDS = ['kim', 'akte', 'kimakte', 'lünen', 'luenen', 'lunen', 'werne', 'selm', 'unna', 'kreis', 'rathaus'];

export interface PassphraseStrength {
  /** 0 (trivial) … 4 (very strong), zxcvbn's scale. */
  score: 0 | 1 | 2 | 3 | 4;
  longEnough: boolean;
  /** False above PASSPHRASE_MAX_LENGTH characters (only that many are rated). */
  shortEnough: boolean;
  acceptable: boolean;
  /** zxcvbn's feedback as stable keys (no translations configured), for hints in the UI. */
  feedback: { warning: string | null; suggestions: string[] };
}

/** Rates a passphrase; `userInputs` (login, name, office) count as guessable words. */
export function ratePassphrase(passphrase: string, userInputs: string[] = []): PassphraseStrength {
  configure();
  const rated = [...passphrase].slice(0, PASSPHRASE_MAX_LENGTH).join('');
  const result = zxcvbn(rated, [...DOMAIN_WORDS, ...userInputs.filter(Boolean).map((w) => w.slice(0, 200))]);
  const score = result.score as PassphraseStrength['score'];
  const length = [...passphrase].length;
  const longEnough = length >= PASSPHRASE_MIN_LENGTH;
  const shortEnough = length <= PASSPHRASE_MAX_LENGTH;
  return {
    score,
    longEnough,
    shortEnough,
    acceptable: longEnough && shortEnough && score >= PASSPHRASE_MIN_SCORE,
    feedback: { warning: result.feedback.warning || null, suggestions: result.feedback.suggestions },
  };
}
