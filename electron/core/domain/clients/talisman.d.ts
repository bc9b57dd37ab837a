// talisman ships no type declarations; these are the two phonetic encoders search uses.
declare module 'talisman/phonetics/daitch-mokotoff' {
  /** Daitch–Mokotoff soundex: one or more 6-digit codes (several where a letter group is ambiguous, e.g. "ch"). */
  export default function daitchMokotoff(name: string): string[];
}
declare module 'talisman/phonetics/german/cologne' {
  /** Kölner Phonetik: digit code of how German ears spell a name. */
  export default function cologne(name: string): string;
}
