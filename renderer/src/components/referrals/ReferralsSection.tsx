import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ReferralView } from '../../api/case-types';
import { call } from '../../api/client';
import { feedbackAllowed, reopenTarget } from '../../api/core';
import { errorText } from '../../api/error-text';
import { PolicyExportButton } from '../PolicyExportButton';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { ListSection } from '../ListSection';
import { downloadPdf } from '../print/download-pdf';
import { DeleteReferralDialog } from './DeleteReferralDialog';
import { FeedbackDialog } from './FeedbackDialog';
import { ReferralDialog } from './ReferralDialog';
import { ReopenDialog } from './ReopenDialog';
import { sendErrorText } from './referral-texts';

const useStyles = makeStyles({
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type Open = { kind: 'create' } | { kind: 'edit' | 'feedback' | 'reopen' | 'delete'; referral: ReferralView } | null;

/**
 * The case's referrals ("Vermittlungen"): partner, state, categories and deadline; the keeping office drafts,
 * sends (behind the consent gate, whose refusal says what is missing), records feedback, reopens and deletes.
 */
export function ReferralsSection({ kase, readOnly }: { kase: CaseDetail; readOnly: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const list = useLoad(() => call('referrals.list', { caseId: kase.id }), [kase.id]);
  const [open, setOpen] = useState<Open>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = !readOnly && kase.access.owner;
  const [printing, setPrinting] = useState<string | null>(null);

  const done = (message: string) => {
    setOpen(null);
    setAlert(null);
    setNotice(message);
    list.reload();
  };

  const send = async (r: ReferralView) => {
    setAlert(null);
    setNotice(null);
    try {
      await call('referrals.send', { id: r.id, version: r.version, followUpTitle: r.feedbackDue ? t('referrals.followUpTitle', { partner: r.partnerName }) : null });
      done(t('referrals.sent', { partner: r.partnerName }));
    } catch (e) {
      setAlert(sendErrorText(t, e, r.partnerName));
    }
  };

  /** The Überleitungsbogen of a sent referral, as a PDF download; the core leaves out what no consent releases. */
  const print = async (r: ReferralView) => {
    setAlert(null);
    setNotice(null);
    setPrinting(r.id);
    try {
      const pdf = await call('referrals.print', { id: r.id });
      downloadPdf(pdf.fileName, pdf.pdfBase64);
      setNotice(t('referrals.printed', { fileName: pdf.fileName }));
    } catch (e) {
      setAlert(errorText(t, e));
    } finally {
      setPrinting(null);
    }
  };

  const stateCell = (r: ReferralView) => (
    <>
      <Badge appearance="tint" color={r.state === 'declined' ? 'danger' : r.state === 'done' ? 'success' : r.state === 'draft' ? 'subtle' : 'brand'}>
        {t(`referrals.states.${r.state}`)}
      </Badge>
      {r.sentOn ? <span className={styles.sub}>{t('referrals.sentOn', { date: formatIsoDay(r.sentOn) })}</span> : null}
      {r.details?.result ? (
        <span className={styles.sub}>
          {t(`referrals.results.${r.details.result}`)}
          {r.details.failureReason ? `: ${t(`referrals.failureReasons.${r.details.failureReason}`)}` : ''}
        </span>
      ) : null}
      {r.details?.declinedBy ? (
        <span className={styles.sub}>
          {t(`referrals.declinedBy.${r.details.declinedBy}`)}: {r.details.declineReason}
        </span>
      ) : null}
    </>
  );

  const partnerCell = (r: ReferralView) => (
    <>
      <strong>{r.partnerName}</strong>
      {r.contactName ? <span className={styles.sub}>{t('referrals.contactLine', { name: r.contactName })}</span> : null}
      <span className={styles.sub}>
        {t('referrals.urgency')}: {t(`referrals.urgencies.${r.urgency}`)}
      </span>
      {r.details ? (
        <details>
          <summary>{t('referrals.request')}</summary>
          <p>{r.details.request}</p>
          <p className={styles.sub}>{t('referrals.history')}</p>
          <ol className={styles.history}>
            {r.details.history.map((e, i) => (
              <li key={i}>
                {t('referrals.historyEntry', { state: t(`referrals.states.${e.state}`), date: formatIsoDay(e.on), name: e.byName })}
                {e.note ? `: ${e.note}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );

  const actionsCell = (r: ReferralView) => (
    <div className={styles.actions} role="group" aria-label={t('referrals.actionsFor', { partner: r.partnerName })}>
      {r.state === 'draft' ? (
        <>
          <Button size="small" appearance="primary" onClick={() => void send(r)} aria-label={t('referrals.sendLabel', { partner: r.partnerName })}>
            {t('referrals.send')}
          </Button>
          <Button size="small" onClick={() => setOpen({ kind: 'edit', referral: r })}>
            {t('referrals.edit')}
          </Button>
        </>
      ) : null}
      {r.state !== 'draft' ? (
        <PolicyExportButton
          method="referrals.print"
          size="small"
          disabled={printing !== null}
          onClick={() => void print(r)}
          aria-label={t('referrals.printLabel', { partner: r.partnerName })}
        >
          {printing === r.id ? t('referrals.printing') : t('referrals.print')}
        </PolicyExportButton>
      ) : null}
      {(['accepted', 'declined', 'done'] as const).some((s) => feedbackAllowed(r.state, s)) ? (
        <Button size="small" onClick={() => setOpen({ kind: 'feedback', referral: r })}>
          {t('referrals.feedback')}
        </Button>
      ) : null}
      {reopenTarget(r.state, true) ? (
        <Button size="small" onClick={() => setOpen({ kind: 'reopen', referral: r })}>
          {t('referrals.reopen')}
        </Button>
      ) : null}
      <Button size="small" onClick={() => setOpen({ kind: 'delete', referral: r })}>
        {t('referrals.remove')}
      </Button>
    </div>
  );

  return (
    <>
      <ListSection<ReferralView>
        id="referrals"
        title={t('referrals.title')}
        lead={
          <>
            <p className={styles.lead}>{kase.access.owner ? t('referrals.intro') : t('referrals.notShared')}</p>
            {canWrite ? (
              <div className={styles.bar}>
                <Button appearance="primary" onClick={() => setOpen({ kind: 'create' })}>
                  {t('referrals.new')}
                </Button>
              </div>
            ) : null}
          </>
        }
        items={list.data ?? []}
        itemKey={(r) => r.id}
        emptyText={list.error ? errorText(t, list.error) : t('referrals.empty')}
        alert={alert}
        notice={notice}
        columns={[
          { header: t('referrals.columns.partner'), cell: partnerCell },
          { header: t('referrals.columns.state'), cell: stateCell },
          { header: t('referrals.columns.categories'), cell: (r) => r.categories.map((c) => t(`dataCategories.${c}`)).join(', ') },
          {
            header: t('referrals.columns.deadline'),
            cell: (r) =>
              r.feedbackDue ? (
                <span className={r.overdue ? styles.overdue : undefined}>
                  {formatIsoDay(r.feedbackDue)}
                  {r.overdue ? ` (${t('referrals.overdue')})` : ''}
                </span>
              ) : (
                t('referrals.noDeadline')
              ),
          },
          ...(canWrite ? [{ header: t('referrals.columns.actions'), cell: actionsCell }] : []),
        ]}
      />
      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <ReferralDialog kase={kase} referral={open.kind === 'edit' ? open.referral : null} onSaved={() => done(t('referrals.saved'))} onCancel={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'feedback' ? <FeedbackDialog referral={open.referral} onSaved={() => done(t('referrals.saved'))} onCancel={() => setOpen(null)} /> : null}
      {open?.kind === 'reopen' ? <ReopenDialog referral={open.referral} onSaved={() => done(t('referrals.saved'))} onCancel={() => setOpen(null)} /> : null}
      {open?.kind === 'delete' ? <DeleteReferralDialog referral={open.referral} onDeleted={() => done(t('referrals.removed'))} onCancel={() => setOpen(null)} /> : null}
    </>
  );
}
