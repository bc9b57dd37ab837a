import type { App, WebContents } from 'electron';
import type { AppLogger } from './app-log';

type IsOwnOrigin = (url: string) => boolean;

/** Chromium's built-in PDF viewer (an internal extension) that renders the document preview inside its frame. */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjhbpaeojofohoefgiehjai';

/**
 * Which URL a subframe may load: our own pages, the blob: URL of a PDF preview our page created, Chromium's PDF
 * viewer that shows it, and the empty documents Chromium puts into fresh frames. Nothing remote.
 */
export function subframeMayLoad(url: string, isOwnOrigin: IsOwnOrigin): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (url.startsWith('blob:')) return isOwnOrigin(url.slice('blob:'.length));
  return isOwnOrigin(url) || url === PDF_VIEWER_ORIGIN || url.startsWith(`${PDF_VIEWER_ORIGIN}/`);
}

/**
 * Electron security checklist items 13–15 for one web contents: no navigation away from our origin in the main
 * frame, no foreign content in subframes, no new windows, no webviews.
 */
export function guardWebContents(contents: WebContents, isOwnOrigin: IsOwnOrigin, log: AppLogger): void {
  contents.on('will-navigate', (event) => {
    if (isOwnOrigin(event.url)) return;
    event.preventDefault();
    log.error('navigation away from the app blocked');
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame ? isOwnOrigin(event.url) : subframeMayLoad(event.url, isOwnOrigin)) return;
    event.preventDefault();
    log.error('frame navigation blocked', { mainFrame: event.isMainFrame });
  });
  contents.on('will-redirect', (event) => {
    if (event.isMainFrame ? isOwnOrigin(event.url) : subframeMayLoad(event.url, isOwnOrigin)) return;
    event.preventDefault();
    log.error('redirect blocked', { mainFrame: event.isMainFrame });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.error('webview blocked');
  });
  contents.setWindowOpenHandler(() => {
    log.error('new window blocked');
    return { action: 'deny' };
  });
}

/**
 * Guards every web contents the app ever creates (windows, frames' guests, devtools, anything a future feature
 * adds), not only the main window, so a forgotten guard cannot open a way out.
 */
export function guardAllWebContents(app: Pick<App, 'on'>, isOwnOrigin: IsOwnOrigin, log: AppLogger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isOwnOrigin, log));
}
