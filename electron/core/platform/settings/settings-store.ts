import type { EntityManager } from 'typeorm';
import { SettingEntity } from './setting-entity';

/** Typed access to the setting table. Keys are fixed here so no caller invents its own. */
export const SETTING_KEYS = {
  office: 'office',
  deviceId: 'device.id',
  hlc: 'clock.hlc',
  idleLockMinutes: 'lock.idleMinutes',
  /** Set once an audit head was first written: from then on a missing head file is a break, not a fresh vault. */
  auditHeadWritten: 'audit.headWritten',
  /** Set only by the development tool demo-data on a vault it created; it adds fictional people to no other vault. */
  demoVault: 'demo.vault',
  /** Version of the algorithm that wrote the client name search keys (see domain/clients/name-key-rebuild.ts). */
  nameKeyVersion: 'search.nameKeyVersion',
  /** The sync network this workstation belongs to (issue 9): id, share folder, founding device, fingerprint. */
  networkId: 'network.id',
  networkShare: 'network.share',
  networkFounder: 'network.founder',
  networkFingerprint: 'network.fingerprint',
  /** '1' once a member's enrollment of this device was read (the founder is enrolled from the start). */
  networkEnrolled: 'network.enrolled',
  /** This device's private keys (base64): Ed25519 seed for signing, X25519 for the content keys sealed to it. */
  deviceSignKey: 'device.signKey',
  deviceBoxKey: 'device.boxKey',
  /** Sequence number and hash of the newest file this device wrote to its log on the share. */
  syncSeq: 'sync.seq',
  syncHash: 'sync.hash',
  /** The audit entry id of the newest checkpoint of the audit head published in the log. */
  syncCheckpointAuditId: 'sync.checkpointAuditId',
  syncCheckpointAt: 'sync.checkpointAt',
  /** JSON of a file prepared but not yet known to be on the share (crash safety of publishing). */
  syncPending: 'sync.pending',
  /** JSON list of this workstation's earlier device ids (before it forked to a new identity). */
  networkPredecessors: 'network.predecessors',
  /** JSON of the last round's summary (NetworkStatus.lastRound) and the time of the last successful one. */
  syncLastRound: 'sync.lastRound',
  syncLastSuccess: 'sync.lastSuccess',
  /** The Berlin day on which copies of other offices' files were last checked against their consents (expiry). */
  syncScopeCheckedOn: 'sync.scopeCheckedOn',
  /** '1' while the last round held back protected fields because the session held no key for them. */
  syncWaitingForKey: 'sync.waitingForKey',
  /** How far of the change log, and on which day, the document copies on the share were last checked (JSON). */
  syncCopiesChecked: 'sync.copiesChecked',
  /** JSON list of the synced entities whose rows written before sync recorded them have been entered in the change log. */
  syncBackfilled: 'sync.backfilled',
  /** JSON {"at": ISO, "file": basename, "bytes": n} of the newest completed backup (CLI or schedule; issue 13). */
  lastBackup: 'backup.last',
  /** JSON {"at": ISO, "code": error code} of the last scheduled backup that failed; removed by the next success. */
  lastBackupFailure: 'backup.lastFailure',
  /**
   * Set by restore: this vault came back from a backup, so the device identity in it may have written files to the
   * share after the backup. The next sync round takes a new identity (domain/sync/log-writer.ts) and removes it.
   */
  syncRestored: 'sync.restored',
} as const;

/**
 * A category private key that no account of a role reading the category holds yet (a new workstation has only its
 * IT administrator): kept under the database key until the first such account receives it, then deleted.
 */
export const unclaimedCategoryKeySetting = (category: string) => `vault.categoryKey.unclaimed.${category}`;

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export async function readSetting(m: EntityManager, key: string): Promise<string | null> {
  const row = await m.findOneBy(SettingEntity, { key });
  return row?.value ?? null;
}

export async function writeSetting(m: EntityManager, key: string, value: string): Promise<void> {
  await m.upsert(SettingEntity, { key, value }, ['key']);
}

export async function readIdleLockMinutes(m: EntityManager): Promise<number> {
  const v = Number(await readSetting(m, SETTING_KEYS.idleLockMinutes));
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_IDLE_LOCK_MINUTES;
}

export async function deleteSetting(m: EntityManager, key: string): Promise<void> {
  await m.delete(SettingEntity, { key });
}
