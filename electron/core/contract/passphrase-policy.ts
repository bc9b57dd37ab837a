import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';

/** Shared by the setup form (live feedback) and the core (enforcement), so both judge a passphrase alike. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MIN_SCORE = 4;

let configured = false;
function configure(): void {
  if (configured) return;
  zxcvbnOptions.setOptions({
    dictionary: { ...common.dictionary, ...de.dictionary },
    graphs: common.adjacencyGraphs,
  });
  configured = true;
}

/** Words anyone at these offices would try first. */
const DOMAIN_WORDS = ['kim', 'akte', 'kimakte', 'lünen', 'luenen', 'lunen', 'werne', 'selm', 'unna', 'kreis', 'rathaus'];

export interface PassphraseStrength {
  /** 0 (trivial) … 4 (very strong), zxcvbn's scale. */
  score: 0 | 1 | 2 | 3 | 4;
  longEnough: boolean;
  acceptable: boolean;
  /** zxcvbn's feedback as stable keys (no translations configured), for hints in the UI. */
  feedback: { warning: string | null; suggestions: string[] };
}

/** Rates a passphrase; `userInputs` (login, name, office) count as guessable words. */
export function ratePassphrase(passphrase: string, userInputs: string[] = []): PassphraseStrength {
  configure();
  const result = zxcvbn(passphrase, [...DOMAIN_WORDS, ...userInputs.filter(Boolean)]);
  const score = result.score as PassphraseStrength['score'];
  const longEnough = [...passphrase].length >= PASSPHRASE_MIN_LENGTH;
  return {
    score,
    longEnough,
    acceptable: longEnough && score >= PASSPHRASE_MIN_SCORE,
    feedback: { warning: result.feedback.warning || null, suggestions: result.feedback.suggestions },
  };
}
