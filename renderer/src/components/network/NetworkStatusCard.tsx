import { Button, Spinner } from '@fluentui/react-components';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../../api/client';
import type { NetworkStatus, SyncRoundResult } from '../../api/core';
import { errorText } from '../../api/error-text';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import { dateTimeText, roundErrorText } from './network-format';
import { useNetworkStyles } from './network-styles';

function countsText(t: TFunction, r: SyncRoundResult): string {
  return t('networkAdmin.status.roundCounts', { sent: r.sent, received: r.received, applied: r.applied, conflicts: r.conflicts, rejected: r.rejected });
}

/**
 * "Dieser Arbeitsplatz": membership, the fingerprints IT compares, the share, the last round and what needs IT's
 * attention; for a member, "Jetzt abgleichen" runs a round and shows its counts or why it failed.
 */
export const NetworkStatusCard = forwardRef<HTMLButtonElement, { status: NetworkStatus; onSynced: () => void }>(function NetworkStatusCard(
  { status, onSynced },
  syncButtonRef,
) {
  const styles = useNetworkStyles();
  const { t } = useTranslation();
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<SyncRoundResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const syncNow = async () => {
    if (syncing) return;
    setSyncing(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await call('sync.run', {}));
    } catch (e) {
      setFailure(errorText(t, e));
    } finally {
      setSyncing(false);
      onSynced();
    }
  };

  const membership = !status.joined ? 'none' : status.enrolled ? 'member' : 'pending';
  const round = status.lastRound;
  const roundProblem = round && round.outcome !== 'ok' ? roundErrorText(t, round.code) : null;

  return (
    <DashboardCard id="network-status" title={t('networkAdmin.status.title')}>
      {status.alerts > 0 ? <StatusNotice intent="warning" title={t('networkAdmin.status.alertsTitle')} message={t('networkAdmin.status.alerts', { count: status.alerts })} /> : null}
      {status.joined && !status.enrolled ? <StatusNotice intent="info" title={t('networkAdmin.status.pendingTitle')} message={t('networkAdmin.status.pending')} /> : null}
      {!status.joined ? <p className={styles.text}>{t('networkAdmin.status.notJoined')}</p> : null}
      <dl className={styles.facts} data-testid="network-facts">
        <dt className={styles.term}>{t('networkAdmin.status.membership')}</dt>
        <dd className={styles.value}>{t(`networkAdmin.status.memberships.${membership}`)}</dd>
        <dt className={styles.term}>{t('networkAdmin.status.office')}</dt>
        <dd className={styles.value}>{t(`offices.${status.office}`)}</dd>
        <dt className={styles.term}>{t('networkAdmin.status.deviceId')}</dt>
        <dd className={styles.value}>
          <code className={styles.mono}>{status.deviceId}</code>
        </dd>
        {status.joined ? (
          <>
            <dt className={styles.term}>{t('networkAdmin.status.networkFingerprint')}</dt>
            <dd className={styles.value}>
              <code className={styles.mono} data-testid="network-fingerprint">
                {status.networkFingerprint}
              </code>
            </dd>
            <dt className={styles.term}>{t('networkAdmin.status.deviceFingerprint')}</dt>
            <dd className={styles.value}>
              <code className={styles.mono} data-testid="device-fingerprint">
                {status.deviceFingerprint}
              </code>
            </dd>
            <dt className={styles.term}>{t('networkAdmin.share')}</dt>
            <dd className={styles.value}>
              <code className={styles.mono}>{status.share}</code>
            </dd>
            <dt className={styles.term}>{t('networkAdmin.status.lastRound')}</dt>
            <dd className={styles.value} data-testid="last-round">
              {round ? (
                <>
                  {t('networkAdmin.status.roundLine', { at: dateTimeText(t, round.at), outcome: t(`networkAdmin.status.outcomes.${round.outcome}`) })}
                  <span className={styles.detail}>{roundProblem ?? countsText(t, round)}</span>
                </>
              ) : (
                t('networkAdmin.never')
              )}
            </dd>
            <dt className={styles.term}>{t('networkAdmin.status.lastSuccess')}</dt>
            <dd className={styles.value}>{status.lastSuccessAt ? dateTimeText(t, status.lastSuccessAt) : t('networkAdmin.never')}</dd>
            <dt className={styles.term}>{t('networkAdmin.status.quarantined')}</dt>
            <dd className={styles.value}>
              {status.quarantined > 0 ? status.quarantined : t('networkAdmin.none')}
              {status.quarantined > 0 ? <span className={styles.detail}>{t('networkAdmin.status.quarantinedHint', { count: status.quarantined })}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {status.joined ? (
        <>
          <div className={styles.cardActions}>
            <Button ref={syncButtonRef} appearance="primary" onClick={() => void syncNow()} disabledFocusable={syncing}>
              {t('networkAdmin.sync.run')}
            </Button>
            {syncing ? <Spinner size="tiny" label={t('networkAdmin.sync.running')} /> : null}
          </div>
          <div>
            <StatusNotice title={result ? t('networkAdmin.sync.doneTitle') : undefined} message={result ? countsText(t, result) : null} />
            <FormAlert title={failure ? t('networkAdmin.sync.failedTitle') : undefined} message={failure} />
          </div>
        </>
      ) : null}
    </DashboardCard>
  );
});
