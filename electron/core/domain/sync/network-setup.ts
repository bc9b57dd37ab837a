import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import type { InvitationView, NetworkStatus } from '../../contract/types/network-types';
import { probeShare, readShareFile, writeNewFile } from '../../platform/files/share-io';
import { newDeviceKeys, type DeviceKeys } from '../../platform/sync/device-keys';
import { readRecord, signRecord, verifyRecord } from '../../platform/sync/signed-record';
import { WireError } from '../../platform/sync/wire-error';
import { deleteSetting, SETTING_KEYS } from '../../platform/settings/settings-store';
import { putDevice } from './device-registry';
import { formatCode, newInvitationCode, parseCode } from './invitation-code';
import {
  CARD_RECORD,
  codeVerifier,
  deviceFingerprint,
  INVITATION_RECORD,
  invitationSchema,
  joinProof,
  NETWORK_RECORD,
  networkFingerprint,
  networkRecordSchema,
  type DeviceCard,
  type Invitation,
} from './network-records';
import { loadOwnDevice, readDeviceId, saveOwnDevice, type OwnDevice } from './own-device';
import { MAX_CARD_BYTES, shareLayout } from './share-layout';
import { onShare } from './share-errors';
import type { NetworkContext } from './sync-context';
import { networkStatus } from './network-status';

/** How long an invitation stays valid: long enough to walk to the other town hall, short enough to be single-use. */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;

const b64 = (b: Buffer) => b.toString('base64');

async function requireShare(ctx: NetworkContext, share: string): Promise<void> {
  const state = await onShare(() => probeShare(ctx.io.fs, share));
  if (state === 'missing') throw new AppError('network.shareUnreachable', { reason: 'missing' });
  if (state === 'readOnly') throw new AppError('network.shareReadOnly');
}

/** A member may not found or join again; a revoked workstation may join anew (with a new device identity). */
async function refuseIfJoined(ctx: NetworkContext): Promise<'fresh' | 'revoked'> {
  const own = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
  if (!own) return 'fresh';
  const [self] = (await ctx.tx.query('SELECT status FROM sync_device WHERE device_id = ?', [own.deviceId])) as { status: string }[];
  if (self?.status !== 'revoked') throw new AppError('network.alreadyJoined');
  return 'revoked';
}

/** The device id to join under: the vault's own, or a new one when the old one was revoked in the network. */
async function joiningDeviceId(ctx: NetworkContext, state: 'fresh' | 'revoked'): Promise<string> {
  if (state === 'fresh') return readDeviceId(ctx.tx);
  for (const key of [SETTING_KEYS.syncSeq, SETTING_KEYS.syncHash, SETTING_KEYS.syncPending, SETTING_KEYS.networkEnrolled, SETTING_KEYS.networkPredecessors, SETTING_KEYS.syncCheckpointAuditId, SETTING_KEYS.syncCheckpointAt]) {
    await deleteSetting(ctx.tx, key);
  }
  await ctx.tx.query('DELETE FROM sync_outbox');
  return randomUUID();
}

function cardOf(own: { networkId: string; deviceId: string; office: Office; keys: DeviceKeys }, now: Date, enrollment: DeviceCard['enrollment']): DeviceCard {
  return {
    network: own.networkId,
    device: own.deviceId,
    office: own.office,
    signKey: b64(own.keys.signPublic),
    boxKey: b64(own.keys.boxPublic),
    createdAt: now.toISOString(),
    enrollment,
  };
}

/** Writes the device's card into its own folder on the share (never over an existing one). */
async function publishCard(ctx: NetworkContext, share: string, card: DeviceCard, keys: DeviceKeys): Promise<void> {
  const layout = shareLayout(share);
  const text = signRecord(CARD_RECORD, card, keys.signPrivate);
  await onShare(() => writeNewFile(ctx.io.fs, layout.deviceDir(card.device), 'card.json', Buffer.from(text, 'utf8'), { sleep: ctx.io.sleep }));
}

