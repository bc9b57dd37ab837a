import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { NetworkStatus, SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { DevicesCard } from '../components/network/DevicesCard';
import { InviteCard } from '../components/network/InviteCard';
import { announceNetworkChanged } from '../components/network/network-format';
import { CreateNetworkCard, JoinNetworkCard } from '../components/network/NetworkSetupCards';
import { NetworkStatusCard } from '../components/network/NetworkStatusCard';
import { PageHeader } from '../components/PageHeader';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
});

/**
 * "Netzwerk" for IT administrators: this workstation's place in the network of trusted workstations. Outside a
 * network: create one on the share folder, or join with an invitation. Inside: invite further workstations, see
 * and revoke the devices, and sync now.
 */
export function NetworkPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useLoad(() => call('network.status', {}), []);
  const joined = status.data?.joined ?? false;
  const devices = useLoad(() => (joined ? call('network.devices', {}) : Promise.resolve([])), [joined]);
  const [notice, setNotice] = useState<string | null>(null);
  const syncButton = useRef<HTMLButtonElement>(null);
  // After creating or joining, the forms are gone: focus moves to the next step, syncing.
  const focusSync = useRef(false);
  useEffect(() => {
    if (focusSync.current && joined) {
      focusSync.current = false;
      syncButton.current?.focus();
    }
  }, [joined]);

  const refresh = () => {
    status.reload();
    devices.reload();
    announceNetworkChanged();
  };
  const entered = (next: NetworkStatus, key: 'networkAdmin.create.done' | 'networkAdmin.join.done') => {
    status.set(next);
    setNotice(t(key, { fingerprint: next.networkFingerprint }));
    focusSync.current = true;
    announceNetworkChanged();
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('networkAdmin.title')} lead={t('networkAdmin.lead')} />
      {/* One block for both live regions, so the empty ones add no gap. */}
      <div>
        <StatusNotice message={notice} />
        <FormAlert message={status.error ? errorText(t, status.error) : null} />
      </div>
      {status.data ? (
        <>
          <NetworkStatusCard ref={syncButton} status={status.data} onSynced={refresh} />
          {status.data.joined ? (
            <>
              {/* Only an enrolled member vouches for new workstations. */}
              {status.data.enrolled ? <InviteCard ownOffice={user.office} onInvited={setNotice} /> : null}
              <DevicesCard
                devices={devices.data}
                error={devices.error}
                onRevoked={(list, message) => {
                  devices.set(list);
                  setNotice(message);
                  status.reload();
                  announceNetworkChanged();
                }}
              />
            </>
          ) : (
            <div className={styles.grid}>
              <CreateNetworkCard onCreated={(s) => entered(s, 'networkAdmin.create.done')} />
              <JoinNetworkCard onJoined={(s) => entered(s, 'networkAdmin.join.done')} />
            </div>
          )}
        </>
      ) : status.loading ? (
        <Spinner label={t('app.loading')} />
      ) : null}
    </div>
  );
}
