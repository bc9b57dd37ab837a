import type { EntityManager } from 'typeorm';
import type { Office } from '../../contract/offices';
import type { DeviceStatus, NetworkDevice } from '../../contract/types/network-types';
import { decodeHlc } from '../../platform/sync/hlc';

/** One row of sync_device: what this workstation knows about a device of the network. */
export interface DeviceRow {
  device_id: string;
  office: Office;
  sign_key: string;
  box_key: string;
  fingerprint: string;
  status: DeviceStatus;
  enrolled_by: string | null;
  enrolled_at: string;
  revoked_by: string | null;
  revoked_after_seq: number | null;
  revoked_at: string | null;
  frozen_reason: string | null;
  read_seq: number;
  read_hash: string | null;
  last_hlc: string | null;
  last_read_at: string | null;
}

export async function listDevices(m: EntityManager): Promise<DeviceRow[]> {
  return (await m.query('SELECT * FROM sync_device ORDER BY office, enrolled_at, device_id')) as DeviceRow[];
}

export async function findDevice(m: EntityManager, deviceId: string): Promise<DeviceRow | null> {
  const [row] = (await m.query('SELECT * FROM sync_device WHERE device_id = ?', [deviceId])) as DeviceRow[];
  return row ?? null;
}

export interface NewDevice {
  deviceId: string;
  office: Office;
  signKey: string;
  boxKey: string;
  fingerprint: string;
  status: DeviceStatus;
  enrolledBy: string | null;
  at: string;
}

/** Adds a device, or (for a pending one now enrolled) takes the enrolled keys and status. Never revives a revoked one. */
export async function putDevice(m: EntityManager, d: NewDevice): Promise<void> {
  await m.query(
    `INSERT INTO sync_device (device_id, office, sign_key, box_key, fingerprint, status, enrolled_by, enrolled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET office = excluded.office, sign_key = excluded.sign_key,
       box_key = excluded.box_key, fingerprint = excluded.fingerprint, status = excluded.status,
       enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at
     WHERE sync_device.status = 'pending'`,
    [d.deviceId, d.office, d.signKey, d.boxKey, d.fingerprint, d.status, d.enrolledBy, d.at],
  );
}

/** Marks a device revoked: files after `afterSeq` are never applied. A second revocation keeps the earlier cut. */
export async function revokeDevice(m: EntityManager, deviceId: string, by: string, afterSeq: number, at: string): Promise<void> {
  await m.query(
    `UPDATE sync_device SET status = 'revoked', revoked_by = COALESCE(revoked_by, ?),
       revoked_after_seq = MIN(COALESCE(revoked_after_seq, ?), ?), revoked_at = COALESCE(revoked_at, ?)
     WHERE device_id = ?`,
    [by, afterSeq, afterSeq, at, deviceId],
  );
}

/** Stops reading a device that signed two different files under one number (or was caught rewriting its log). */
export async function freezeDevice(m: EntityManager, deviceId: string, reason: string): Promise<void> {
  await m.query(`UPDATE sync_device SET status = 'frozen', frozen_reason = ? WHERE device_id = ? AND status IN ('member', 'self')`, [reason, deviceId]);
}

/** Records that the device's file `seq` with hash `hash` was read and applied. */
export async function advanceDevice(m: EntityManager, deviceId: string, seq: number, hash: string, hlc: string, at: string): Promise<void> {
  await m.query('UPDATE sync_device SET read_seq = ?, read_hash = ?, last_hlc = ?, last_read_at = ? WHERE device_id = ?', [seq, hash, hlc, at, deviceId]);
}

/** The view IT sees: no keys, the newest file's time from its clock. */
export function deviceView(row: DeviceRow): NetworkDevice {
  let lastSyncAt: string | null = null;
  if (row.last_hlc) {
    try {
      lastSyncAt = new Date(decodeHlc(row.last_hlc).wall).toISOString();
    } catch {
      lastSyncAt = null;
    }
  }
  return {
    deviceId: row.device_id,
    office: row.office,
    fingerprint: row.fingerprint,
    status: row.status,
    enrolledBy: row.enrolled_by,
    lastSyncAt,
    filesRead: row.read_seq,
    revokedAt: row.revoked_at,
    frozenReason: row.frozen_reason,
  };
}
