import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { NetworkDevice } from '../../api/core';
import { errorText } from '../../api/error-text';
import { formatDate } from '../../format/date';
import { DashboardCard } from '../DashboardCard';
import { FormAlert } from '../FormAlert';
import { FormDialog } from '../FormDialog';
import { useTableStyles } from '../table-styles';
import { dateTimeText, shortDeviceId } from './network-format';
import { useNetworkStyles } from './network-styles';

const useStyles = makeStyles({
  tableWrap: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  self: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: 'nowrap' },
  wrapTh: { whiteSpace: 'normal' },
  hint: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
});

/** Revoking makes sense for every other device that is still trusted or waits (not this one, not twice). */
function revocable(d: NetworkDevice): boolean {
  return d.status !== 'self' && d.status !== 'revoked';
}

/**
 * "Arbeitsplätze im Netz": every device this workstation knows, with its fingerprint to compare, status, who
 * enrolled it and how far this workstation has read it; other members can be revoked after a confirmation.
 */
export function DevicesCard({
  devices,
  error,
  onRevoked,
}: {
  devices: NetworkDevice[] | null;
  error: unknown;
  onRevoked: (devices: NetworkDevice[], message: string) => void;
}) {
  const styles = useStyles();
  const network = useNetworkStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<NetworkDevice | null>(null);
  const buttons = useRef<Record<string, HTMLElement | null>>({});
  const tableRegion = useRef<HTMLDivElement>(null);

  // Headers may wrap: eight columns fit the page's width without scrolling sideways.
  const th = mergeClasses(table.th, styles.wrapTh);
  const byId = new Map((devices ?? []).map((d) => [d.deviceId, d]));
  const deviceName = (id: string) => {
    const d = byId.get(id);
    return d ? t('networkAdmin.devices.device', { office: t(`offices.${d.office}`), id: shortDeviceId(id) }) : shortDeviceId(id);
  };

  const closeRevoke = (updated: NetworkDevice[] | null) => {
    const device = revoking;
    setRevoking(null);
    if (device && updated) {
      onRevoked(updated, t('networkAdmin.revoke.done', { id: shortDeviceId(device.deviceId), office: t(`offices.${device.office}`) }));
      // The row's button is gone after revoking: focus goes to the table.
      window.setTimeout(() => tableRegion.current?.focus(), 0);
    } else if (device) window.setTimeout(() => buttons.current[device.deviceId]?.focus(), 0);
  };

  return (
    <DashboardCard id="network-devices" title={t('networkAdmin.devices.title')}>
      <FormAlert message={error ? errorText(t, error) : null} />
      {devices && devices.length === 0 ? <p className={table.empty}>{t('networkAdmin.devices.empty')}</p> : null}
      {devices && devices.length > 0 ? (
        // Focusable: the table may scroll sideways, and there may be no button in it to reach it by keyboard.
        <div className={styles.tableWrap} ref={tableRegion} tabIndex={0} aria-labelledby="network-devices-title" role="group">
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col" className={th}>{t('networkAdmin.devices.workstation')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.fingerprint')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.status')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.enrolledBy')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.lastSync')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.filesRead')}</th>
                <th scope="col" className={th}>{t('networkAdmin.devices.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.deviceId} className={d.status === 'revoked' ? styles.muted : undefined} data-testid={`device-${d.deviceId}`}>
                  <td className={table.td}>
                    {t(`offices.${d.office}`)}
                    <span className={mergeClasses(styles.hint, styles.nowrap)}>
                      {t('networkAdmin.devices.deviceId')} <code className={network.mono}>{shortDeviceId(d.deviceId)}</code>
                    </span>
                  </td>
                  <td className={mergeClasses(table.td, styles.nowrap)}>
                    <code className={network.mono}>{d.fingerprint}</code>
                  </td>
                  <td className={table.td}>
                    <span className={d.status === 'self' ? styles.self : d.status === 'frozen' || d.status === 'pending' ? styles.warning : undefined}>
                      {t(`networkAdmin.devices.statuses.${d.status}`)}
                    </span>
                    {d.status === 'revoked' && d.revokedAt ? <span className={styles.hint}>{t('networkAdmin.devices.revokedOn', { date: formatDate(d.revokedAt) })}</span> : null}
                    {d.status === 'frozen' ? <span className={styles.hint}>{t('networkAdmin.devices.frozenHint')}</span> : null}
                  </td>
                  <td className={table.td}>{d.enrolledBy ? deviceName(d.enrolledBy) : t('networkAdmin.devices.founder')}</td>
                  <td className={table.td}>{d.lastSyncAt ? dateTimeText(t, d.lastSyncAt) : t('networkAdmin.never')}</td>
                  <td className={table.td}>{d.filesRead}</td>
                  <td className={table.td}>
                    {revocable(d) ? (
                      <Button
                        size="small"
                        ref={(el) => void (buttons.current[d.deviceId] = el)}
                        onClick={() => setRevoking(d)}
                        aria-label={t('networkAdmin.devices.revokeLabel', { id: shortDeviceId(d.deviceId), office: t(`offices.${d.office}`) })}
                      >
                        {t('networkAdmin.devices.revoke')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {revoking ? <RevokeDeviceDialog device={revoking} onClose={closeRevoke} /> : null}
    </DashboardCard>
  );
}

/** Asks before revoking: what it means for the device and the network, and that it is final. */
function RevokeDeviceDialog({ device, onClose }: { device: NetworkDevice; onClose: (updated: NetworkDevice[] | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const params = { id: shortDeviceId(device.deviceId), office: t(`offices.${device.office}`) };

  const revoke = async () => {
    setAlert(null);
    setBusy(true);
    try {
      const updated = await call('network.revoke', { deviceId: device.deviceId });
      setBusy(false);
      onClose(updated);
    } catch (e) {
      setBusy(false);
      setAlert(errorText(t, e));
    }
  };

  return (
    <FormDialog
      modalType="alert"
      title={t('networkAdmin.revoke.title', params)}
      intro={
        <div className={styles.intro}>
          <p className={styles.text}>{t('networkAdmin.revoke.intro', params)}</p>
          <p className={styles.text}>{t('networkAdmin.revoke.when')}</p>
        </div>
      }
      alert={alert}
      busy={busy}
      busyLabel={t('networkAdmin.revoke.working')}
      submitLabel={t('networkAdmin.revoke.submit')}
      onSubmit={revoke}
      onCancel={() => onClose(null)}
    >
      {null}
    </FormDialog>
  );
}
