import type { EntityManager } from 'typeorm';
import type { Office } from '../../contract/offices';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import type { DeviceKeys } from '../../platform/sync/device-keys';
import { publicKeyOf } from '../../platform/vault/sealed-box';
import { signPublicOf } from '../../platform/sync/device-keys';

/** This workstation as a member of the network: its identity, keys and the share it syncs through. */
export interface OwnDevice {
  deviceId: string;
  office: Office;
  networkId: string;
  founder: string;
  networkFingerprint: string;
  share: string;
  keys: DeviceKeys;
}

/** The device id recorded with every change; set at vault setup, replaced only when the device forks. */
export async function readDeviceId(m: EntityManager): Promise<string> {
  const id = await readSetting(m, SETTING_KEYS.deviceId);
  if (!id) throw new Error('Vault has no device id');
  return id;
}

/** The network membership stored in the vault, or null before `network create` / `network join`. */
export async function loadOwnDevice(m: EntityManager, office: Office): Promise<OwnDevice | null> {
  const [networkId, share, founder, networkFingerprint, sign, box] = await Promise.all([
    readSetting(m, SETTING_KEYS.networkId),
    readSetting(m, SETTING_KEYS.networkShare),
    readSetting(m, SETTING_KEYS.networkFounder),
    readSetting(m, SETTING_KEYS.networkFingerprint),
    readSetting(m, SETTING_KEYS.deviceSignKey),
    readSetting(m, SETTING_KEYS.deviceBoxKey),
  ]);
  if (!networkId || !share || !founder || !networkFingerprint || !sign || !box) return null;
  const signPrivate = Buffer.from(sign, 'base64');
  const boxPrivate = Buffer.from(box, 'base64');
  return {
    deviceId: await readDeviceId(m),
    office,
    networkId,
    founder,
    networkFingerprint,
    share,
    keys: { signPrivate, signPublic: signPublicOf(signPrivate), boxPrivate, boxPublic: publicKeyOf(boxPrivate) },
  };
}

/** Stores the membership and the device's private keys inside the encrypted vault (never on the share). */
export async function saveOwnDevice(m: EntityManager, own: Omit<OwnDevice, 'office'>): Promise<void> {
  await writeSetting(m, SETTING_KEYS.deviceId, own.deviceId);
  await writeSetting(m, SETTING_KEYS.networkId, own.networkId);
  await writeSetting(m, SETTING_KEYS.networkShare, own.share);
  await writeSetting(m, SETTING_KEYS.networkFounder, own.founder);
  await writeSetting(m, SETTING_KEYS.networkFingerprint, own.networkFingerprint);
  await writeSetting(m, SETTING_KEYS.deviceSignKey, own.keys.signPrivate.toString('base64'));
  await writeSetting(m, SETTING_KEYS.deviceBoxKey, own.keys.boxPrivate.toString('base64'));
}

/** The newest file this device wrote: its sequence number and hash (0 and null before the first). */
export async function readLogPosition(m: EntityManager): Promise<{ seq: number; hash: string | null }> {
  const seq = Number((await readSetting(m, SETTING_KEYS.syncSeq)) ?? '0');
  return { seq: Number.isInteger(seq) && seq > 0 ? seq : 0, hash: await readSetting(m, SETTING_KEYS.syncHash) };
}

export async function writeLogPosition(m: EntityManager, seq: number, hash: string): Promise<void> {
  await writeSetting(m, SETTING_KEYS.syncSeq, String(seq));
  await writeSetting(m, SETTING_KEYS.syncHash, hash);
}

/** An earlier identity of this workstation (before a fork) and the last file this vault wrote under it. */
export interface Predecessor {
  device: string;
  upTo: number;
}

export async function readPredecessors(m: EntityManager): Promise<Predecessor[]> {
  return JSON.parse((await readSetting(m, SETTING_KEYS.networkPredecessors)) ?? '[]') as Predecessor[];
}
