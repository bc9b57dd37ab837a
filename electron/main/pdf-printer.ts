import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import type { AppLogger } from './app-log';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE } from './print-options';
import type { PrintToPdf } from './print-result';

/**
 * Turns a print document (self-contained HTML from core) into a tagged PDF with Chromium's printToPDF, in a window
 * that can do nothing else: never shown, sandboxed, JavaScript off, no preload, its own in-memory session that
 * grants no permission, loads nothing but the document itself and downloads nothing. The document arrives as a
 * data: URL rather than through the app:// handler: app:// serves the renderer's files and would have to hold
 * personal data for a moment to serve it; a data: URL never leaves this process and has an opaque origin, so the
 * document cannot reach our origin's storage or API even if it could run code. Navigation and new windows are
 * refused by the guards every web contents gets (contents-guards.ts); the document's own CSP allows only inline
 * style. One print at a time; the window is destroyed after each.
 */

/** In memory (no "persist:"), separate from the app's session: no cookies, storage or cache shared with the app. */
export const PRINT_PARTITION = 'kim-print';
export const PRINT_TIMEOUT_MS = 30_000;

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    // A4 at 96 dpi: the layout width the print uses.
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webgl: false,
      plugins: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      partition: PRINT_PARTITION,
    },
  };
}

/** The only URL the print window may load: a data: URL of HTML. */
export function mayLoad(url: string): boolean {
  return url.startsWith('data:text/html;');
}

let hardened: Session | null = null;

function printSession(log: AppLogger): Session {
  const s = session.fromPartition(PRINT_PARTITION);
  if (hardened === s) return s;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    const allowed = mayLoad(details.url);
    if (!allowed) log.error('print window request refused');
    callback({ cancel: !allowed });
  });
  s.on('will-download', (event) => {
    event.preventDefault();
    log.error('print window download refused');
  });
  hardened = s;
  return s;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('print timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A printer for toPrintedPdf: each call opens, prints and destroys its own window, one call after another. */
export function createPdfPrinter(log: AppLogger, timeoutMs = PRINT_TIMEOUT_MS): PrintToPdf {
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string): Promise<Uint8Array> => {
    printSession(log);
    const win = new BrowserWindow(printWindowOptions());
    try {
      return await withTimeout(
        (async () => {
          await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
          return win.webContents.printToPDF({
            pageSize: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            generateTaggedPDF: true,
            generateDocumentOutline: true,
            displayHeaderFooter: true,
            headerTemplate: PDF_HEADER_TEMPLATE,
            footerTemplate: PDF_FOOTER_TEMPLATE,
          });
        })(),
        timeoutMs,
      );
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
  return (html) => {
    const run = queue.then(() => printOne(html));
    queue = run.catch(() => undefined);
    return run;
  };
}
