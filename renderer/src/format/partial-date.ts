import type { TFunction } from 'i18next';

/**
 * Partial dates as the offices see them: refugees' papers often give only a year, or 01.01.YYYY as a registry
 * placeholder. The UI shows exactly what is known, never an invented day.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export function precisionOf(iso: string | null): DatePrecision {
  if (!iso) return 'day';
  return iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
}

/** "1990 (nur Jahr)", "03.1990", "01.01.1990 (Platzhalter)", "12.03.1990"; "unbekannt" when null. */
export function formatPartialDate(t: TFunction, iso: string | null, placeholder = false): string {
  if (!iso) return t('dates.unknown');
  const [y, m, d] = iso.split('-');
  if (!m) return t('dates.yearOnly', { year: y });
  if (!d) return `${m}.${y}`;
  const text = `${d}.${m}.${y}`;
  return placeholder ? t('dates.placeholder', { date: text }) : text;
}

/** dd.MM.yyyy for a full ISO calendar date (YYYY-MM-DD), without time-zone shifts. */
export function formatIsoDay(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** German input in the chosen precision → ISO partial date; null when it is not a real date of that shape. */
export function parseGermanPartial(text: string, precision: DatePrecision): string | null {
  const s = text.trim();
  if (precision === 'year') return /^\d{4}$/.test(s) && Number(s) >= 1900 ? s : null;
  if (precision === 'month') {
    const m = /^(\d{1,2})\.(\d{4})$/.exec(s);
    if (!m) return null;
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? `${m[2]}-${String(month).padStart(2, '0')}` : null;
  }
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDay(iso) ? iso : null;
}

/** ISO partial → the German text a user would type for it (for editing). */
export function toGermanInput(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (!m) return y ?? '';
  if (!d) return `${m}.${y}`;
  return `${d}.${m}.${y}`;
}

export function isRealDay(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** Today's calendar date in Europe/Berlin as YYYY-MM-DD (the offices' day, not UTC's). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
