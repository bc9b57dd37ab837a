import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { INVITATION_MAX_CHARS } from '../../core/contract/schemas/network-schemas';
import type { NetworkDevice } from '../../core/contract/types/network-types';
import { callCore, EXIT, unlockForCommand } from '../core-call';
import { CliError } from '../passphrase-input';

/** Unlocks the vault as `user`, runs `fn` against the core, and always locks again. */
async function withCore(opts: { dataDir: string; user: string }, fn: (core: CoreDispatcher) => Promise<void>): Promise<void> {
  const core = new CoreDispatcher({ dataDir: resolve(opts.dataDir), appVersion: APP_VERSION });
  try {
    await unlockForCommand(core, opts.user);
    await fn(core);
  } finally {
    await core.close();
  }
}

/** network create: founds the network on the share; prints the fingerprint every member will show. */
export async function networkCreateCommand(opts: { dataDir: string; user: string; share: string }, out: (line: string) => void): Promise<void> {
  await withCore(opts, async (core) => {
    const status = await callCore(core, 'network.create', { share: resolve(opts.share) });
    out(`Network fingerprint: ${status.networkFingerprint}`);
    out(`Device fingerprint: ${status.deviceFingerprint}`);
    out(`Device id: ${status.deviceId}`);
  });
}

/** network invite: writes a single-use invitation file and prints its code (shown once). */
export async function networkInviteCommand(opts: { dataDir: string; user: string; office: string; out: string }, out: (line: string) => void): Promise<void> {
  await withCore(opts, async (core) => {
    const invitation = await callCore(core, 'network.invite', { office: opts.office });
    try {
      writeFileSync(resolve(opts.out), invitation.file, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unknown';
      throw new CliError(`Cannot write the invitation file (${code}); it must not exist yet. The invitation was not handed out.`, EXIT.failure);
    }
    out(`Invitation code: ${invitation.code}`);
    out(`Office: ${invitation.office}`);
    out(`Expires: ${invitation.expiresAt}`);
    out(`Network fingerprint: ${invitation.networkFingerprint}`);
  });
}

/** network join: joins with an invitation file and its code; prints the fingerprints to compare with IT. */
export async function networkJoinCommand(
  opts: { dataDir: string; user: string; share: string; invitation: string; code: string },
  out: (line: string) => void,
): Promise<void> {
  let invitation: string;
  try {
    invitation = readFileSync(resolve(opts.invitation), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the invitation file (${(error as { code?: string }).code ?? 'unknown'}).`, EXIT.usage);
  }
  if (invitation.length > INVITATION_MAX_CHARS) throw new CliError('The invitation file is too large to be a KIM-Akte invitation.', EXIT.networkRefused);
  await withCore(opts, async (core) => {
    const status = await callCore(core, 'network.join', { share: resolve(opts.share), invitation, code: opts.code });
    out(`Network fingerprint: ${status.networkFingerprint}`);
    out(`Device fingerprint: ${status.deviceFingerprint}`);
    out(`Device id: ${status.deviceId}`);
    out('Compare both fingerprints with the inviting workstation; it enrolls this one at its next sync.');
  });
}

function deviceLine(d: NetworkDevice): string {
  const last = d.lastSyncAt ?? 'never';
  const extra = d.status === 'frozen' ? `  FROZEN: ${d.frozenReason ?? ''}` : d.status === 'revoked' ? `  revoked ${d.revokedAt ?? ''}` : '';
  return `${d.deviceId}  ${d.office.padEnd(9)}  ${d.status.padEnd(7)}  ${d.fingerprint}  last sync ${last}  files ${d.filesRead}${extra}`;
}

/** network devices: the members as this workstation knows them. */
export async function networkDevicesCommand(opts: { dataDir: string; user: string; json?: boolean }, out: (line: string) => void): Promise<void> {
  await withCore(opts, async (core) => {
    const devices = await callCore(core, 'network.devices', {});
    if (opts.json) out(JSON.stringify(devices, null, 2));
    else for (const d of devices) out(deviceLine(d));
  });
}

/** network revoke: revokes a device; every member honours it from its next sync on. */
export async function networkRevokeCommand(opts: { dataDir: string; user: string; device: string }, out: (line: string) => void): Promise<void> {
  await withCore(opts, async (core) => {
    const devices = await callCore(core, 'network.revoke', { deviceId: opts.device });
    const d = devices.find((x) => x.deviceId === opts.device);
    out(`Device ${opts.device} revoked${d?.revokedAt ? ` at ${d.revokedAt}` : ''}; the revocation goes out with the next sync.`);
  });
}

/** sync: one full round; with --json the counts as an object. Exit 9 when the share is offline. */
export async function syncCommand(opts: { dataDir: string; user: string; json?: boolean }, out: (line: string) => void): Promise<void> {
  await withCore(opts, async (core) => {
    const r = await callCore(core, 'sync.run', {});
    if (opts.json) out(JSON.stringify({ sent: r.sent, received: r.received, applied: r.applied, conflicts: r.conflicts, rejected: r.rejected }));
    else out(`Sync round done: ${r.sent} file(s) sent, ${r.received} received, ${r.applied} change(s) applied, ${r.conflicts} conflict(s), ${r.rejected} file(s) rejected.`);
  });
}
