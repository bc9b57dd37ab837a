import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personalDataIn } from '../../electron/core/domain/findings/personal-data-check';

/**
 * The check a structural finding's text passes before it is stored: it finds the client's name however it is
 * written into the text (case, umlauts, as part of a sentence), dates, e-mail addresses and long numbers, and
 * leaves ordinary descriptions of barriers alone.
 */

const WORDS = ['kein', 'Kursplatz', 'mit', 'Kinderbetreuung', 'in', 'Selm', 'Wartezeit', 'Monate', 'beim', 'Jobcenter', 'Ansprechperson', 'für', 'Tigrinya', 'fehlt', 'Termine', 'erst', 'nach', 'vier', 'Wochen', 'Ausländerbehörde', 'überlastet', 'Sommer 2025', 'Q3', 'drei'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 20 }).map((w) => w.join(' '));
const namePart = fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,9}$/).filter((n) => !WORDS.some((w) => w.toLowerCase() === n.toLowerCase()));
const client = fc.record({ familyName: namePart, givenNames: namePart, alternativeNames: fc.constant([] as string[]) });

describe('personal data in a finding', () => {
  it('leaves a description of a barrier alone', () => {
    fc.assert(
      fc.property(sentence, client, (text, c) => {
        expect(personalDataIn(text, c)).toEqual([]);
      }),
    );
  });

  it("finds the client's names anywhere in the text, whatever the case", () => {
    fc.assert(
      fc.property(sentence, client, fc.nat(), fc.boolean(), fc.constantFrom<'familyName' | 'givenNames'>('familyName', 'givenNames'), (text, c, at, upper, which) => {
        const words = text.split(' ');
        const name = upper ? c[which].toUpperCase() : c[which];
        words.splice(at % (words.length + 1), 0, `${name},`);
        expect(personalDataIn(words.join(' '), c)).toContain('clientName');
      }),
    );
  });

  it('finds dates, e-mail addresses and long numbers, without a client too', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2030 }), (text, d, m, y) => {
        expect(personalDataIn(`${text} am ${d}.${m}.${y}`, null)).toContain('date');
        expect(personalDataIn(`${text} ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, null)).toContain('date');
      }),
    );
    expect(personalDataIn('Rückfragen an jemand@example.org', null)).toEqual(['email']);
    expect(personalDataIn('Aktenzeichen 123 456 78', null)).toEqual(['number']);
    expect(personalDataIn('Seit 2025 drei Monate Wartezeit', null)).toEqual([]);
  });

  it('spells umlauts either way when it compares names', () => {
    const c = { familyName: 'Müller', givenNames: 'Jörg', alternativeNames: [] };
    expect(personalDataIn('Herr Mueller hat keinen Termin', c)).toEqual(['clientName']);
    expect(personalDataIn('JOERG wartet', c)).toEqual(['clientName']);
    expect(personalDataIn('Die Mühle ist zu', c)).toEqual([]);
  });
});
