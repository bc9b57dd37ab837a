/*
 * electron-builder afterPack hook: flips Electron fuses in the packaged binary so it cannot be turned into a plain
 * Node runtime or debugged through environment variables or CLI flags, and only loads the app from its asar.
 */
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

module.exports = async function afterPack(context) {
  const name = context.packager.appInfo.productFilename;
  const binary =
    context.electronPlatformName === 'darwin'
      ? join(context.appOutDir, `${name}.app`)
      : join(context.appOutDir, context.electronPlatformName === 'win32' ? `${name}.exe` : context.packager.executableName);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // A fuse that a newer Electron adds fails the build until it is decided here.
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
