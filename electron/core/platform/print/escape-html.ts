/**
 * The one escaping function of every print document: any value that is not markup we wrote ourselves passes
 * through here. It escapes the five characters that can end a text node or a quoted attribute value, and removes
 * what has no place in a printed form (C0 controls other than tab/newline, lone surrogates, noncharacters), so a
 * value can neither open a tag, close an attribute, nor carry invisible bytes into the PDF.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0 controls except \t \n \r, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeHtml(value: string): string {
  return value.replace(UNPRINTABLE, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
