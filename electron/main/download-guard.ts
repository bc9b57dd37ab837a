import type { DownloadItem, Session, WebContents, WebFrameMain } from 'electron';
import { PRINT_FILE_NAME } from '../core/contract/types/print-types';
import { STATISTICS_FILE_NAME } from '../core/contract/types/statistics-types';
import { ARCHIVE_FILE_NAME } from '../core/contract/retention-domain';
import type { AppLogger } from './app-log';

type IsOwnOrigin = (url: string) => boolean;

/**
 * The files the app itself hands out as downloads: the audit CSV (the renderer turns the answer of `audit.exportCsv`,
 * which the core has already audited after the passphrase was entered again, into a blob: URL) and printed forms
 * (the PDF main rendered from a print method's answer, which the core audited as a print of that record).
 * A decrypted document in the PDF preview is not an export: saving it from Chromium's viewer would write personal
 * data outside the vault without an audit entry, so it is refused like everything else.
 */
const EXPORTS: readonly { kind: string; fileName: RegExp }[] = [
  { kind: 'audit-csv', fileName: /^audit-\d{4}-\d{2}-\d{2}\.csv$/ },
  { kind: 'print-pdf', fileName: PRINT_FILE_NAME },
  // Statistics exports (CSV, XLSX): aggregates only, built and audited by the core (statistics.export*).
  { kind: 'statistics', fileName: STATISTICS_FILE_NAME },
  // The encrypted package for the public archive before a deletion (audited by the core as deletions.exportArchive).
  { kind: 'archive-package', fileName: ARCHIVE_FILE_NAME },
];

type DownloadFacts = Pick<DownloadItem, 'getURL' | 'getFilename'>;

/** The kind of our own export this download is, or null: a blob: of our origin, from our page's main frame. */
export function ownExportKind(
  item: DownloadFacts,
  contents: Pick<WebContents, 'getURL' | 'mainFrame'> | null,
  frame: WebFrameMain | null,
  isOwnOrigin: IsOwnOrigin,
): string | null {
  const url = item.getURL();
  if (!url.startsWith('blob:') || !isOwnOrigin(url.slice('blob:'.length))) return null;
  if (!contents || !isOwnOrigin(contents.getURL())) return null;
  if (frame !== null && frame !== contents.mainFrame) return null;
  return EXPORTS.find((e) => e.fileName.test(item.getFilename()))?.kind ?? null;
}

/** Lets our own exports through (the user picks the place in the save dialog) and cancels every other download. */
export function guardDownloads(session: Pick<Session, 'on'>, isOwnOrigin: IsOwnOrigin, log: AppLogger): void {
  session.on('will-download', (event, item, contents, frame) => {
    const kind = ownExportKind(item, contents, frame ?? null, isOwnOrigin);
    if (kind) {
      // The export itself is in the audit trail (written by the core); the log records only that it left the app.
      log.info('export download started', { kind });
      item.once('done', (_e, state) => log.info('export download finished', { kind, state }));
      return;
    }
    event.preventDefault();
    // Neither URL nor file name: both may carry personal data.
    log.error('download refused', { scheme: schemeOf(item.getURL()) });
  });
}

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? match[1]!.toLowerCase() : 'unknown';
}
