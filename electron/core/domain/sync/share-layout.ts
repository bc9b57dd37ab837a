import { join } from 'node:path';

/**
 * Where the network lives in the shared folder. One folder per device, written only by that device: its card
 * (public keys, office, how it was enrolled) and its numbered log files. No file or folder name carries a client
 * name, id or category; device ids are random UUIDs.
 *
 * <share>/kim-akte-sync/network.json                      the founding device's signed network record
 * <share>/kim-akte-sync/devices/<device>/card.json         the device's signed card
 * <share>/kim-akte-sync/devices/<device>/log/<seq>.kimsync its append-only, numbered, chained files
 * <share>/kim-akte-sync/devices/<device>/files/<id>.kimdoc  encrypted document copies its log files refer to
 *                                                          (random ids; key and digest only inside the log files)
 */
export const NETWORK_FOLDER = 'kim-akte-sync';
export const LOG_EXT = 'kimsync';
export const COPY_EXT = 'kimdoc';
/** The largest log file read; bundles are cut well below it (see bundle-codec limits). */
export const MAX_LOG_FILE_BYTES = 80 * 1024 * 1024;
export const MAX_CARD_BYTES = 64 * 1024;

export interface ShareLayout {
  root: string;
  networkFile: string;
  devicesDir: string;
  deviceDir(device: string): string;
  cardFile(device: string): string;
  logDir(device: string): string;
  copiesDir(device: string): string;
}

export function shareLayout(share: string): ShareLayout {
  const root = join(share, NETWORK_FOLDER);
  const devicesDir = join(root, 'devices');
  return {
    root,
    networkFile: join(root, 'network.json'),
    devicesDir,
    deviceDir: (device) => join(devicesDir, device),
    cardFile: (device) => join(devicesDir, device, 'card.json'),
    logDir: (device) => join(devicesDir, device, 'log'),
    copiesDir: (device) => join(devicesDir, device, 'files'),
  };
}
