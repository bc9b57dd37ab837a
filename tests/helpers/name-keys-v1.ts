import { foldName, nameTokens } from '../../electron/core/domain/clients/name-normalisation';

/**
 * FROZEN: the name keys as name key version 1 wrote them (commit 59c21fa, before the phonetic codes), to build a vault
 * whose keys an older app wrote. Folding and tokens did not change, so those come from the current code; the sound
 * rules and the key shape are copied here and must never follow later changes.
 */
const SOUND_RULES_V1: [RegExp, string][] = [
  [/ae/g, 'e'],
  [/oe/g, 'e'],
  [/ue/g, 'u'],
  [/tsch|tch|dzh|dj|zh/g, 'j'],
  [/sch/g, 's'],
  [/kh|ch|gh|h(?=$)/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/sh|ş/g, 's'],
  [/x/g, 'ks'],
  [/q|c(?=[aou])|ck|c$/g, 'k'],
  [/c/g, 's'],
  [/z/g, 's'],
  [/w/g, 'v'],
  [/y/g, 'j'],
];

function soundFormV1(token: string): string {
  let s = foldName(token).replace(/ /g, '');
  for (const [pattern, replacement] of SOUND_RULES_V1) s = s.replace(pattern, replacement);
  return s.replace(/(.)\1+/g, '$1');
}

function skeletonV1(token: string): string {
  const sound = soundFormV1(token);
  const consonants = sound.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return consonants.length >= 2 ? consonants : sound;
}

/** Version 1 search keys of one client: "f:<folded token>" and "s:<skeleton>:<sound form>". */
export function nameKeysV1(familyName: string, givenNames: string, alternativeNames: string[]): string[] {
  const tokens = nameTokens(familyName, givenNames, ...alternativeNames);
  return [...new Set(tokens.flatMap((t) => [`f:${t}`, `s:${skeletonV1(t)}:${soundFormV1(t)}`]))];
}
