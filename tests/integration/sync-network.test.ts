import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/core/contract/methods';
import { call, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, statusOf, syncAll, workstation } from '../helpers/sync-network';

const logDir = (share: string, device: string) => join(share, 'kim-akte-sync', 'devices', device, 'log');
const errorCode = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/**
 * The network of trusted workstations on one real shared folder: founding, single-use invitations with a code and
 * fingerprints, enrollment by the inviting workstation, pending and forged devices, revocation.
 */
describe('network of trusted workstations', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('founds a network on a share; a second founding on the same share, or a second network for the same vault, is refused', async () => {
    tmp = tempDir('kim-akte-net-');
    const share = join(tmp.dir, 'share');
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    // The share does not exist yet: offline, nothing founded.
    expect(errorCode(await lunen.core.dispatch('network.create', { share }))).toBe('network.shareUnreachable');
    expect((await call(lunen.core, 'network.status')).joined).toBe(false);
    (await import('node:fs')).mkdirSync(share);
    const status = await call(lunen.core, 'network.create', { share });
    expect(status).toMatchObject({ joined: true, enrolled: true, office: 'lunen', share });
    expect(status.networkFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(status.deviceFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(existsSync(join(share, 'kim-akte-sync', 'network.json'))).toBe(true);
    expect(errorCode(await lunen.core.dispatch('network.create', { share }))).toBe('network.alreadyJoined');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    expect(errorCode(await werne.core.dispatch('network.create', { share }))).toBe('network.shareHoldsNetwork');
    // Nothing on the share names a person or a category: a founding writes ids, offices and public keys only.
    const card = readFileSync(join(share, 'kim-akte-sync', 'devices', status.deviceId, 'card.json'), 'utf8');
    expect(card).not.toMatch(/Schulte|IT lunen-1|admin/);
  });

  it('joins with a single-use invitation: the code, office, expiry and network are checked, the fingerprints match, the inviter enrolls', async () => {
    tmp = tempDir('kim-akte-net-');
    const share = join(tmp.dir, 'share');
    (await import('node:fs')).mkdirSync(share);
    let now = new Date('2026-11-30T09:00:00Z');
    const clock = () => now;
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen', { now: clock });
    const werne = await workstation(tmp.dir, 'werne-1', 'werne', { now: clock });
    const selm = await workstation(tmp.dir, 'selm-1', 'selm', { now: clock });
    const founded = await call(lunen.core, 'network.create', { share });

    const forWerne = await call(lunen.core, 'network.invite', { office: 'werne' });
    expect(forWerne.code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(forWerne.networkFingerprint).toBe(founded.networkFingerprint);
    // The invitation file holds no code: a wrong one is refused on the joining side, before anything is written.
    expect(forWerne.file).not.toContain(forWerne.code.replace(/-/g, ''));
    const wrongCode = forWerne.code.startsWith('A') ? `B${forWerne.code.slice(1)}` : `A${forWerne.code.slice(1)}`;
    expect(errorCode(await werne.core.dispatch('network.join', { share, invitation: forWerne.file, code: wrongCode }))).toBe('network.codeWrong');
    expect(errorCode(await selm.core.dispatch('network.join', { share, invitation: forWerne.file, code: forWerne.code }))).toBe('network.officeMismatch');
    const forged = forWerne.file.replace(/"body":"(.)/, (_m, c: string) => `"body":"${c === 'A' ? 'B' : 'A'}`);
    expect(errorCode(await werne.core.dispatch('network.join', { share, invitation: forged, code: forWerne.code }))).toBe('network.invitationInvalid');
    expect(errorCode(await werne.core.dispatch('network.join', { share, invitation: '{"nothing":1}', code: forWerne.code }))).toBe('network.invitationInvalid');
    const otherShare = join(tmp.dir, 'other-share');
    (await import('node:fs')).mkdirSync(otherShare);
    expect(errorCode(await werne.core.dispatch('network.join', { share: otherShare, invitation: forWerne.file, code: forWerne.code }))).toBe('network.shareHoldsOtherNetwork');

    const joined = await call(werne.core, 'network.join', { share, invitation: forWerne.file, code: forWerne.code.toLowerCase().replace(/-/g, ' ') });
    expect(joined).toMatchObject({ joined: true, enrolled: false, networkFingerprint: founded.networkFingerprint });
    // The inviter enrolls Werne at its next round, and shows the fingerprint Werne printed.
    await syncAll(lunen);
    const seenByLunen = (await call(lunen.core, 'network.devices')).find((d) => d.deviceId === joined.deviceId);
    expect(seenByLunen).toMatchObject({ status: 'member', office: 'werne', fingerprint: joined.deviceFingerprint, enrolledBy: founded.deviceId });

    // The invitation is used up: a second workstation with the same file and code is never enrolled.
    const werne2 = await workstation(tmp.dir, 'werne-2', 'werne', { now: clock });
    const late = await call(werne2.core, 'network.join', { share, invitation: forWerne.file, code: forWerne.code });
    await syncAll(lunen);
    expect(await statusOf(lunen, late.deviceId)).toBe('pending');
    // Selm joins through an invitation that expires before it is used.
    const forSelm = await call(lunen.core, 'network.invite', { office: 'selm' });
    now = new Date(now.getTime() + 73 * 3600_000);
    expect(errorCode(await selm.core.dispatch('network.join', { share, invitation: forSelm.file, code: forSelm.code }))).toBe('network.invitationExpired');
    const forSelm2 = await call(lunen.core, 'network.invite', { office: 'selm' });
    const selmJoined = await call(selm.core, 'network.join', { share, invitation: forSelm2.file, code: forSelm2.code });

    // Selm, once in the network, learns Werne from Lünen's enrollment; the inviter enrolled Selm at its round.
    await syncAll(selm, lunen, selm, werne);
    expect(await statusOf(selm, joined.deviceId)).toBe('member');
    expect(await statusOf(werne, selmJoined.deviceId)).toBe('member');
    expect((await call(werne.core, 'network.status')).enrolled).toBe(true);
    expect(await statusOf(selm, late.deviceId)).toBe('pending');
  });

  it('ignores a device that nobody enrolled or whose card is forged, and never reads its files', async () => {
    tmp = tempDir('kim-akte-net-');
    const share = join(tmp.dir, 'share');
    (await import('node:fs')).mkdirSync(share);
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    const intruder = await workstation(tmp.dir, 'intruder', 'werne');
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    // The intruder joins with an invitation of its own making: self-consistent, but no member issued it.
    const fake = await workstation(tmp.dir, 'fake-net', 'werne');
    const fakeShare = join(tmp.dir, 'fake-share');
    (await import('node:fs')).mkdirSync(fakeShare);
    await call(fake.core, 'network.create', { share: fakeShare });
    const fakeInvite = await call(fake.core, 'network.invite', { office: 'werne' });
    expect(errorCode(await intruder.core.dispatch('network.join', { share, invitation: fakeInvite.file, code: fakeInvite.code }))).toBe('network.shareHoldsOtherNetwork');
    // So it copies a member's card folder under its own name, with its keys: the signature no longer matches.
    const lunenId = (await call(lunen.core, 'network.status')).deviceId;
    const werneId = (await call(werne.core, 'network.status')).deviceId;
    await syncAll(lunen, werne, lunen, werne, lunen);
    const forgedId = '0badc0de-0000-4000-8000-000000000001';
    const forgedDir = join(share, 'kim-akte-sync', 'devices', forgedId);
    (await import('node:fs')).cpSync(join(share, 'kim-akte-sync', 'devices', werneId), forgedDir, { recursive: true });
    const r = await call(lunen.core, 'sync.run');
    expect(r.received).toBe(0);
    expect(await statusOf(lunen, forgedId)).toBeUndefined();
    expect((await call(lunen.core, 'network.devices')).map((d) => d.deviceId).sort()).toEqual([lunenId, werneId].sort());
  });

  it('revokes a workstation: every member honours the signed revocation from its next round, and the revoked one stops', async () => {
    tmp = tempDir('kim-akte-net-');
    const share = join(tmp.dir, 'share');
    (await import('node:fs')).mkdirSync(share);
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    const selm = await workstation(tmp.dir, 'selm-1', 'selm');
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await inviteAndJoin(lunen, selm, share);
    await syncAll(lunen, werne, selm, lunen, werne, selm);
    const werneId = (await call(werne.core, 'network.status')).deviceId;
    const lunenId = (await call(lunen.core, 'network.status')).deviceId;
    expect(errorCode(await lunen.core.dispatch('network.revoke', { deviceId: lunenId }))).toBe('network.revokeSelf');
    expect(errorCode(await lunen.core.dispatch('network.revoke', { deviceId: '00000000-0000-4000-8000-000000000009' }))).toBe('network.deviceUnknown');
    const seq = readdirSync(logDir(share, werneId)).length;
    const list = await call(lunen.core, 'network.revoke', { deviceId: werneId });
    expect(list.find((d) => d.deviceId === werneId)).toMatchObject({ status: 'revoked' });
    await syncAll(lunen, selm);
    expect(await statusOf(selm, werneId)).toBe('revoked');
    // The revoked workstation learns it at its next round and stops; files it wrote after the cut are not read.
    const r = await werne.core.dispatch('sync.run', {});
    expect(errorCode(r)).toBe('network.deviceRevoked');
    expect(readdirSync(logDir(share, werneId)).length).toBe(seq);
    // IT may let it in again, with a new invitation: it joins under a new device id, the old one stays revoked.
    expect(errorCode(await werne.core.dispatch('network.create', { share }))).toBe('network.alreadyJoined');
    await inviteAndJoin(lunen, werne, share);
    const rejoined = await call(werne.core, 'network.status');
    expect(rejoined.deviceId).not.toBe(werneId);
    await syncAll(lunen, selm, werne);
    expect(await statusOf(selm, rejoined.deviceId)).toBe('member');
    expect(await statusOf(selm, werneId)).toBe('revoked');
    expect((await call(werne.core, 'network.status')).enrolled).toBe(true);
  });
});
