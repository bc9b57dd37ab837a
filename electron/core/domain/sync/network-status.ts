import type { NetworkStatus, SyncProgress, SyncRoundSummary } from '../../contract/types/network-types';
import { readSetting, SETTING_KEYS } from '../../platform/settings/settings-store';
import type { NetworkContext } from './sync-context';
import { loadOwnDevice, readDeviceId } from './own-device';
import { deviceFingerprint } from './network-records';
import { SYNC_ENTITIES } from './sync-registry';

/** What the frame and the IT view show about the network: membership, the last round, what needs IT's attention. */
export async function networkStatus(ctx: Pick<NetworkContext, 'tx' | 'workstationOffice'>, progress: SyncProgress | null = null): Promise<NetworkStatus> {
  const { tx } = ctx;
  const own = await loadOwnDevice(tx, ctx.workstationOffice);
  const lastRoundText = await readSetting(tx, SETTING_KEYS.syncLastRound);
  let lastRound: SyncRoundSummary | null = null;
  try {
    lastRound = lastRoundText ? (JSON.parse(lastRoundText) as SyncRoundSummary) : null;
  } catch {
    lastRound = null;
  }
  const [{ quarantined }] = (await tx.query('SELECT COUNT(*) AS quarantined FROM sync_quarantine')) as [{ quarantined: number }];
  const [{ frozen }] = (await tx.query(`SELECT COUNT(*) AS frozen FROM sync_device WHERE status = 'frozen'`)) as [{ frozen: number }];
  const [self] = (await tx.query(`SELECT enrolled_by FROM sync_device WHERE status = 'self'`)) as { enrolled_by: string | null }[];
  const [{ behind }] = (await tx.query(`SELECT MIN(sent_upto) AS behind FROM sync_device WHERE status = 'member'`)) as [{ behind: number | null }];
  const [{ waiting }] = (behind === null
    ? [{ waiting: 0 }]
    : await tx.query(`SELECT COUNT(*) AS waiting FROM change_entry WHERE id > ? AND entity IN (${SYNC_ENTITIES.map(() => '?').join(',')})`, [
        behind,
        ...SYNC_ENTITIES.map((e) => e.entity),
      ])) as [{ waiting: number }];
  const [{ conflicts }] = (await tx.query('SELECT COUNT(*) AS conflicts FROM sync_conflict WHERE resolved_at IS NULL AND client_id IS NOT NULL')) as [{ conflicts: number }];
  return {
    joined: own !== null,
    enrolled: own !== null && (self?.enrolled_by === null || (await readSetting(tx, SETTING_KEYS.networkEnrolled)) === '1'),
    office: ctx.workstationOffice,
    deviceId: own?.deviceId ?? (await readDeviceId(tx)),
    networkFingerprint: own?.networkFingerprint ?? null,
    deviceFingerprint: own ? deviceFingerprint(own.networkId, own.keys.signPublic, own.keys.boxPublic) : null,
    share: own?.share ?? null,
    lastRound,
    lastSuccessAt: await readSetting(tx, SETTING_KEYS.syncLastSuccess),
    quarantined: Number(quarantined),
    alerts: Number(frozen),
    waitingChanges: Number(waiting),
    waitingForKey: (await readSetting(tx, SETTING_KEYS.syncWaitingForKey)) === '1',
    openConflicts: Number(conflicts),
    progress,
  };
}
