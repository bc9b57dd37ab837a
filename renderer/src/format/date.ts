/** Dates as German offices write them (dd.MM.yyyy, 24-hour time), always in Europe/Berlin. */
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE });

/** 25.11.2026 */
export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** 14:05 */
export function formatTime(value: Date | string): string {
  return timeFormat.format(typeof value === 'string' ? new Date(value) : value);
}
