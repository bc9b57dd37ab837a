import { join } from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import { APP_ORIGIN } from './content-security';

/** Where the renderer comes from: app://kim-akte in production, the electron-vite dev server in `npm run dev`. */
export function rendererEntry(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer && process.env.NODE_ENV_ELECTRON_VITE === 'development' ? devServer : `${APP_ORIGIN}/index.html`;
}

export function isOwnOrigin(url: string): boolean {
  try {
    const origin = new URL(url).origin;
    const dev = process.env.ELECTRON_RENDERER_URL;
    return origin === APP_ORIGIN || (dev !== undefined && origin === new URL(dev).origin);
  } catch {
    return false;
  }
}

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
