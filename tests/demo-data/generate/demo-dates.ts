import { addDays, daysBetween } from '../../../electron/core/contract/dates';
import type { Rng } from './prng';

/** Calendar helpers on ISO dates (YYYY-MM-DD) for generated data; all relative to the import's "today". */

export { addDays, daysBetween };

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** A day between `from` and `to` (inclusive); `from` when the range is empty. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** An office-hours timestamp on that day (UTC, like the services' toISOString()). */
export function timestampOn(rng: Rng, iso: string): string {
  return `${iso}T${String(rng.int(7, 15)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
}
