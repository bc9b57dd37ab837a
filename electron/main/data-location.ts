import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';

/**
 * The vault folder: KIM_AKTE_DATA_DIR (set by IT policy or tests), else the app's user-data folder. Machine-wide
 * policy configuration comes with the deployment issue.
 */
export function dataDirectory(): string {
  return process.env.KIM_AKTE_DATA_DIR || join(app.getPath('userData'), 'vault');
}

/**
 * The SQLCipher binding built for Electron's ABI by `npm install` (scripts/build-native-electron.cjs), used when
 * running from a checkout. Packaged apps get node_modules rebuilt for Electron by electron-builder and need none.
 */
export function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const built = join(app.getAppPath(), 'native', 'electron', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}
