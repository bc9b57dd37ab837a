import { describe, expect, it } from 'vitest';
import { berlinDate, berlinDayStart } from '../../electron/core/contract/dates';

/** Audit periods are Berlin office days: each day begins at Berlin midnight, in winter and in summer time. */
describe('berlinDayStart', () => {
  it.each([
    ['2026-12-01', '2026-11-30T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => {
    expect(berlinDayStart(day)).toBe(instant);
    expect(berlinDate(new Date(instant))).toBe(day);
    expect(berlinDate(new Date(Date.parse(instant) - 1))).not.toBe(day);
  });
});
