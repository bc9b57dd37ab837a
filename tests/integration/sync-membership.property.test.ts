import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, closeCores, openCores, tempDir } from '../helpers/temp-vault';
import { workstation, type Workstation } from '../helpers/sync-network';

/**
 * Membership converges whatever order the workstations run their rounds in: four workstations join, the founder
 * revokes one of them at a random moment, rounds run in a random order; once everyone has synced a few more times,
 * every workstation still in the network sees the same members and the same revocation.
 */
describe('membership of the network', () => {
  it('converges to the same view on every workstation for any order of rounds and revocation (10 schedules)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 14 }), fc.nat(14), async (schedule, revokeAt) => {
        const tmp = tempDir(`kim-akte-members-${run++}-`, true);
        try {
          const share = join(tmp.dir, 'share');
          mkdirSync(share);
          const names = ['lunen', 'werne', 'selm', 'abh-lunen'] as const;
          const ws: Workstation[] = [];
          for (const office of names) ws.push(await workstation(tmp.dir, office, office));
          const [founder] = ws;
          await call(founder!.core, 'network.create', { share });
          for (const w of ws.slice(1)) {
            const office = (await call(w.core, 'network.status')).office;
            const invitation = await call(founder!.core, 'network.invite', { office });
            await call(w.core, 'network.join', { share, invitation: invitation.file, code: invitation.code });
          }
          const ids = await Promise.all(ws.map(async (w) => (await call(w.core, 'network.status')).deviceId));
          const round = async (i: number) => {
            const r = await ws[i]!.core.dispatch('sync.run', {});
            if (!r.ok && r.error.code !== 'network.deviceRevoked') throw new Error(`round failed: ${r.error.code}`);
          };
          // IT revokes Selm as soon as the founder knows it (at or after the drawn step).
          let revoked = false;
          const tryRevoke = async () => {
            const r = await founder!.core.dispatch('network.revoke', { deviceId: ids[2]! });
            if (r.ok) revoked = true;
            else expect(r.error.code).toBe('network.deviceUnknown');
          };
          for (let step = 0; step <= schedule.length; step++) {
            if (!revoked && step >= Math.min(revokeAt, schedule.length)) await tryRevoke();
            if (step < schedule.length) await round(schedule[step]!);
          }
          if (!revoked) {
            await round(0);
            await tryRevoke();
          }
          expect(revoked).toBe(true);
          for (let pass = 0; pass < 3; pass++) for (let i = 0; i < ws.length; i++) await round(i);
          const views = await Promise.all(
            [0, 1, 3].map(async (i) => {
              const devices = await call(ws[i]!.core, 'network.devices');
              return Object.fromEntries(devices.filter((d) => ids.includes(d.deviceId)).map((d) => [d.deviceId, d.status === 'self' ? 'member' : d.status]));
            }),
          );
          const expected = { [ids[0]!]: 'member', [ids[1]!]: 'member', [ids[2]!]: 'revoked', [ids[3]!]: 'member' };
          for (const view of views) expect(view).toEqual(expected);
        } finally {
          await closeCores(openCores.inTest);
          tmp.cleanup();
        }
      }),
      { numRuns: 10 },
    );
  }, 600_000);
});
