/**
 * Free-text matching in the partner directory that forgives case and German spelling: "lünen", "LUENEN" and "Lunen"
 * all find "VHS Lünen". SQLite's LIKE folds ASCII case only, and the directory is small (hundreds to a few thousand
 * organisations), so the text part of a search runs here over the rows the SQL filters left.
 *
 * Two folds are compared, because people write an umlaut two ways: without its dots (ü → u, as on a keyboard
 * without umlauts) and transliterated (ü → ue, as in e-mail addresses and older lists). A query matches when either
 * fold of it occurs in the same fold of the text. Mapping "ue" to "u" in one fold instead would also turn "Steuer"
 * into "Ster", so the two stay apart.
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** Lower case, ß as ss, whitespace collapsed; composed (NFC) so a decomposed ü is one character too. */
function base(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('de').replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

const stripMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

export interface FoldedText {
  /** ü → u, é → e */
  plain: string;
  /** ü → ue, é → e */
  transliterated: string;
}

export function foldText(text: string): FoldedText {
  const b = base(text);
  return { plain: stripMarks(b), transliterated: stripMarks(b.replace(/[äöü]/g, (c) => UMLAUTS[c]!)) };
}

/** Whether the query occurs in any of the texts, in either fold. An empty query matches everything. */
export function matchesQuery(query: FoldedText, texts: readonly (string | null)[]): boolean {
  if (!query.plain) return true;
  return texts.some((t) => {
    if (!t) return false;
    const f = foldText(t);
    return f.plain.includes(query.plain) || f.transliterated.includes(query.transliterated);
  });
}
