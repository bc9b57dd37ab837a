import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../electron/core/domain/clients/name-normalisation';
import { householdEntryNames } from '../../electron/core/domain/data-subject/subject-records';

/**
 * Household entries of other files are free text ("Rami Haddad", "HADDAD, Rami", "Müller Jörg"): the Art. 15 report
 * must find every one that names the person, whatever the case, order, umlaut spelling or punctuation, and no entry
 * that lacks the family name or every given name, or whose birth year differs.
 */
const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{3,9}$/);
const person = fc.record({ family: word, given: fc.array(word, { minLength: 1, maxLength: 2 }), year: fc.option(fc.integer({ min: 1940, max: 2020 }), { nil: null }) });

/** The name as another case manager may have typed it. */
function variant(family: string, given: string, how: number): string {
  const umlauts = (s: string) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
  const forms = [`${given} ${family}`, `${family.toUpperCase()}, ${given}`, `${umlauts(given)} ${umlauts(family)}`, `${family}-${given}`.toLowerCase()];
  return forms[how % forms.length]!;
}

describe('household entries that name the person', () => {
  it('are found in every spelling variant, and only with a matching birth year (property)', () => {
    fc.assert(
      fc.property(person, fc.integer({ min: 0, max: 3 }), fc.nat(), (p, how, pick) => {
        const subject = { familyName: p.family, givenNames: p.given.join(' '), birthDate: p.year ? `${p.year}-05-01` : null, birthDatePlaceholder: false };
        const name = variant(p.family, p.given[pick % p.given.length]!, how);
        expect(householdEntryNames({ name, birthYear: p.year }, subject)).toBe(true);
        expect(householdEntryNames({ name, birthYear: null }, subject)).toBe(true);
        if (p.year) expect(householdEntryNames({ name, birthYear: p.year + 1 }, subject)).toBe(false);
      }),
    );
  });

  it('are not found without the family name or without any given name (property)', () => {
    fc.assert(
      fc.property(person, word, (p, other) => {
        fc.pre(foldName(other) !== foldName(p.family) && !p.given.some((g) => foldName(g) === foldName(other)));
        const subject = { familyName: p.family, givenNames: p.given.join(' '), birthDate: null, birthDatePlaceholder: false };
        expect(householdEntryNames({ name: `${p.given[0]} ${other}`, birthYear: null }, subject)).toBe(foldName(p.family) === foldName(other));
        expect(householdEntryNames({ name: `${other} ${p.family}`, birthYear: null }, subject)).toBe(p.given.some((g) => foldName(g) === foldName(other)));
      }),
    );
  });

  it('needs a word for the family name and another for a given name when both are the same word (found by the property above)', () => {
    const subject = { familyName: 'Caller', givenNames: 'Caller', birthDate: null, birthDatePlaceholder: false };
    expect(householdEntryNames({ name: 'üAÜ caller', birthYear: null }, subject)).toBe(false);
    expect(householdEntryNames({ name: 'Caller Caller', birthYear: null }, subject)).toBe(true);
    expect(householdEntryNames({ name: 'CALLER-caller', birthYear: null }, subject)).toBe(true);
  });
});
