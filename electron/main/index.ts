import { join } from 'node:path';
import { app, type BrowserWindow, Menu, session } from 'electron';
import { APP_VERSION } from '../core/contract/app-version';
import { createAppLogger } from './app-log';
import { readLogPolicy } from '../core/api/log-policy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { cliArguments, loadBundledCli, runCliMode } from './cli-mode';
import { guardAllWebContents } from './contents-guards';
import { CoreHost } from './core-host';
import { dataDirectory, electronNativeBinding } from './data-location';
import { guardDownloads } from './download-guard';
import { registerIpc } from './ipc';
import { installLockTriggers } from './lock-triggers';
import { isOwnOrigin } from './origin';
import { createPdfPrinter } from './pdf-printer';
import { createMainWindow } from './window';

/** Electron main: lifecycle, window, protocol, IPC and lock triggers. No business rules here: those are in core. */
const isDev = !app.isPackaged && process.env.NODE_ENV_ELECTRON_VITE === 'development';
/** `KIM-Akte.exe --cli <command> …`: the admin CLI, headless (cli-mode.ts). */
const cliArgs = cliArguments(process.argv, process.defaultApp === true);

app.enableSandbox();
registerAppScheme();

if (cliArgs) {
  void runCliMode(app, cliArgs, () => loadBundledCli(__dirname));
} else if (!app.requestSingleInstanceLock()) {
  // One instance per workstation user: two would share one SQLite writer.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  // The policy's log folder (IT collects logs there), else the app's own; files kept logs.keepDays days.
  const logPolicy = readLogPolicy();
  const ownLogs = join(app.getPath('userData'), 'logs');
  const log = createAppLogger(logPolicy.folder ?? ownLogs, {
    fallbackDir: ownLogs,
    keepDays: logPolicy.keepDays,
    version: APP_VERSION,
    office: logPolicy.office,
  });
  if (logPolicy.invalid) log.error(logPolicy.invalid, { code: 'policy.invalid' });
  // Before any window exists, so no web contents is ever created without its guards.
  guardAllWebContents(app, isOwnOrigin, log);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    // No permission (camera, notifications, geolocation ...) is ever granted to web content.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    guardDownloads(session.defaultSession, isOwnOrigin, log);
    serveRenderer(join(__dirname, '../renderer'));
    if (!isDev) Menu.setApplicationMenu(null);

    const core = new CoreHost(
      { dataDir: dataDirectory(), nativeBinding: electronNativeBinding(), appVersion: APP_VERSION },
      log,
      () => mainWindow?.webContents.reload(),
    );
    registerIpc(core, log, createPdfPrinter(log));
    mainWindow = createMainWindow(isDev);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    installLockTriggers(() => mainWindow, core, log);
    log.info('app started', { event: 'start', platform: process.platform });

    let quitting = false;
    app.on('before-quit', (event) => {
      if (quitting) return;
      event.preventDefault();
      quitting = true;
      log.info('app stopped', { event: 'stop' });
      void core
        .shutdown()
        .then(() => log.close())
        .finally(() => app.quit());
    });
  });

  app.on('window-all-closed', () => app.quit());
}
