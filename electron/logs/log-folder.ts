import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The product name Electron derives the user-data folder from (package.json productName). */
const PRODUCT = 'KIM-Akte';

/**
 * The app's own log folder without Electron (the CLI): what `app.getPath('userData')/logs` is for the same user:
 * %APPDATA%\KIM-Akte\logs, ~/Library/Application Support/KIM-Akte/logs, $XDG_CONFIG_HOME (~/.config)/KIM-Akte/logs.
 */
export function defaultLogFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT, 'logs');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT, 'logs');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT, 'logs');
}

/**
 * Where `kim-akte logs` reads: --log-dir, else the policy's log folder, else the `logs` folder beside --data-dir
 * (the app's layout: <user data>/vault and <user data>/logs), else the app's own log folder.
 */
export function logFolderFor(opts: { logDir?: string; dataDir?: string; policyFolder?: string }): string {
  if (opts.logDir) return opts.logDir;
  if (opts.policyFolder) return opts.policyFolder;
  if (opts.dataDir) {
    const beside = join(dirname(opts.dataDir), 'logs');
    if (existsSync(beside)) return beside;
  }
  return defaultLogFolder();
}
