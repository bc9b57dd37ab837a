import { downloadFile } from '../download-file';

/** Hands a printed PDF to the browser/Electron as a download (the download guard lets exactly print names through). */
export function downloadPdf(fileName: string, pdfBase64: string): void {
  downloadFile(fileName, pdfBase64, 'application/pdf');
}
