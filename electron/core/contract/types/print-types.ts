/**
 * Print documents: core builds a self-contained HTML document (print/ in platform), the transport (Electron main,
 * or the browser harness in tests) renders it into a tagged PDF, and the page receives only the PDF. The methods
 * whose answers are print documents are listed in PRINT_METHODS; nothing else is ever rendered.
 */

/** What core answers to a print method: never shown to the page as HTML. */
export interface PrintDocument {
  /** The client file the document is about (for the response field check; the page never receives it). */
  clientId: string;
  /** The download's file name (no personal data: kind, date, id); matches the download guard's pattern. */
  fileName: string;
  /** The document's HTML, every value escaped by platform/print. */
  html: string;
}

/** A print document of aggregates (statistics): about no client file. */
export type AggregatePrintDocument = Omit<PrintDocument, 'clientId'>;

/** What the page receives instead: the rendered PDF, base64 (one encoding for IPC and the harness's JSON). */
export interface PrintedPdf {
  fileName: string;
  pdfBase64: string;
}

/** A print document's HTML may not exceed this (a data: URL in Electron; forms are a few dozen KB). */
export const MAX_PRINT_HTML_BYTES = 1_500_000;

/** File names of print downloads: the download guard lets exactly these through. */
export const PRINT_FILE_NAME =
  /^(einwilligung-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}(-[a-z]{2})?|ueberleitungsbogen-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}|protokoll-fallkonferenz-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-(akte|[0-9a-f]{8})|auskunft-art15-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}(-[a-z]{2})?|kim-statistik-[a-z-]+-\d{4}-\d{2}-\d{2}-bis-\d{4}-\d{2}-\d{2})\.pdf$/;

/**
 * Languages the consent form is offered in beside German (resources/templates/consent-form/<code>.json). Farsi and
 * Dari share one text in Persian script ('fa'); the client's language 'prs' (Dari) picks it.
 */
export const CONSENT_FORM_LANGUAGES = ['ar', 'fa', 'uk', 'ru', 'tr', 'en'] as const;
export type ConsentFormLanguage = (typeof CONSENT_FORM_LANGUAGES)[number];
/** 'de': German only; otherwise German and the translation side by side. */
export type ConsentFormChoice = 'de' | ConsentFormLanguage;

/** The form language for a client's language code (ISO 639-1/-3), or null when the form is not offered in it. */
export function consentFormLanguageFor(code: string): ConsentFormLanguage | null {
  if (code === 'prs') return 'fa';
  return (CONSENT_FORM_LANGUAGES as readonly string[]).includes(code) ? (code as ConsentFormLanguage) : null;
}
