/** The last `count` months up to the one of `now` (Berlin calendar), newest first, as YYYY-MM. */
export function recentMonths(now: Date, count: number): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** "2026-11" → "November 2026" (in the UI language). */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "2026-Q4" → "4. Quartal 2026" / "Q4 2026". */
export function quarterLabel(quarter: string, language: string): string {
  const [y, q] = quarter.split('-Q');
  return language.startsWith('de') ? `${q}. Quartal ${y}` : `Q${q} ${y}`;
}
