import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff';
import cologne from 'talisman/phonetics/german/cologne';
import { foldName } from './name-normalisation';

/**
 * Phonetic codes of one folded name token, from talisman's maintained encoders rather than more hand-written rules:
 *  - Daitch–Mokotoff soundex ("d:"), built for Slavic, Yiddish and German spellings of the same name: it treats
 *    ch/kh/h, sh/sch/zh, ts/tz/z, w/v, j/y and all vowels after the first as alike, and gives several codes where a
 *    spelling is ambiguous, which covers German transcriptions of Ukrainian and Georgian names;
 *  - Kölner Phonetik ("k:"), how German authorities hear a name (d/t, g/k/q, f/v/w, s/z/c), which covers vowel
 *    variants (i/y/e, ai/ei, o/u) and German renderings of Arabic, Turkish and West African names.
 * Each code is only a candidate key: candidates are ranked (and cut) by the similarity of their sound forms.
 * Codes of very short tokens are too coarse to be useful ("Ali" and "Ola"), so those get none.
 */
export function phoneticCodes(token: string): string[] {
  const folded = foldName(token).replace(/ /g, '');
  if (folded.length < 3 || /\d/.test(folded)) return [];
  const codes = new Set<string>();
  for (const code of daitchMokotoff(folded)) codes.add(`d:${code}`);
  const german = cologne(folded);
  if (german.length >= 2) codes.add(`k:${german}`);
  return [...codes];
}
