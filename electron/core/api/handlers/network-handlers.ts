import * as fsPromises from 'node:fs/promises';
import type { CallBasics, ReleasedContext, SessionContext } from '../call-context';
import { runSessionCall } from '../call-context';
import type { NetworkContext, SyncIo } from '../../domain/sync/sync-context';
import { createNetwork, inviteDevice, joinNetwork } from '../../domain/sync/network-setup';
import { networkDevices, revokeNetworkDevice } from '../../domain/sync/network-admin';
import { networkStatus } from '../../domain/sync/network-status';
import { runSyncRound } from '../../domain/sync/sync-round';
import { listConflicts, resolveConflict } from '../../domain/sync/conflicts';
import type { SyncStep } from '../../domain/sync/sync-step';
import { readDeviceId } from '../../domain/sync/own-device';
import type { HandlerMap } from './handler-types';
import { AppError } from '../../contract/errors';

const NODE_IO: SyncIo = { fs: fsPromises };

function ioOf(basics: CallBasics): SyncIo {
  return basics.syncIo ?? NODE_IO;
}

/** A session call's context as the network services see it: plus the workstation's office and the share's fs. */
export function networkContext(ctx: SessionContext): NetworkContext {
  return Object.assign(ctx, { workstationOffice: ctx.session.vault.keyring.office, io: ioOf(ctx) });
}

/** The sync round's chunks: each queued like a call, in its own transaction on the session's vault. */
function stepsOf(ctx: ReleasedContext): SyncStep {
  const basics: CallBasics = { location: ctx.location, appVersion: ctx.appVersion, now: ctx.clock(), clock: ctx.clock, machinePolicy: ctx.machinePolicy, policySources: ctx.policySources, policyOrigin: ctx.policyOrigin, syncIo: ctx.syncIo };
  return (fn) => ctx.enqueue((session) => runSessionCall(session, { ...basics, now: ctx.clock() }, (c) => fn(networkContext(c))));
}

/** Folder names compared as IT and users write them: trailing separators ignored, Windows paths case-insensitive. */
function sameFolder(a: string, b: string): boolean {
  const norm = (p: string) => {
    const t = p.trim().replace(/[\\/]+$/, '');
    return /^([A-Za-z]:|\\\\)/.test(t) ? t.replace(/\//g, '\\').toLowerCase() : t;
  };
  return norm(a) === norm(b);
}

/** When the machine policy fixes the shared folder (sync.shareFolder), a network is created or joined only there. */
function assertPolicyShare(ctx: CallBasics, share: string): void {
  const fixed = ctx.machinePolicy.sync.shareFolder;
  if (fixed && !sameFolder(fixed, share)) throw new AppError('policy.shareFixed');
}

type NetworkMethod =
  | 'network.status'
  | 'network.create'
  | 'network.invite'
  | 'network.join'
  | 'network.devices'
  | 'network.revoke'
  | 'sync.run'
  | 'conflicts.list'
  | 'conflicts.resolve';

export const networkHandlers: HandlerMap<NetworkMethod> = {
  'network.status': (_i, ctx) => networkStatus(networkContext(ctx), ctx.session.syncProgress ?? null),
  'network.create': (i, ctx) => {
    assertPolicyShare(ctx, i.share);
    return createNetwork(networkContext(ctx), i.share);
  },
  'network.invite': (i, ctx) => inviteDevice(networkContext(ctx), i.office),
  'network.join': async (i, ctx) => {
    assertPolicyShare(ctx, i.share);
    const status = await joinNetwork(networkContext(ctx), i);
    // A workstation that rejoins after a revocation does so under a new device id: record changes under it.
    ctx.session.deviceId = status.deviceId;
    return status;
  },
  'network.devices': (_i, ctx) => networkDevices(networkContext(ctx)),
  'network.revoke': (i, ctx) => revokeNetworkDevice(networkContext(ctx), i.deviceId),
  'sync.run': async (_i, ctx) => {
    const step = stepsOf(ctx);
    const session = ctx.session;
    try {
      return await runSyncRound(step, { onProgress: (p) => (session.syncProgress = p) });
    } finally {
      session.syncProgress = null;
      // A fork gives this workstation a new device id: changes from now on are recorded under it.
      await step(async (c) => {
        ctx.session.deviceId = await readDeviceId(c.tx);
      }).catch(() => undefined);
    }
  },
  'conflicts.list': (i, ctx) => listConflicts(ctx, i.clientId),
  'conflicts.resolve': (i, ctx) => resolveConflict(ctx, i),
};
