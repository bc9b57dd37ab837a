import { base64ToBlob } from './clients/file-bytes';

/**
 * Hands a file to the browser/Electron as a download (in the app, the main process's download guard lets only the
 * app's own export names through); the object URL is released a minute after the click is handled.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the core built and sent as base64: statistics exports, printed PDFs, archive packages. */
export function downloadFile(fileName: string, base64: string, mime: string): void {
  downloadBlob(fileName, base64ToBlob(base64, mime));
}
