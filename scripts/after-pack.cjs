/*
 * electron-builder afterPack hook: flips Electron fuses in the packaged binary so it cannot be turned into a plain
 * Node runtime or debugged through environment variables or CLI flags, and only loads the app from its asar.
 * The fuses themselves are in fuse-settings.cjs; `npm run check:package` reads them back from a packaged binary.
 */
const { join } = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuse-settings.cjs');

/** The Electron binary electron-builder packed for a platform, inside appOutDir. */
function packagedBinary(appOutDir, platform, productFilename, executableName) {
  if (platform === 'darwin') return join(appOutDir, `${productFilename}.app`);
  return join(appOutDir, platform === 'win32' ? `${productFilename}.exe` : executableName);
}

module.exports = async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = packagedBinary(context.appOutDir, platform, context.packager.appInfo.productFilename, context.packager.executableName);
  await flipFuses(binary, fuseConfig(platform));
};
module.exports.packagedBinary = packagedBinary;