/** This workstation's own row in the device list, from the card it published. */
async function putSelf(ctx: NetworkContext, own: Omit<OwnDevice, 'office'>, card: DeviceCard, enrolledBy: string | null): Promise<void> {
  await putDevice(ctx.tx, {
    deviceId: own.deviceId,
    office: ctx.workstationOffice,
    signKey: card.signKey,
    boxKey: card.boxKey,
    fingerprint: deviceFingerprint(own.networkId, own.keys.signPublic, own.keys.boxPublic),
    status: 'self',
    enrolledBy,
    at: ctx.now.toISOString(),
  });
}

/** Founds the network on a share folder: this workstation becomes its first member and root of trust. */
export async function createNetwork(ctx: NetworkContext, share: string): Promise<NetworkStatus> {
  if ((await refuseIfJoined(ctx)) !== 'fresh') throw new AppError('network.alreadyJoined');
  await requireShare(ctx, share);
  const layout = shareLayout(share);
  if (await onShare(() => readShareFile(ctx.io.fs, layout.networkFile, MAX_CARD_BYTES))) throw new AppError('network.shareHoldsNetwork');
  const keys = newDeviceKeys();
  const own: Omit<OwnDevice, 'office'> = {
    deviceId: await readDeviceId(ctx.tx),
    networkId: randomUUID(),
    founder: '',
    networkFingerprint: '',
    share,
    keys,
  };
  own.founder = own.deviceId;
  own.networkFingerprint = networkFingerprint(own.networkId, keys.signPublic);
  const card = cardOf({ ...own, office: ctx.workstationOffice }, ctx.now, { kind: 'founder' });
  await publishCard(ctx, share, card, keys);
  const record = signRecord(NETWORK_RECORD, { network: own.networkId, founder: own.deviceId, founderSignKey: card.signKey, createdAt: card.createdAt }, keys.signPrivate);
  await onShare(() => writeNewFile(ctx.io.fs, layout.root, 'network.json', Buffer.from(record, 'utf8'), { sleep: ctx.io.sleep }));
  await saveOwnDevice(ctx.tx, own);
  await putSelf(ctx, own, card, null);
  ctx.audit.entityIds.push(own.networkId);
  ctx.audit.fields.push('network.create');
  return networkStatus(ctx);
}

/** Issues a single-use invitation for a workstation of `office`; the code is shown once and kept only as a key here. */
export async function inviteDevice(ctx: NetworkContext, office: Office): Promise<InvitationView> {
  const own = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
  if (!own) throw new AppError('network.notJoined');
  const [founder] = (await ctx.tx.query('SELECT * FROM sync_device WHERE device_id = ?', [own.founder])) as {
    device_id: string;
    office: Office;
    sign_key: string;
    box_key: string;
  }[];
  if (!founder) throw new AppError('network.notJoined');
  const id = randomUUID();
  const code = newInvitationCode();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS).toISOString();
  const invitation: Invitation = {
    network: own.networkId,
    networkFingerprint: own.networkFingerprint,
    founder: { device: founder.device_id, office: founder.office, signKey: founder.sign_key, boxKey: founder.box_key },
    inviter: own.deviceId,
    inviterSignKey: b64(own.keys.signPublic),
    id,
    office,
    expiresAt,
    verifier: codeVerifier(id, code),
  };
  await ctx.tx.query(
    'INSERT INTO sync_invitation (id, office, code_key, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    [id, office, b64(code), ctx.user.id, ctx.now.toISOString(), expiresAt],
  );
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push('network.invite');
  return {
    invitationId: id,
    office,
    expiresAt,
    code: formatCode(code),
    networkFingerprint: own.networkFingerprint,
    file: signRecord(INVITATION_RECORD, invitation, own.keys.signPrivate),
  };
}

