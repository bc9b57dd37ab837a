import { base64ToBlob } from '../clients/file-bytes';

/** Hands a printed PDF to the browser/Electron as a download (the download guard lets exactly print names through). */
export function downloadPdf(fileName: string, pdfBase64: string): void {
  const url = URL.createObjectURL(base64ToBlob(pdfBase64, 'application/pdf'));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
