import { appendAudit } from '../../platform/audit/audit-log';
import { readRecord, verifyRecord } from '../../platform/sync/signed-record';
import { verifyBytes } from '../../platform/sync/device-keys';
import { writeSetting, SETTING_KEYS } from '../../platform/settings/settings-store';
import { findDevice, putDevice, revokeDevice } from './device-registry';
import type { ControlRecord } from './control-records';
import { CARD_RECORD, cardSchema, deviceFingerprint, joinProofValid, successorStatement, type DeviceCard } from './network-records';
import type { OwnDevice } from './own-device';
import type { NetworkContext } from './sync-context';

/** A card read from the share: valid when it parses, names this network and is signed by the key it carries. */
export function parseCard(text: string, network: string, device: string): DeviceCard | null {
  try {
    const record = readRecord(text, CARD_RECORD);
    const parsed = cardSchema.safeParse(record.payload);
    if (!parsed.success || parsed.data.network !== network || parsed.data.device !== device) return null;
    return verifyRecord(record, CARD_RECORD, Buffer.from(parsed.data.signKey, 'base64')) ? parsed.data : null;
  } catch {
    return null;
  }
}

async function auditMembership(ctx: NetworkContext, action: string, device: string, fields: string[]): Promise<void> {
  await appendAudit(ctx.tx, { at: ctx.now, actor: null, action, entity: 'sync-device', entityId: device, fields });
}

function fingerprintOf(network: string, card: { signKey: string; boxKey: string }): string {
  return deviceFingerprint(network, Buffer.from(card.signKey, 'base64'), Buffer.from(card.boxKey, 'base64'));
}

/**
 * Decides what a card of a device not yet enrolled here means:
 * - it answers an invitation this workstation issued: enrolled here when the code proof, office and expiry hold,
 *   and the enrollment is queued for the next file so every member learns it;
 * - it succeeds a member (same workstation restored from a backup): enrolled when the member's key signed it;
 * - anything else: listed as pending until a member's enrollment record arrives. Returns true when enrolled.
 */
export async function considerCard(ctx: NetworkContext, own: OwnDevice, card: DeviceCard): Promise<boolean> {
  const at = ctx.now.toISOString();
  const base = {
    deviceId: card.device,
    office: card.office,
    signKey: card.signKey,
    boxKey: card.boxKey,
    fingerprint: fingerprintOf(own.networkId, card),
    at,
  };
  const e = card.enrollment;
  if (e.kind === 'invitation' && e.inviter === own.deviceId) {
    const [inv] = (await ctx.tx.query('SELECT * FROM sync_invitation WHERE id = ?', [e.invitation])) as {
      office: string;
      code_key: string;
      expires_at: string;
      used_by_device: string | null;
    }[];
    const usable = inv && inv.used_by_device === null && Date.parse(inv.expires_at) > ctx.now.getTime() && inv.office === card.office;
    if (usable && joinProofValid(Buffer.from(inv.code_key, 'base64'), card)) {
      await ctx.tx.query('UPDATE sync_invitation SET used_by_device = ?, used_at = ?, code_key = ? WHERE id = ?', [card.device, at, '', e.invitation]);
      await putDevice(ctx.tx, { ...base, status: 'member', enrolledBy: own.deviceId });
      const record: ControlRecord = { type: 'enroll', device: card.device, office: card.office, signKey: card.signKey, boxKey: card.boxKey, invitation: e.invitation };
      await ctx.tx.query('INSERT INTO sync_outbox (record, created_at) VALUES (?, ?)', [JSON.stringify(record), at]);
      await auditMembership(ctx, 'network.enroll', card.device, [`office:${card.office}`, `invitation:${e.invitation}`]);
      return true;
    }
  }
  if (e.kind === 'successor') {
    const predecessor = await findDevice(ctx.tx, e.predecessor);
    if (
      predecessor &&
      predecessor.status === 'member' &&
      predecessor.office === card.office &&
      verifyBytes(Buffer.from(predecessor.sign_key, 'base64'), successorStatement(card, e.predecessor), Buffer.from(e.proof, 'base64'))
    ) {
      await putDevice(ctx.tx, { ...base, status: 'member', enrolledBy: e.predecessor });
      await auditMembership(ctx, 'network.successor', card.device, [`predecessor:${e.predecessor}`]);
      return true;
    }
  }
  if (!(await findDevice(ctx.tx, card.device))) await putDevice(ctx.tx, { ...base, status: 'pending', enrolledBy: null });
  return false;
}

/** Applies the membership records of a verified file of member `author`. Returns whether a device became a member. */
export async function applyControl(ctx: NetworkContext, own: OwnDevice, author: string, records: ControlRecord[]): Promise<boolean> {
  let enrolled = false;
  const at = ctx.now.toISOString();
  for (const r of records) {
    if (r.type === 'enroll') {
      if (r.device === own.deviceId) {
        await writeSetting(ctx.tx, SETTING_KEYS.networkEnrolled, '1');
        continue;
      }
      const known = await findDevice(ctx.tx, r.device);
      if (known && known.status !== 'pending') continue;
      await putDevice(ctx.tx, {
        deviceId: r.device,
        office: r.office,
        signKey: r.signKey,
        boxKey: r.boxKey,
        fingerprint: fingerprintOf(own.networkId, r),
        status: 'member',
        enrolledBy: author,
        at,
      });
      await auditMembership(ctx, 'network.enroll', r.device, [`office:${r.office}`, `by:${author}`]);
      enrolled = true;
    } else if (r.type === 'revoke') {
      const known = await findDevice(ctx.tx, r.device);
      if (known?.status === 'revoked') continue;
      // Not seen yet (its card may come later in this round): listed as revoked at once, so it can never join.
      if (!known) {
        await putDevice(ctx.tx, { deviceId: r.device, office: r.office, signKey: '', boxKey: '', fingerprint: '', status: 'pending', enrolledBy: null, at });
      }
      await revokeDevice(ctx.tx, r.device, author, r.device === own.deviceId ? Number.MAX_SAFE_INTEGER : r.afterSeq, at);
      await auditMembership(ctx, 'network.revoke', r.device, [`by:${author}`, `afterSeq:${r.afterSeq}`]);
    }
  }
  return enrolled;
}
