import { base64ToBlob } from '../clients/file-bytes';

/** Hands a file built by core (a statistics export) to the browser's download; the object URL is freed later. */
export function downloadFile(fileName: string, base64: string, mime: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, mime));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
