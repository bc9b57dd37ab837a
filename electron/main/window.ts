import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { rendererEntry } from './origin';

/** Navigation, frame, new-window and webview guards apply to every web contents: see contents-guards.ts. */
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererEntry());
  return win;
}