/** Reads an invitation file; anything malformed or not signed by the key it names is invitationInvalid. */
export function readInvitation(text: string): Invitation {
  try {
    const record = readRecord(text, INVITATION_RECORD);
    const parsed = invitationSchema.safeParse(record.payload);
    if (!parsed.success) throw new AppError('network.invitationInvalid');
    if (!verifyRecord(record, INVITATION_RECORD, Buffer.from(parsed.data.inviterSignKey, 'base64'))) throw new AppError('network.invitationInvalid');
    if (networkFingerprint(parsed.data.network, Buffer.from(parsed.data.founder.signKey, 'base64')) !== parsed.data.networkFingerprint) {
      throw new AppError('network.invitationInvalid');
    }
    return parsed.data;
  } catch (error) {
    if (error instanceof WireError) throw new AppError('network.invitationInvalid');
    throw error;
  }
}

/**
 * Joins the network named by an invitation: checks the code, the office and the share's network record against the
 * invitation, then publishes this device's card with a proof of the code. The inviting workstation enrolls it at its
 * next round; until then the others list it as pending.
 */
export async function joinNetwork(ctx: NetworkContext, input: { share: string; invitation: string; code: string }): Promise<NetworkStatus> {
  const state = await refuseIfJoined(ctx);
  const invitation = readInvitation(input.invitation);
  const code = parseCode(input.code);
  if (codeVerifier(invitation.id, code) !== invitation.verifier) throw new AppError('network.codeWrong');
  if (Date.parse(invitation.expiresAt) <= ctx.now.getTime()) throw new AppError('network.invitationExpired');
  if (invitation.office !== ctx.workstationOffice) {
    throw new AppError('network.officeMismatch', { invited: invitation.office, office: ctx.workstationOffice });
  }
  await requireShare(ctx, input.share);
  const layout = shareLayout(input.share);
  const networkText = await onShare(() => readShareFile(ctx.io.fs, layout.networkFile, MAX_CARD_BYTES));
  if (!networkText) throw new AppError('network.shareHoldsOtherNetwork');
  try {
    const record = readRecord(networkText.toString('utf8'), NETWORK_RECORD);
    const parsed = networkRecordSchema.safeParse(record.payload);
    const founderKey = Buffer.from(invitation.founder.signKey, 'base64');
    if (!parsed.success || parsed.data.network !== invitation.network || parsed.data.founder !== invitation.founder.device || !verifyRecord(record, NETWORK_RECORD, founderKey)) {
      throw new AppError('network.shareHoldsOtherNetwork');
    }
  } catch (error) {
    if (error instanceof WireError) throw new AppError('network.shareHoldsOtherNetwork');
    throw error;
  }
  const keys = newDeviceKeys();
  const own: Omit<OwnDevice, 'office'> = {
    deviceId: await joiningDeviceId(ctx, state),
    networkId: invitation.network,
    founder: invitation.founder.device,
    networkFingerprint: invitation.networkFingerprint,
    share: input.share,
    keys,
  };
  const unsigned = cardOf({ ...own, office: ctx.workstationOffice }, ctx.now, { kind: 'founder' });
  const card: DeviceCard = {
    ...unsigned,
    enrollment: { kind: 'invitation', invitation: invitation.id, inviter: invitation.inviter, proof: joinProof(code, unsigned, invitation.id) },
  };
  await publishCard(ctx, input.share, card, keys);
  await saveOwnDevice(ctx.tx, own);
  const at = ctx.now.toISOString();
  await putSelf(ctx, own, card, invitation.inviter);
  const f = invitation.founder;
  await putDevice(ctx.tx, {
    deviceId: f.device,
    office: f.office,
    signKey: f.signKey,
    boxKey: f.boxKey,
    fingerprint: deviceFingerprint(own.networkId, Buffer.from(f.signKey, 'base64'), Buffer.from(f.boxKey, 'base64')),
    status: 'member',
    enrolledBy: null,
    at,
  });
  ctx.audit.entityIds.push(own.networkId);
  ctx.audit.fields.push('network.join');
  return networkStatus(ctx);
}
