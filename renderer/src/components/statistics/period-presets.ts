/** Quick choices of a reporting period, from today's Berlin date (YYYY-MM-DD); all calendar-exact. */
export const PERIOD_PRESETS = ['lastYear', 'thisYear', 'lastQuarter', 'lastMonth'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'lastYear':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case 'thisYear':
      return { from: iso(y, 1, 1), to: today };
    case 'lastQuarter': {
      const q = Math.floor((m - 1) / 3);
      const [qy, qi] = q === 0 ? [y - 1, 3] : [y, q - 1];
      return { from: iso(qy, qi * 3 + 1, 1), to: iso(qy, qi * 3 + 3, lastDay(qy, qi * 3 + 3)) };
    }
    case 'lastMonth': {
      const [my, mm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(my, mm, 1), to: iso(my, mm, lastDay(my, mm)) };
    }
  }
}
