import type { Result } from '../core/contract/methods';
import { MAX_PRINT_HTML_BYTES, PRINT_FILE_NAME, type PrintedPdf } from '../core/contract/types/print-types';
import { looksLikePdf } from './print-options';

/** Turns print-document HTML into PDF bytes (Electron: pdf-printer.ts; harness: Chromium's page.pdf). */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

const failed: Result<never> = { ok: false, error: { code: 'print.failed', params: {} } };

/**
 * The answer of a print method as the page receives it: the core's print document (checked: a file name the
 * download guard accepts, HTML within the size limit) rendered into a PDF. A core error passes through unchanged;
 * a failed rendering becomes `print.failed`, and the page never sees the HTML.
 */
export async function toPrintedPdf(result: Result<unknown>, print: PrintToPdf | null, onError: (reason: string) => void): Promise<Result<PrintedPdf>> {
  if (!result.ok) return result;
  const doc = result.value as { fileName?: unknown; html?: unknown } | null;
  if (typeof doc?.fileName !== 'string' || !PRINT_FILE_NAME.test(doc.fileName) || typeof doc.html !== 'string') {
    onError('print document malformed');
    return failed;
  }
  if (Buffer.byteLength(doc.html, 'utf8') > MAX_PRINT_HTML_BYTES) {
    onError('print document too large');
    return failed;
  }
  if (!print) {
    onError('no PDF printer');
    return failed;
  }
  try {
    const pdf = await print(doc.html);
    if (!looksLikePdf(pdf)) {
      onError('renderer returned no PDF');
      return failed;
    }
    return { ok: true, value: { fileName: doc.fileName, pdfBase64: Buffer.from(pdf).toString('base64') } };
  } catch (error) {
    // The error's message may quote the document; only its name is logged.
    onError(`rendering failed (${(error as Error)?.name ?? 'unknown'})`);
    return failed;
  }
}
