import { escapeHtml } from './escape-html';

/**
 * Building blocks of print documents: a tagged template that escapes every interpolated value unless it is markup
 * built by this same template, and the document frame (language, direction, inline CSS, a CSP that allows nothing
 * but inline style). The HTML is self-contained: no script, no link, no image, no font from anywhere, so the
 * renderer that turns it into a PDF (Electron's printToPDF, Chromium's page.pdf in tests) loads nothing.
 */

const brand = Symbol('SafeHtml');

/** Markup built by `html` (or `raw` for our own constant CSS); the only values `html` does not escape. */
export interface SafeHtml {
  readonly [brand]: true;
  readonly markup: string;
}

function safe(markup: string): SafeHtml {
  return { [brand]: true, markup };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && (value as Partial<SafeHtml>)[brand] === true;
}

export type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafe(value)) return value.markup;
  return escapeHtml(String(value));
}

/** `html\`<p>${value}</p>\``: the literal parts are our markup, every value is escaped (lists are joined). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return safe(out);
}

/**
 * A text with `{name}` placeholders (from a reviewed template file) filled with values: the text and the values
 * are all escaped; a value may be markup built by `html` (a date wrapped for direction, say).
 */
export function fill(text: string, values: Readonly<Record<string, Interpolation>>): SafeHtml {
  const parts = text.split(/(\{[a-zA-Z]+\})/);
  return safe(
    parts
      .map((part) => {
        const m = /^\{([a-zA-Z]+)\}$/.exec(part);
        return m && m[1]! in values ? render(values[m[1]!]!) : escapeHtml(part);
      })
      .join(''),
  );
}

/** The placeholders a template text uses, for the test that every language uses the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!).sort();
}

/** Writing direction of a language tag we print. */
export type Direction = 'ltr' | 'rtl';

/** Only inline style; no script, image, font, frame, form or base may come from anywhere. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'";

export interface PrintFrame {
  title: string;
  lang: string;
  dir: Direction;
  /** Our own constant CSS (never built from data). */
  css: string;
  body: SafeHtml;
}

/** The whole document: what printToPDF / page.pdf receives. */
export function printDocumentHtml(frame: PrintFrame): string {
  return (
    '<!DOCTYPE html>' +
    html`<html lang="${frame.lang}" dir="${frame.dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}"><title>${frame.title}</title><style>${safe(frame.css.replace(/<\//g, '<\\/'))}</style></head><body>${frame.body}</body></html>`.markup
  );
}

/** The date YYYY-MM-DD (or YYYY-MM, YYYY) as printed on German forms: 31.12.2026, 12.2026, 2026. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return [d, m, y].filter(Boolean).join('.');
}

/** A value in the other writing direction than its surroundings (a Latin name in Arabic text) keeps its own. */
export function isolate(value: Interpolation, dir?: Direction): SafeHtml {
  return dir ? html`<bdi dir="${dir}">${value}</bdi>` : html`<bdi>${value}</bdi>`;
}
