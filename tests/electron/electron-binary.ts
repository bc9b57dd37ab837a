import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireCjs = createRequire(__filename);

/**
 * Path of the installed Electron binary, or null where it was not downloaded. Reads electron's path.txt instead of
 * requiring 'electron', which would try to download the binary on first use.
 */
export function electronBinary(): string | null {
  try {
    const pkgDir = dirname(requireCjs.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
    const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const SKIP_MESSAGE =
  'Electron binary not installed here (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without internet): ' +
  'the Electron shell tests run on machines with the binary; the same UI and API are tested in Chromium via the harness.';

export const MAIN_ENTRY = join(__dirname, '../../out/main/index.js');
