/**
 * CSV for German Excel: ';' between fields (',' is the decimal sign there), UTF-8 with a byte-order mark (else
 * Excel reads umlauts as ANSI), CRLF line ends, fields quoted when they hold ';', '"', CR or LF. A field starting
 * with = + - @ TAB or CR would be run as a formula (CSV injection, OWASP): it gets a leading apostrophe, which Excel
 * shows as text. Numbers are written by the caller (germanNumber) and never start with such a sign.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one field as written to the file (before quoting). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: string | number): string {
  const text = typeof value === 'number' ? germanNumber(value) : neutralise(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** 12.5 → "12,5"; integers as they are. Negative numbers do not occur in counts. */
export function germanNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** The CSV file's bytes: BOM, rows joined with CRLF (a final CRLF too). */
export function csvBytes(rows: readonly (readonly (string | number)[])[]): Buffer {
  const body = rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
