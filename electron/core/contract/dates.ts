/**
 * Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and German date input. Refugees' documents often give only a year, or
 * 01.01.YYYY as a registry placeholder; search must find a person by whatever part of the date is known.
 */

/** Parses German input ("12.03.1990", "3.1990", "1990") or ISO into a partial ISO date, or null. */
export function parseGermanDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return isRealDate(iso) ? iso : null;
  }
  m = /^(\d{1,2})\.(\d{4})$/.exec(t) ?? /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const [year, month] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const mm = Number(month);
    return mm >= 1 && mm <= 12 ? `${year}-${String(mm).padStart(2, '0')}` : null;
  }
  if (/^\d{4}$/.test(t)) return t;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isRealDate(t) ? t : null;
  return null;
}

export function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** True when a stored partial date is compatible with a searched partial date (same known parts). */
export function partialDatesMatch(stored: string | null, searched: string): boolean {
  if (!stored) return false;
  const n = Math.min(stored.length, searched.length);
  return stored.slice(0, n) === searched.slice(0, n);
}

/** Days from `today` (YYYY-MM-DD) to `date` (YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// Made once: building an Intl.DateTimeFormat with a time zone costs about half a millisecond, and every call needs it.
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Europe/Berlin for an instant (the offices' day, not UTC's). */
export function berlinDate(at: Date): string {
  return BERLIN_DAY.format(at);
}

/**
 * The instant (ISO, UTC) at which the Berlin calendar day `iso` begins: 23:00 UTC the day before in winter, 22:00
 * in summer. Audit periods are office days, so "today" at 00:30 Berlin already includes the last half hour.
 */
export function berlinDayStart(iso: string): string {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  for (const hours of [2, 1]) {
    const at = new Date(utcMidnight - hours * 3_600_000);
    if (berlinDate(at) === iso) return at.toISOString();
  }
  return new Date(utcMidnight).toISOString();
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's calendar date in Europe/Berlin as YYYY-MM-DD. */
export function berlinToday(): string {
  return berlinDate(new Date());
}

/** A full or partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD, or an ISO timestamp's day) as Germans write it. */
export function formatGermanDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (!m) return y ?? '';
  if (!d) return `${m}.${y}`;
  return `${d}.${m}.${y}`;
}
