import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AggregateOverview, CombinedStatistics } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { formatDate, formatTime } from '../../format/date';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import { PolicyExportButton } from '../PolicyExportButton';
import { useTableStyles } from '../table-styles';
import { downloadPdf } from '../print/download-pdf';
import { downloadFile } from '../download-file';
import { ReportFigures } from './ReportFigures';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginTop: tokens.spacingVerticalM },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

type Period = { from: string; to: string };

/**
 * "Dienststellen zusammenführen" (Koordination): the figures the offices reported through the shared folder, each
 * signature verified, and their sum for one period, suppressed only after adding up. Opening it makes this
 * workstation one that the offices' reports are encrypted to. The page mounts it anew for each period chosen, so
 * figures combined for an earlier period never stand under a later one.
 */
export function CombineOffices({ period }: { period: Period }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const overview = useLoad<AggregateOverview>(() => call('statistics.aggregates', {}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [combined, setCombined] = useState<CombinedStatistics | null>(null);

  const combine = async (p: Period) => {
    setBusy(true);
    setError(null);
    setCombined(null);
    try {
      setCombined(await call('statistics.combine', p));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const runExport = async (kind: 'csv' | 'xlsx' | 'pdf', p: Period) => {
    setExporting(true);
    setExportError(null);
    setNotice(null);
    try {
      const input = { from: p.from, to: p.to };
      if (kind === 'pdf') {
        const pdf = await call('statistics.printCombined', input);
        downloadPdf(pdf.fileName, pdf.pdfBase64);
        setNotice(t('statistics.exports.done', { fileName: pdf.fileName }));
      } else {
        const file = await call(kind === 'csv' ? 'statistics.exportCombinedCsv' : 'statistics.exportCombinedXlsx', input);
        downloadFile(file.fileName, file.contentBase64, file.mimeType);
        setNotice(t('statistics.exports.done', { fileName: file.fileName }));
      }
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const o = overview.loading ? null : overview.data;
  const range = (p: Period) => t('statistics.combine.range', { from: formatIsoDay(p.from), to: formatIsoDay(p.to) });
  return (
    <div className={styles.section}>
      <DashboardCard id="statistics-combine" title={t('statistics.combine.title')} description={t('statistics.combine.lead')}>
        <div role="status" aria-atomic="true">
          {overview.loading ? <Spinner size="small" label={t('statistics.combine.loading')} /> : null}
        </div>
        <FormAlert message={overview.error && !overview.loading ? errorText(t, overview.error) : null} />
        {o ? (
          <>
            <p className={styles.muted}>{o.receiving ? t('statistics.combine.receiving') : t('statistics.combine.notReceiving')}</p>
            {o.refused > 0 ? <FormAlert intent="warning" message={t('statistics.combine.refused', { count: o.refused })} /> : null}
            {o.notAddressed > 0 ? <StatusNotice intent="info" message={t('statistics.combine.notAddressed', { count: o.notAddressed })} /> : null}
            {o.aggregates.length ? (
              <table className={table.table} data-testid="received-aggregates">
                <caption className={styles.muted}>{t('statistics.combine.caption')}</caption>
                <thead>
                  <tr>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.office')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.period')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.definitions')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.publishedAt')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.device')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.signature')}
                    </th>
                    <th className={table.th} scope="col">
                      {t('statistics.combine.action')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.aggregates.map((a) => (
                    <tr key={`${a.office}-${a.from}-${a.to}`}>
                      <th className={table.td} scope="row">
                        {t(`offices.${a.office}`)}
                      </th>
                      <td className={table.td}>{range(a)}</td>
                      <td className={table.td}>{a.definitionsVersion}</td>
                      <td className={table.td}>{t('statistics.combine.at', { date: formatDate(a.publishedAt), time: formatTime(a.publishedAt) })}</td>
                      <td className={table.td}>{a.fingerprint}</td>
                      <td className={table.td}>{t('statistics.combine.verified')}</td>
                      <td className={table.td}>
                        <Button size="small" onClick={() => void combine(a)} disabled={busy} aria-label={t('statistics.combine.combineRow', { range: range(a) })}>
                          {t('statistics.combine.combineShort')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className={styles.muted}>{t('statistics.combine.none')}</p>
            )}
          </>
        ) : null}
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => void combine(period)} disabled={busy || overview.loading}>
            {t('statistics.combine.submit', { range: range(period) })}
          </Button>
          <Button onClick={() => overview.reload()} disabled={overview.loading}>
            {t('statistics.combine.reload')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('statistics.combine.working')} /> : null}
        </div>
        <FormAlert message={error ? errorText(t, error) : null} />
      </DashboardCard>

      {combined ? (
        <>
          <DashboardCard id="statistics-combined" title={t('statistics.combine.resultTitle', { range: range(combined.report) })}>
            <ul>
              <li>{t('statistics.combine.included', { offices: combined.included.map((a) => t(`offices.${a.office}`)).join(', ') })}</li>
              <li>
                {combined.missing.length
                  ? t('statistics.combine.missing', { offices: combined.missing.map((m) => t(`offices.${m}`)).join(', ') })
                  : t('statistics.combine.noneMissing')}
              </li>
              <li>{combined.report.notes.primary}</li>
              <li>{combined.report.notes.secondary}</li>
              <li>{t('statistics.legend.definitions', { version: combined.report.definitionsVersion })}</li>
            </ul>
          </DashboardCard>
          <DashboardCard id="combined-exports" title={t('statistics.exports.title')} description={t('statistics.combine.exportsLead')}>
            <StatusNotice message={notice} />
            <FormAlert message={exportError ? errorText(t, exportError) : null} />
            <div className={styles.buttons}>
              <PolicyExportButton method="statistics.exportCombinedCsv" onClick={() => void runExport('csv', combined.report)} disabled={exporting}>
                {t('statistics.exports.csv')}
              </PolicyExportButton>
              <PolicyExportButton method="statistics.exportCombinedXlsx" onClick={() => void runExport('xlsx', combined.report)} disabled={exporting}>
                {t('statistics.exports.xlsx')}
              </PolicyExportButton>
              <PolicyExportButton method="statistics.printCombined" onClick={() => void runExport('pdf', combined.report)} disabled={exporting}>
                {t('statistics.exports.pdf')}
              </PolicyExportButton>
              {exporting ? <Spinner size="tiny" label={t('statistics.exports.working')} /> : null}
            </div>
          </DashboardCard>
          <ReportFigures report={combined.report} idPrefix="combined" />
        </>
      ) : null}
    </div>
  );
}
