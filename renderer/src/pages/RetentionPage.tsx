import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { DeletionRequestView, RetentionFileView, SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { PassphraseConfirmDialog } from '../components/PassphraseConfirmDialog';
import { ArchiveExportDialog, ConfirmDialog, RequestDeletionDialog, RestrictDialog } from '../components/retention/RetentionDialogs';
import { PolicyExportButton } from '../components/PolicyExportButton';
import { useTableStyles } from '../components/table-styles';
import { formatDate } from '../format/date';

const useStyles = makeStyles({
  page: { maxWidth: '1280px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  tableWrap: { overflowX: 'auto' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  rules: { margin: 0, maxWidth: '80ch' },
  search: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

type Dialog =
  | { kind: 'request'; file: RetentionFileView; ground: 'retention' | 'subject' }
  | { kind: 'restrict'; file: RetentionFileView }
  | { kind: 'lift'; file: RetentionFileView }
  | { kind: 'archive'; request: DeletionRequestView }
  | { kind: 'declined'; request: DeletionRequestView }
  | { kind: 'approve'; request: DeletionRequestView }
  | { kind: 'reject'; request: DeletionRequestView };

/**
 * "Aufbewahrung & Löschung": Datenschutz sees the files due (and finds a file for a person's own request), asks for
 * deletion, offers the file to the archive and restricts processing; a second person (another Datenschutz account
 * or Koordination) approves each deletion with their passphrase. Koordination sees the requests without names.
 */
export function RetentionPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const asks = user.role === 'datenschutz';
  const due = useLoad(() => (asks ? call('retention.files', { dueOnly: true }) : Promise.resolve(null)), [asks]);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const hits = useLoad(() => (asks && searched ? call('retention.files', { query: searched, dueOnly: false }) : Promise.resolve(null)), [asks, searched]);
  const requests = useLoad(() => call('deletions.list', {}), []);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = (d: Dialog) => (event: { currentTarget: HTMLElement }) => {
    opener.current = event.currentTarget;
    setNotice(null);
    setDialog(d);
  };
  /** Back to the button that opened the dialog; after a change the row may be gone, so then to the heading. */
  const close = (message: string | null) => {
    setDialog(null);
    if (message) {
      setNotice(message);
      due.reload();
      hits.reload();
      requests.reload();
    }
    window.setTimeout(() => {
      const back = opener.current;
      (back && document.body.contains(back) ? back : document.querySelector<HTMLElement>('main h1'))?.focus();
    }, 0);
  };

  const fileLabel = (r: DeletionRequestView) => r.name ?? t('retention.fileRef', { ref: r.clientId.slice(0, 8), office: t(`offices.${r.office}`, { defaultValue: r.office }) });

  const filesTable = (files: RetentionFileView[], caption: string) => (
    <div className={styles.tableWrap}>
      <table className={table.table} aria-label={caption}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('retention.columns.person')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.birthDate')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.rule')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.lastDate')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.dueFrom')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.state')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.clientId}>
              <td className={table.td}>{f.name}</td>
              <td className={table.td}>{f.birthDate ? formatDate(f.birthDate) : '–'}</td>
              <td className={table.td}>{t(`retention.kinds.${f.kind}`, { years: f.years })}</td>
              <td className={table.td}>{formatDate(f.lastDate)}</td>
              <td className={table.td}>{f.dueFrom ? formatDate(f.dueFrom) : t('retention.openCase')}</td>
              <td className={table.td}>
                <div className={styles.badges}>
                  {f.restricted ? <Badge appearance="tint" color="warning">{t('retention.restrictedBadge')}</Badge> : null}
                  {f.pendingRequestId ? <Badge appearance="tint" color="informative">{t('retention.pendingBadge')}</Badge> : null}
                </div>
              </td>
              <td className={table.td}>
                <div className={styles.buttons}>
                  {!f.pendingRequestId && f.due ? (
                    <Button appearance="primary" aria-label={t('retention.actions.requestFor', { name: f.name })} onClick={open({ kind: 'request', file: f, ground: 'retention' })}>
                      {t('retention.actions.requestRetention')}
                    </Button>
                  ) : null}
                  {!f.pendingRequestId && !f.due ? (
                    <Button aria-label={t('retention.actions.requestSubjectFor', { name: f.name })} onClick={open({ kind: 'request', file: f, ground: 'subject' })}>
                      {t('retention.actions.requestSubject')}
                    </Button>
                  ) : null}
                  {f.restricted ? (
                    <Button aria-label={t('retention.actions.liftFor', { name: f.name })} onClick={open({ kind: 'lift', file: f })}>
                      {t('retention.actions.lift')}
                    </Button>
                  ) : (
                    <Button aria-label={t('retention.actions.restrictFor', { name: f.name })} onClick={open({ kind: 'restrict', file: f })}>
                      {t('retention.actions.restrict')}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const requestRows = requests.data ?? [];
  const requestsTable = (
    <div className={styles.tableWrap}>
      <table className={table.table} aria-label={t('retention.requestsTitle')}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('retention.columns.file')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.ground')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.dueFrom')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.scope')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.archive')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.requested')}</th>
            <th scope="col" className={table.th}>{t('retention.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {requestRows.map((r) => {
            const label = fileLabel(r);
            const mine = r.requestedBy === user.id;
            return (
              <tr key={r.id}>
                <td className={table.td}>{label}</td>
                <td className={table.td}>
                  {t(`retention.grounds.${r.ground}`)}
                  {r.reason ? <div>{r.reason}</div> : null}
                </td>
                <td className={table.td}>{r.dueFrom ? formatDate(r.dueFrom) : '–'}</td>
                <td className={table.td}>{r.status === 'pending' ? t('retention.scope', r.counts) : '–'}</td>
                <td className={table.td}>{t(`retention.archives.${r.archive ?? 'none'}`)}</td>
                <td className={table.td}>{t('retention.requestedBy', { name: r.requestedByName, date: formatDate(r.requestedAt) })}</td>
                <td className={table.td}>
                  {r.status !== 'pending' ? (
                    t('retention.decided', { status: t(`retention.statuses.${r.status}`), name: r.decidedByName ?? '', date: r.decidedAt ? formatDate(r.decidedAt) : '' })
                  ) : (
                    <div className={styles.buttons}>
                      {asks && !r.archive ? (
                        <>
                          <PolicyExportButton method="deletions.exportArchive" aria-label={t('retention.actions.exportFor', { file: label })} onClick={open({ kind: 'archive', request: r })}>
                            {t('retention.actions.exportArchive')}
                          </PolicyExportButton>
                          <Button aria-label={t('retention.actions.declinedFor', { file: label })} onClick={open({ kind: 'declined', request: r })}>
                            {t('retention.actions.archiveDeclined')}
                          </Button>
                        </>
                      ) : null}
                      {!mine && r.archive ? (
                        <Button appearance="primary" aria-label={t('retention.actions.approveFor', { file: label })} onClick={open({ kind: 'approve', request: r })}>
                          {t('retention.actions.approve')}
                        </Button>
                      ) : null}
                      <Button aria-label={t('retention.actions.rejectFor', { file: label })} onClick={open({ kind: 'reject', request: r })}>
                        {t('retention.actions.reject')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  const search = (e: FormEvent) => {
    e.preventDefault();
    setSearched(query.trim() || null);
  };
  const rules = due.data?.rules;
  const loadError = due.error ?? hits.error ?? requests.error;

  return (
    <div className={styles.page}>
      <PageHeader title={t('retention.title')} lead={t(asks ? 'retention.lead' : 'retention.leadDecide')} />
      {rules ? <p className={styles.rules}>{t('retention.rules', rules)}</p> : null}
      <StatusNotice message={notice} />
      <FormAlert message={loadError ? errorText(t, loadError) : null} />
      {asks ? (
        <DashboardCard id="retention-due" title={t('retention.dueTitle')} description={t('retention.dueHint')}>
          {due.data?.files.length ? filesTable(due.data.files, t('retention.dueTitle')) : <p className={styles.empty}>{t('retention.noneDue')}</p>}
          {due.data?.truncated ? <p className={styles.empty}>{t('retention.truncated', { count: due.data.files.length })}</p> : null}
        </DashboardCard>
      ) : null}
      {asks ? (
        <DashboardCard id="retention-search" title={t('retention.searchTitle')} description={t('retention.searchHint')}>
          <form className={styles.search} onSubmit={search} role="search" aria-label={t('retention.searchTitle')}>
            <Field label={t('retention.searchLabel')}>
              <Input value={query} maxLength={100} onChange={(_, d) => setQuery(d.value)} />
            </Field>
            <Button type="submit">{t('retention.searchButton')}</Button>
          </form>
          {searched && hits.data ? hits.data.files.length ? filesTable(hits.data.files, t('retention.searchTitle')) : <p className={styles.empty}>{t('retention.noHits')}</p> : null}
          {searched && hits.data?.truncated ? <p className={styles.empty}>{t('retention.truncated', { count: hits.data.files.length })}</p> : null}
        </DashboardCard>
      ) : null}
      <DashboardCard id="retention-requests" title={t('retention.requestsTitle')} description={t('retention.requestsHint')}>
        {requestRows.length ? requestsTable : <p className={styles.empty}>{t('retention.noRequests')}</p>}
      </DashboardCard>
      {dialog?.kind === 'request' ? <RequestDeletionDialog file={dialog.file} ground={dialog.ground} onDone={close} onCancel={() => close(null)} /> : null}
      {dialog?.kind === 'restrict' ? <RestrictDialog file={dialog.file} onDone={close} onCancel={() => close(null)} /> : null}
      {dialog?.kind === 'lift' ? (
        <ConfirmDialog
          title={t('retention.liftDialog.title')}
          intro={t('retention.liftDialog.intro', { name: dialog.file.name })}
          submitLabel={t('retention.liftDialog.submit')}
          busyLabel={t('retention.liftDialog.working')}
          run={async () => {
            await call('restrictions.lift', { clientId: dialog.file.clientId });
            close(t('retention.restrictDialog.lifted'));
          }}
          onCancel={() => close(null)}
        />
      ) : null}
      {dialog?.kind === 'archive' ? <ArchiveExportDialog request={dialog.request} fileLabel={fileLabel(dialog.request)} onDone={close} onCancel={() => close(null)} /> : null}
      {dialog?.kind === 'declined' ? (
        <ConfirmDialog
          title={t('retention.declinedDialog.title')}
          intro={`${fileLabel(dialog.request)}. ${t('retention.declinedDialog.intro')}`}
          submitLabel={t('retention.declinedDialog.submit')}
          busyLabel={t('retention.declinedDialog.working')}
          run={async () => {
            await call('deletions.archiveDeclined', { id: dialog.request.id });
            close(t('retention.declinedDialog.done'));
          }}
          onCancel={() => close(null)}
        />
      ) : null}
      {dialog?.kind === 'reject' ? (
        <ConfirmDialog
          title={t('retention.rejectDialog.title')}
          intro={`${fileLabel(dialog.request)}. ${t('retention.rejectDialog.intro')}`}
          submitLabel={t('retention.rejectDialog.submit')}
          busyLabel={t('retention.rejectDialog.working')}
          run={async () => {
            await call('deletions.reject', { id: dialog.request.id });
            close(t('retention.rejectDialog.done'));
          }}
          onCancel={() => close(null)}
        />
      ) : null}
      {dialog?.kind === 'approve' ? (
        <PassphraseConfirmDialog
          open
          title={t('retention.approveDialog.title')}
          message={`${fileLabel(dialog.request)}. ${t('retention.approveDialog.message', { scope: t('retention.scope', dialog.request.counts) })}`}
          confirmLabel={t('retention.approveDialog.confirm')}
          texts={{ working: t('retention.approveDialog.working'), wrong: t('retention.approveDialog.wrong') }}
          onCancel={() => close(null)}
          onConfirm={async (passphrase) => {
            const done = await call('deletions.approve', { id: dialog.request.id, passphrase });
            close(t('retention.approveDialog.done', { rows: done.removedRows, files: done.removedFiles }));
          }}
        />
      ) : null}
    </div>
  );
}
