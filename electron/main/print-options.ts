/**
 * How a print document becomes a PDF, shared by Electron's printToPDF (pdf-printer.ts) and the browser harness's
 * page.pdf, so tests print exactly what the app prints: A4, tagged (PDF/UA structure from the semantic HTML), the
 * document's own margins (@page), backgrounds, and a page-number footer. Constant markup, never built from data.
 */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:7pt;font-family:sans-serif;text-align:center;color:#333"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';
export const PDF_HEADER_TEMPLATE = '<div></div>';

/** A PDF starts with "%PDF-": anything else from the renderer is refused. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}
