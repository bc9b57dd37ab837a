/*
 * The Electron fuses of the packaged app, in one place: scripts/after-pack.cjs flips them, and
 * scripts/package-check.ts reads the wire back from a packaged binary and compares it with this.
 */
const { FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Each fuse decided: no plain-Node mode, no debugging through environment or flags, the app only from its asar. */
const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The flipFuses configuration for a platform ('win32', 'linux', 'darwin'). */
function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // A fuse that a newer Electron adds fails the build until it is decided here.
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: platform === 'darwin',
    ...FUSES,
  };
}

module.exports = { FUSES, fuseConfig };
