import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, tempDir } from '../helpers/temp-vault';
import { kimAkte } from '../helpers/cli';

/** The admin CLI for the network, as IT runs it on two workstations sharing one folder: English, stable exit codes. */
describe('kim-akte network and sync commands', () => {
  const tmp = tempDir('kim-akte-netcli-');
  afterAll(() => tmp.cleanup());
  const share = join(tmp.dir, 'share');
  const lunen = join(tmp.dir, 'lunen');
  const werne = join(tmp.dir, 'werne');
  const invitationFile = join(tmp.dir, 'werne.kimnet');
  const as = (dataDir: string) => ['--data-dir', dataDir, '--user', 'it.admin'];
  let networkFingerprint = '';
  let code = '';

  it('creates the network and writes an invitation with its code', () => {
    mkdirSync(share);
    for (const [dir, office] of [[lunen, 'lunen'], [werne, 'werne']] as const) {
      expect(kimAkte(['init', '--data-dir', dir, '--office', office, '--admin-user', 'it.admin', '--admin-name', 'Jonas Meier'], ADMIN_PASSPHRASE).code).toBe(0);
    }
    const created = kimAkte(['network', 'create', ...as(lunen), '--share', share], ADMIN_PASSPHRASE);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    networkFingerprint = /^Network fingerprint: ([A-Z2-7-]{19})$/m.exec(created.stdout)![1]!;
    const invited = kimAkte(['network', 'invite', ...as(lunen), '--office', 'werne', '--out', invitationFile], ADMIN_PASSPHRASE);
    expect(invited.code).toBe(0);
    code = /^Invitation code: ([A-Z2-7]{4}(-[A-Z2-7]{4}){3})$/m.exec(invited.stdout)![1]!;
    expect(invited.stdout).toContain(`Network fingerprint: ${networkFingerprint}`);
    expect(existsSync(invitationFile)).toBe(true);
    // The file is never overwritten: a second invitation needs a new file name.
    expect(kimAkte(['network', 'invite', ...as(lunen), '--office', 'werne', '--out', invitationFile], ADMIN_PASSPHRASE).code).toBe(1);
  });

  it('refuses a wrong code with exit 10 and one English line; joins with the right one and shows the same fingerprint', () => {
    const wrong = kimAkte(['network', 'join', ...as(werne), '--share', share, '--invitation', invitationFile, '--code', 'AAAA-AAAA-AAAA-AAAA'], ADMIN_PASSPHRASE);
    expect(wrong.code).toBe(10);
    expect(wrong.stderr).toBe('Error: The invitation code is wrong; check it with the IT administrator who issued the invitation.\n');
    const joined = kimAkte(['network', 'join', ...as(werne), '--share', share, '--invitation', invitationFile, '--code', code], ADMIN_PASSPHRASE);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toContain(`Network fingerprint: ${networkFingerprint}`);
    expect(joined.stdout).toMatch(/^Device fingerprint: [A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/m);
  });

  it('sync --json prints the round counts; devices --json lists both workstations as members', () => {
    const first = kimAkte(['sync', ...as(lunen), '--json'], ADMIN_PASSPHRASE);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ sent: 1, received: 0, applied: 0, conflicts: 0, rejected: 0 });
    const second = kimAkte(['sync', ...as(werne), '--json'], ADMIN_PASSPHRASE);
    expect(JSON.parse(second.stdout)).toMatchObject({ received: 1, rejected: 0 });
    const devices = JSON.parse(kimAkte(['network', 'devices', ...as(werne), '--json'], ADMIN_PASSPHRASE).stdout) as { office: string; status: string }[];
    expect(devices.map((d) => `${d.office}:${d.status}`).sort()).toEqual(['lunen:member', 'werne:self']);
  });

  it('an unreachable share ends sync with exit 9 and says nothing was lost; revoke is announced with the next round', () => {
    renameSync(share, `${share}-away`);
    const offline = kimAkte(['sync', ...as(werne)], ADMIN_PASSPHRASE);
    expect(offline.code).toBe(9);
    expect(offline.stderr).toMatch(/^Error: The shared folder cannot be reached \(missing\)\. Working offline; nothing was lost/);
    renameSync(`${share}-away`, share);
    const devices = JSON.parse(kimAkte(['network', 'devices', ...as(lunen), '--json'], ADMIN_PASSPHRASE).stdout) as { deviceId: string; office: string }[];
    const werneId = devices.find((d) => d.office === 'werne')!.deviceId;
    const revoked = kimAkte(['network', 'revoke', ...as(lunen), '--device', werneId], ADMIN_PASSPHRASE);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    expect(kimAkte(['sync', ...as(lunen)], ADMIN_PASSPHRASE).code).toBe(0);
    const stopped = kimAkte(['sync', ...as(werne)], ADMIN_PASSPHRASE);
    expect(stopped.code).toBe(10);
    expect(stopped.stderr).toContain('was revoked from the network');
  });
});
