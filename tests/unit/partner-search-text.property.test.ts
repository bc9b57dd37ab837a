import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery } from '../../electron/core/domain/partners/partner-search-text';

/** The directory's free-text match forgives case and both spellings of an umlaut, and nothing else. */

const letters = 'abcdefghijklmnopqrstuvwxyzäöüßéèçABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ -'.split('');
const germanText = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''));
const matches = (query: string, text: string) => matchesQuery(foldText(query), [text]);
const transliterate = (s: string) => s.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c]!);
const dotless = (s: string) => s.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U' })[c]!);

describe('partner search text', () => {
  it('finds every piece of a text in it, whatever the case', () => {
    fc.assert(
      fc.property(germanText, fc.nat(), fc.nat(), (text, a, b) => {
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        const piece = text.slice(from!, to!);
        expect(matches(piece, text)).toBe(true);
        expect(matches(piece.toUpperCase(), text)).toBe(true);
        expect(matches(piece, text.toUpperCase())).toBe(true);
      }),
    );
  });

  it('finds a text with umlauts by either spelling of them, and the other way round', () => {
    fc.assert(
      fc.property(germanText, (text) => {
        for (const query of [transliterate(text), dotless(text)]) {
          expect(matches(query, text)).toBe(true);
        }
        expect(matches(text, transliterate(text))).toBe(true);
        expect(matches(text.normalize('NFD'), text)).toBe(true);
      }),
    );
  });

  it('does not find what is not there', () => {
    fc.assert(
      fc.property(germanText, germanText, (text, query) => {
        fc.pre(foldText(query).plain.length > 0);
        // A match means the query occurs in one of the folds: never a match out of nothing.
        const t = foldText(text);
        const q = foldText(query);
        expect(matches(query, text)).toBe(t.plain.includes(q.plain) || t.transliterated.includes(q.transliterated));
      }),
    );
    expect(matches('Steuer', 'Ster')).toBe(false);
    expect(matches('Luenen', 'VHS Lünen')).toBe(true);
    expect(matches('LÜNEN', 'VHS Lünen')).toBe(true);
    expect(matches('strasse', 'Lange Straße')).toBe(true);
    expect(matches('Selm', 'VHS Lünen')).toBe(false);
  });

  it('matches everything with an empty query and nothing in empty fields', () => {
    expect(matchesQuery(foldText('  '), [null])).toBe(true);
    expect(matchesQuery(foldText('a'), [null, ''])).toBe(false);
  });
});
