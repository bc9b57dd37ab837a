import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, jaroWinkler, nameSkeleton, nameTokens } from '../../electron/core/domain/clients/name-normalisation';
import { nameKeys, parseQuery } from '../../electron/core/domain/clients/client-search';
import { parseGermanDate, partialDatesMatch } from '../../electron/core/contract/dates';

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß'.split(''));
const word = fc.array(letters, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const expandUmlauts = (s: string) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

describe('name normalisation', () => {
  it('folding is idempotent and ignores case and diacritics', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(foldName(foldName(n))).toBe(foldName(n));
        expect(foldName(n.toUpperCase().replace(/SS/g, 'ß'))).toBe(foldName(n.replace(/ss/g, 'ß')));
        expect(foldName(n)).toMatch(/^[a-z0-9 ]*$/);
      }),
    );
  });

  it('gives "ä" and "ae" (and the other umlauts) the same keys', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(foldName(w)).toBe(foldName(expandUmlauts(w)));
        expect(nameSkeleton(w)).toBe(nameSkeleton(expandUmlauts(w)));
      }),
    );
  });

  it('indexes the same keys whatever the order of the name parts', () => {
    fc.assert(
      fc.property(name, name, (family, given) => {
        expect(new Set(nameKeys(family, given, []))).toEqual(new Set(nameKeys(given, family, [])));
      }),
    );
  });

  it('parses a query into the same tokens in any order', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const forward = new Set(parseQuery(words.join(' ')).tokens);
        const backward = new Set(parseQuery([...words].reverse().join(' ')).tokens);
        expect(backward).toEqual(forward);
        expect(new Set(nameTokens(...words))).toEqual(new Set(words.map(foldName).filter(Boolean)));
      }),
    );
  });

  it('similarity is symmetric, bounded and 1 exactly for equal strings', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 10);
        expect(s === 1).toBe(a === b);
      }),
    );
  });
});

describe('dates as people type them', () => {
  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

  it('parses dd.MM.yyyy, M.yyyy and yyyy back to the ISO parts', () => {
    fc.assert(
      fc.property(date, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseGermanDate(`${day}.${m}.${y}`)).toBe(iso);
        expect(parseGermanDate(`${Number(day)}.${Number(m)}.${y}`)).toBe(iso);
        expect(parseGermanDate(`${Number(m)}.${y}`)).toBe(`${y}-${m}`);
        expect(parseGermanDate(y!)).toBe(y);
        expect(partialDatesMatch(y!, iso)).toBe(true);
        expect(partialDatesMatch(`${y}-${m}`, iso)).toBe(true);
      }),
    );
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['31.02.1990', '29.02.2023', '00.01.2000', '13.2000', '1.13.2000', 'abc']) expect(parseGermanDate(bad)).toBeNull();
    expect(parseGermanDate('29.02.2024')).toBe('2024-02-29');
  });
});
