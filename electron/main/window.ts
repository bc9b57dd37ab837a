import { join } from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { isOwnOrigin, rendererEntry } from './origin';

/** Electron security checklist: no navigation away, no new windows, no webviews. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnOrigin(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(isDev: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'KIM-Akte',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer for document previews (blob: frames only, see content-security.ts).
      plugins: true,
      devTools: isDev,
    },
  });
  guardContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererEntry());
  return win;
}
