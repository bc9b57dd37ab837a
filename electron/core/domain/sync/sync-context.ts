import type { Office } from '../../contract/offices';
import type { ShareFs } from '../../platform/files/share-io';
import type { ServiceContext } from '../service-context';

/** What the network and sync services need beyond a service call: the workstation's office and the share's file system. */
export interface SyncIo {
  /** The file system the share is reached through (node:fs/promises; tests inject faults here). */
  fs: ShareFs;
  /** Waits between retries of a busy share (virus scanners); tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
}

export interface NetworkContext extends ServiceContext {
  /** The office of this workstation (the vault's, from the keyring). */
  workstationOffice: Office;
  io: SyncIo;
}
