/**
 * Name keys for search that tolerate the transliteration and spelling variants common among the people KIM serves
 * (Arabic, Persian, Ukrainian, Turkish, Vietnamese, West African names written down by different authorities):
 * Mohammed/Muhammad/Mohamed, Hussein/Husain, Yusuf/Youssef/Jusuf, Oleksandr/Aleksandr/Alexander, Müller/Mueller,
 * Şahin/Sahin. Two keys per name token:
 *  - `folded`: lower case, German umlauts expanded, other diacritics removed — exact-ish matching;
 *  - `skeleton`: a consonant skeleton after mapping sounds that transliterations write differently — variant matching.
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'oe' };

/** Lower-cases, expands German umlauts and strips all other diacritics (ş→s, é→e, ı→i). */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßæœø]/g, (c) => UMLAUTS[c] ?? c)
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Splits names into folded tokens; particles and order do not matter to search. A name written with hyphen or
 * space also yields its joined form ("Al-Hassan" → al, hassan, alhassan), as other records write it in one word.
 */
export function nameTokens(...parts: (string | null | undefined)[]): string[] {
  const tokens = parts.flatMap((p) => {
    const words = p ? foldName(p).split(' ').filter((t) => t.length > 0) : [];
    return words.length > 1 ? [...words, words.join('')] : words;
  });
  return [...new Set(tokens)];
}

/**
 * Name particles (Arabic article and kinship words, Dutch, German, Romance and Turkish-Persian ones): they carry little
 * of who a person is, and authorities write them differently or drop them (Al Zoubi, El-Zoubi, Zoubi), so a query's
 * particle must not outweigh the name itself.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'ad', 'ed', 'an', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ben', 'ibn', 'bint', 'ould',
  'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ter', 'zu', 'y', 'e',
]);

// Ordered rewrite rules on folded text: multi-letter spellings first.
const SOUND_RULES: [RegExp, string][] = [
  // A vowel followed by a final h is the same name with or without it (Fatimah/Fatima, Zahraah/Zahraa).
  [/(?<=..[aeiouy])h$/g, ''],
  [/ae/g, 'e'],
  [/oe/g, 'e'],
  [/ue/g, 'u'],
  [/ou|oo/g, 'u'],
  [/ee|ii/g, 'i'],
  // y written as a vowel (Safy, Tsybulskyi, Kahsay) is i; before a vowel it is the consonant j (Yusuf/Jusuf).
  [/y(?![aeiou])/g, 'i'],
  // Albanian xh and German dsch are the j of English transcriptions (Xhevdet/Dschevdet/Jevdet).
  [/dsch|xh|tsch|tch|dzh|dj|zh/g, 'j'],
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

/** A token spelled by sound: the rewrite rules applied, doubled letters collapsed; vowels kept (for ranking). */
export function soundForm(token: string): string {
  let s = foldName(token).replace(/ /g, '');
  for (const [pattern, replacement] of SOUND_RULES) s = s.replace(pattern, replacement);
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * The consonant skeleton of one token (its sound form without vowels): the key that finds variants. Very short
 * results keep their vowels so that e.g. "Ali" and "Ola" do not collide.
 */
export function nameSkeleton(token: string): string {
  return skeletonOfSound(soundForm(token));
}

/** The skeleton of a sound form (what the stored "s:" key puts before the sound form). */
export function skeletonOfSound(sound: string): string {
  const consonants = sound.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return consonants.length >= 2 ? consonants : sound;
}

/** Jaro-Winkler similarity (0…1) of two strings; used to rank variant matches. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
