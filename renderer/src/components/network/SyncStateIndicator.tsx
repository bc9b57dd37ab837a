import { Link, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../../api/client';
import type { NetworkStatus } from '../../api/core';
import { hrefs } from '../../app/routes';
import { formatDate, formatTime } from '../../format/date';
import { dateTimeText, NETWORK_CHANGED_EVENT } from './network-format';

/** How often the frame asks for the network's state (a read of local settings; the round itself runs elsewhere). */
export const SYNC_STATE_POLL_MS = 60_000;
/** While a round is under way (an initial sync of an office takes minutes), the frame follows it more closely. */
export const SYNC_PROGRESS_POLL_MS = 2_000;

const useStyles = makeStyles({
  wrap: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  dot: { width: '8px', height: '8px', borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
  ok: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  waiting: { backgroundColor: tokens.colorNeutralForeground3 },
  offline: { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 },
  error: { backgroundColor: tokens.colorPaletteRedForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  bar: { width: '120px' },
});

type Tone = 'ok' | 'waiting' | 'offline' | 'error';

/** What the frame says about sync, from the newest state: a problem of the last round outranks the last success. */
function describe(t: TFunction, s: NetworkStatus, now: Date): { text: string; tone: Tone } {
  if (s.lastRound?.outcome === 'offline') return { text: t('syncState.offline'), tone: 'offline' };
  if (s.lastRound?.outcome === 'error') return { text: t('syncState.error'), tone: 'error' };
  if (!s.enrolled) return { text: t('syncState.pending'), tone: 'waiting' };
  if (!s.lastSuccessAt) return { text: t('syncState.never'), tone: 'waiting' };
  const when = formatDate(s.lastSuccessAt) === formatDate(now) ? t('syncState.today', { time: formatTime(s.lastSuccessAt) }) : dateTimeText(t, s.lastSuccessAt);
  return { text: t('syncState.last', { when }), tone: 'ok' };
}

/** A running round with work to show: what it does, how far it is. */
function running(t: TFunction, s: NetworkStatus): string | null {
  const p = s.progress;
  if (!p || p.total <= 0) return null;
  return t(p.phase === 'receiving' ? 'syncState.receiving' : 'syncState.sending', { done: p.done, total: p.total });
}

/** What still waits to be sent: changes not yet with every member, protected fields waiting for a key holder. */
function backlog(t: TFunction, s: NetworkStatus): string {
  const parts: string[] = [];
  if (s.waitingChanges > 0) parts.push(t('syncState.waitingChanges', { count: s.waitingChanges }));
  if (s.waitingForKey) parts.push(t('syncState.waitingForKey'));
  return parts.map((p) => ` · ${p}`).join('');
}

/**
 * The sync state in the header, for everyone signed in on a workstation that belongs to a network: when it last
 * synced, or that the network folder is out of reach or the round failed (IT gets a link to the network page).
 * Asks on mount, every minute, and when this window changed the network; shows nothing outside a network. The
 * live region stays in the DOM so a change is announced.
 */
export function SyncStateIndicator({ isIt }: { isIt: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [status, setStatus] = useState<NetworkStatus | null>(null);

  const inRound = !!status?.progress;
  useEffect(() => {
    let active = true;
    const load = (): void => {
      call('network.status', {}).then(
        (s) => active && setStatus(s),
        // A failed poll keeps the last known state; the next one tries again.
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, inRound ? SYNC_PROGRESS_POLL_MS : SYNC_STATE_POLL_MS);
    window.addEventListener(NETWORK_CHANGED_EVENT, load);
    return () => {
      active = false;
      window.clearInterval(timer);
      window.removeEventListener(NETWORK_CHANGED_EVENT, load);
    };
  }, [inRound]);

  const shown = status?.joined ? describe(t, status, new Date()) : null;
  const progress = status?.joined ? running(t, status) : null;
  const needsIt = !!status?.joined && isIt && (shown?.tone === 'error' || status.alerts > 0);
  return (
    <div className={styles.wrap}>
      <span role="status" aria-atomic="true" className={mergeClasses(styles.state, shown?.tone === 'error' && styles.problem)} data-testid="sync-state">
        {shown ? (
          <>
            <span className={mergeClasses(styles.dot, styles[shown.tone])} aria-hidden="true" />
            {progress ?? shown.text}
            {progress ? null : backlog(t, status!)}
          </>
        ) : null}
      </span>
      {progress && status?.progress ? (
        <ProgressBar className={styles.bar} value={status.progress.done / status.progress.total} aria-label={t('syncState.progressLabel')} />
      ) : null}
      {needsIt ? <Link href={hrefs.network}>{t('syncState.details')}</Link> : null}
    </div>
  );
}
