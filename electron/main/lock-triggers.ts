import { powerMonitor, type BrowserWindow } from 'electron';
import type { LockReason } from '../core/contract/lock-reasons';
import { IPC_CHANNELS } from '../core/contract/ipc-channels';
import type { AppLogger } from './app-log';
import type { CoreHost } from './core-host';

/** Time the renderer gets to save drafts and lock itself before main locks the core and reloads the page. */
const GRACE_MS = 5_000;
const IDLE_POLL_MS = 15_000;

/**
 * Locks on OS suspend, screen lock and system-wide idle. The renderer is asked first (so unsaved input is saved
 * as an encrypted draft); if it does not lock in time, main locks the core itself and reloads the window, which
 * drops all personal data from the renderer either way.
 */
export function installLockTriggers(getWindow: () => BrowserWindow | null, core: CoreHost, log: AppLogger): void {
  let pending: NodeJS.Timeout | null = null;

  const request = (reason: LockReason) => {
    const win = getWindow();
    if (!win || pending) return;
    log.info(`lock requested (${reason})`);
    win.webContents.send(IPC_CHANNELS.lockRequested, reason);
    pending = setTimeout(() => {
      pending = null;
      void core.call('vault.status', {}).then(async (status) => {
        if (status.ok && (status.value as { state: string }).state === 'unlocked') {
          await core.call('session.lock', {});
          log.info('renderer did not lock in time; locked by main');
          getWindow()?.webContents.reload();
        }
      });
    }, GRACE_MS);
  };

  powerMonitor.on('suspend', () => request('suspend'));
  powerMonitor.on('lock-screen', () => request('screen-lock'));

  setInterval(() => {
    void core.call('vault.status', {}).then((status) => {
      if (!status.ok) return;
      const { state, idleLockMinutes } = status.value as { state: string; idleLockMinutes: number };
      if (state === 'unlocked' && powerMonitor.getSystemIdleTime() >= idleLockMinutes * 60) request('idle');
    });
  }, IDLE_POLL_MS).unref();
}
