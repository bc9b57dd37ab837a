import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../electron/core/domain/clients/name-normalisation';
import { phoneticCodes } from '../../electron/core/domain/clients/phonetic-codes';
import { nameKeys } from '../../electron/core/domain/clients/client-search';

const consonant = fc.constantFrom(...'bdfgklmnprstvz'.split(''));
const vowel = fc.constantFrom('a', 'e', 'i', 'o', 'u');
/** Pronounceable name-like words (consonant-vowel syllables), as transliterated names are. */
const word = fc.array(fc.tuple(consonant, vowel), { minLength: 2, maxLength: 5 }).map((s) => s.map(([c, v]) => c + v).join(''));
const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The keys under which variant spellings of a token are found (all but the exact "f:" key), without the sound form. */
const variantKeys = (w: string) => new Set(nameKeys(w, '', []).filter((k) => !k.startsWith('f:')).map((k) => k.slice(0, k.lastIndexOf(':'))));
const shareVariantKey = (a: string, b: string) => [...variantKeys(a)].some((k) => variantKeys(b).has(k));

/** Spelling rewrites that different authorities make of the same name (issue 10), applied at one place in a word. */
const REWRITES: [name: string, from: RegExp, to: string][] = [
  ['final i→y', /i$/, 'y'],
  ['v→w', /v/, 'w'],
  ['w→v', /w/, 'v'],
  ['k→q', /k/, 'q'],
  ['s→sh', /s/, 'sh'],
  ['sh→sch', /sh/, 'sch'],
  ['z→ts', /z/, 'ts'],
  ['u→ou', /u/, 'ou'],
  ['o→u', /o/, 'u'],
  ['i→e', /i/, 'e'],
  ['ai→ay', /ai/, 'ay'],
  ['final a→ah', /a$/, 'ah'],
  ['double consonant', /([bdfgklmnprst])/, '$1$1'],
];

describe('name variants', () => {
  it('phonetic codes depend only on the folded token (case, umlauts, diacritics)', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(phoneticCodes(upperFirst(w))).toEqual(phoneticCodes(w));
        expect(phoneticCodes(foldName(w))).toEqual(phoneticCodes(w));
        expect(phoneticCodes(w.replace(/ae/g, 'ä'))).toEqual(phoneticCodes(w.replace(/ae/g, 'ae')));
      }),
    );
  });

  it('a spelling variant of a token shares a variant key with it, so the index range scan finds it', () => {
    fc.assert(
      fc.property(word, fc.constantFrom(...REWRITES), (w, [, from, to]) => {
        const variant = w.replace(from, to);
        fc.pre(variant !== w);
        expect(shareVariantKey(w, variant)).toBe(true);
      }),
    );
  });

  it('a compound name written split, hyphenated or joined keeps the keys of its joined form (Abdul Rahman/Abdulrahman)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const split = new Set(nameKeys(`${a} ${b}`, '', []));
        expect(new Set(nameKeys(`${a}-${b}`, '', []))).toEqual(split);
        for (const k of nameKeys(`${a}${b}`, '', [])) expect(split.has(k)).toBe(true);
      }),
    );
  });
});
