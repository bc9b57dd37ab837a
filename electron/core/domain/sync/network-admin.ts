import { AppError } from '../../contract/errors';
import type { NetworkDevice } from '../../contract/types/network-types';
import { deviceView, findDevice, listDevices, revokeDevice } from './device-registry';
import type { ControlRecord } from './control-records';
import { loadOwnDevice } from './own-device';
import type { NetworkContext } from './sync-context';

/** The devices of the network as IT sees them (no keys). */
export async function networkDevices(ctx: NetworkContext): Promise<NetworkDevice[]> {
  const rows = await listDevices(ctx.tx);
  ctx.audit.entityIds.push(...rows.map((r) => r.device_id));
  return rows.map(deviceView);
}

async function deviceViews(ctx: NetworkContext): Promise<NetworkDevice[]> {
  return (await listDevices(ctx.tx)).map(deviceView);
}

/**
 * Revokes a device (stolen laptop, replaced PC): from now on this workstation ignores its files after the last one
 * read here, and the signed revocation goes out with this workstation's next file, so every member honours it from
 * its next round on. Final: a revoked device must join again with a new invitation.
 */
export async function revokeNetworkDevice(ctx: NetworkContext, deviceId: string): Promise<NetworkDevice[]> {
  const own = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
  if (!own) throw new AppError('network.notJoined');
  if (deviceId === own.deviceId) throw new AppError('network.revokeSelf');
  const device = await findDevice(ctx.tx, deviceId);
  if (!device) throw new AppError('network.deviceUnknown');
  if (device.status !== 'revoked') {
    const at = ctx.now.toISOString();
    await revokeDevice(ctx.tx, deviceId, own.deviceId, device.read_seq, at);
    const record: ControlRecord = { type: 'revoke', device: deviceId, office: device.office, afterSeq: device.read_seq };
    await ctx.tx.query('INSERT INTO sync_outbox (record, created_at) VALUES (?, ?)', [JSON.stringify(record), at]);
  }
  ctx.audit.entityIds.push(deviceId);
  ctx.audit.fields.push('network.revoke');
  return deviceViews(ctx);
}
