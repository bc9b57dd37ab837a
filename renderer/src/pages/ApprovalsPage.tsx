import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { OutputOf, SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { PassphraseConfirmDialog } from '../components/PassphraseConfirmDialog';
import { useTableStyles } from '../components/table-styles';
import { formatDate, formatTime } from '../format/date';

type Request = OutputOf<'accounts.requests'>[number];
type Decision = { request: Request; decision: 'approve' | 'reject' };

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  tableWrap: { overflowX: 'auto' },
  pending: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * "Freigaben": IT's requests to create an account with access to client data or to reset its passphrase. The data
 * protection officer approves or rejects each with their own passphrase; IT sees the same list without the buttons.
 */
export function ApprovalsPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const decides = user.role === 'datenschutz';
  const requests = useLoad(() => call('accounts.requests', {}), []);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const buttons = useRef<Record<string, HTMLElement | null>>({});
  const at = (iso: string) => t('approvals.at', { date: formatDate(iso), time: formatTime(iso) });
  const rows = requests.data ?? [];
  const open = rows.filter((r) => r.status === 'pending');
  const done = rows.filter((r) => r.status !== 'pending');

  /** Back to the row's button on cancel; after a decision the row is gone, so focus goes to the page heading. */
  const close = (decided: boolean) => {
    const id = decision?.request.id;
    setDecision(null);
    window.setTimeout(() => (decided || !id ? document.querySelector<HTMLElement>('main h1') : buttons.current[id])?.focus(), 0);
  };

  const table_ = (list: Request[], withActions: boolean, caption: string) => (
    <div className={styles.tableWrap}>
      <table className={table.table} aria-label={caption}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('approvals.account')}</th>
            <th scope="col" className={table.th}>{t('approvals.role')}</th>
            <th scope="col" className={table.th}>{t('approvals.kind')}</th>
            <th scope="col" className={table.th}>{t('approvals.requestedBy')}</th>
            <th scope="col" className={table.th}>{withActions ? t('approvals.expires') : t('approvals.status')}</th>
            {withActions && decides ? <th scope="col" className={table.th}>{t('approvals.decision')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id}>
              <td className={table.td}>{t('approvals.accountName', { name: r.account.displayName, login: r.account.login })}</td>
              <td className={table.td}>{t(`roles.${r.account.role}`)}</td>
              <td className={table.td}>{t(`approvals.kinds.${r.kind}`)}</td>
              <td className={table.td}>{t('approvals.requested', { name: r.requestedBy.displayName, at: at(r.requestedAt) })}</td>
              <td className={table.td}>
                {withActions ? (
                  <span className={styles.pending}>{at(r.expiresAt)}</span>
                ) : (
                  t(`approvals.statuses.${r.status}`, { name: r.decidedBy?.displayName ?? '', at: r.decidedAt ? at(r.decidedAt) : '' })
                )}
              </td>
              {withActions && decides ? (
                <td className={table.td}>
                  <div className={styles.buttons}>
                    <Button
                      appearance="primary"
                      ref={(el) => {
                        buttons.current[r.id] = el;
                      }}
                      aria-label={t('approvals.approveFor', { login: r.account.login })}
                      onClick={() => setDecision({ request: r, decision: 'approve' })}
                    >
                      {t('approvals.approve')}
                    </Button>
                    <Button aria-label={t('approvals.rejectFor', { login: r.account.login })} onClick={() => setDecision({ request: r, decision: 'reject' })}>
                      {t('approvals.reject')}
                    </Button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className={styles.page}>
      <PageHeader title={t('approvals.title')} lead={t(decides ? 'approvals.lead' : 'approvals.leadIt')} />
      <StatusNotice message={notice} />
      <FormAlert message={requests.error ? errorText(t, requests.error) : null} />
      <DashboardCard id="approvals-open" title={t('approvals.openTitle')}>
        {open.length ? table_(open, true, t('approvals.openTitle')) : <p className={styles.empty}>{t('approvals.none')}</p>}
      </DashboardCard>
      <DashboardCard id="approvals-done" title={t('approvals.doneTitle')} description={t('approvals.doneHint')}>
        {done.length ? table_(done, false, t('approvals.doneTitle')) : <p className={styles.empty}>{t('approvals.noneDone')}</p>}
      </DashboardCard>
      {decision ? (
        <PassphraseConfirmDialog
          open
          title={t(`approvals.${decision.decision}Dialog.title`, { login: decision.request.account.login })}
          message={t(`approvals.${decision.decision}Dialog.message`, {
            name: decision.request.account.displayName,
            role: t(`roles.${decision.request.account.role}`),
            kind: t(`approvals.kinds.${decision.request.kind}`),
            by: decision.request.requestedBy.displayName,
          })}
          confirmLabel={t(`approvals.${decision.decision}Dialog.confirm`)}
          onCancel={() => close(false)}
          texts={{ working: t('approvals.working'), wrong: t('approvals.wrongPassphrase') }}
          onConfirm={async (passphrase) => {
            await call('accounts.decideRequest', { id: decision.request.id, decision: decision.decision, confirmPassphrase: passphrase });
            setNotice(t(`approvals.${decision.decision}Dialog.done`, { login: decision.request.account.login, name: decision.request.account.displayName }));
            requests.reload();
            close(true);
          }}
        />
      ) : null}
    </div>
  );
}
