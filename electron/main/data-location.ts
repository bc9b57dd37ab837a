import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { policyDataFolder, resolveDataDirectory } from '../core/api/data-folder';

/**
 * The vault folder: the machine policy's `dataFolder` when IT set one (file or registry), else KIM_AKTE_DATA_DIR
 * (tests, a developer's second vault), else the user profile's folder. The policy wins over the variable: on a
 * town-hall PC IT decides where the vault lives, not a per-user environment. An invalid policy falls through here;
 * the core reads the same policy and refuses every call with the German error screen, so no vault is opened.
 */
export function dataDirectory(): string {
  return resolveDataDirectory(policyDataFolder(), process.env, () => join(app.getPath('userData'), 'vault'));
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
