import { Button, Field, Select, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { MAX_PERIOD_DAYS, OFFICES, statisticsAllows, type SessionUser, type StatisticsReport } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { DateField, germanFromIso, isoFromGerman } from '../components/DateField';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { PolicyExportButton } from '../components/PolicyExportButton';
import { downloadPdf } from '../components/print/download-pdf';
import { CombineOffices } from '../components/statistics/CombineOffices';
import { downloadFile } from '../components/download-file';
import { ReportFigures } from '../components/statistics/ReportFigures';
import { ReportToKoordination } from '../components/statistics/ReportToKoordination';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../components/statistics/period-presets';
import { formatIsoDay, todayIso } from '../format/partial-date';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginTop: tokens.spacingVerticalM },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  legend: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Period = { from: string; to: string };

/**
 * "Statistik": the KIM figures of the own office for a period, as tables (every one) and bar charts (the one-column
 * ones), suppressed by the core; exported as CSV, XLSX or a PDF report. The computation can take a moment on a large
 * vault: the page says so while it runs.
 */
export function StatisticsPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const initial = presetPeriod('lastYear', todayIso());
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('lastYear');
  const [fromText, setFromText] = useState(germanFromIso(initial.from));
  const [toText, setToText] = useState(germanFromIso(initial.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [period, setPeriod] = useState<Period>(initial);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canExport = statisticsAllows(user.role, 'export');
  const canCombine = statisticsAllows(user.role, 'combine');
  const [view, setView] = useState<'own' | 'combined'>('own');
  const report = useLoad<StatisticsReport>(() => call('statistics.compute', period), [period.from, period.to]);

  const choosePreset = (value: string) => {
    setPreset(value as PeriodPreset | 'custom');
    if (value === 'custom') return;
    const p = presetPeriod(value as PeriodPreset, todayIso());
    setFromText(germanFromIso(p.from));
    setToText(germanFromIso(p.to));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = isoFromGerman(fromText);
    const to = isoFromGerman(toText);
    const next: { from?: string; to?: string } = {};
    if (!from) next.from = t('statistics.period.invalidDate');
    if (!to) next.to = t('statistics.period.invalidDate');
    if (from && to && to < from) next.to = t('statistics.period.beforeFrom');
    if (from && to && (Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_PERIOD_DAYS) next.to = t('statistics.period.tooLong');
    setErrors(next);
    setNotice(null);
    if (next.from || next.to || !from || !to) return;
    if (from === period.from && to === period.to) report.reload();
    else setPeriod({ from, to });
  };
  const runExport = async (kind: 'csv' | 'xlsx' | 'pdf') => {
    setExporting(true);
    setExportError(null);
    setNotice(null);
    try {
      if (kind === 'pdf') {
        const pdf = await call('statistics.print', period);
        downloadPdf(pdf.fileName, pdf.pdfBase64);
        setNotice(t('statistics.exports.done', { fileName: pdf.fileName }));
      } else {
        const file = await call(kind === 'csv' ? 'statistics.exportCsv' : 'statistics.exportXlsx', period);
        downloadFile(file.fileName, file.contentBase64, file.mimeType);
        setNotice(t('statistics.exports.done', { fileName: file.fileName }));
      }
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const r = report.loading ? null : report.data;
  return (
    <div className={styles.page}>
      <PageHeader title={t('statistics.title')} lead={t('statistics.lead')} />
      <StatusNotice message={notice} />

      <DashboardCard id="statistics-period" title={t('statistics.period.title')}>
        <form onSubmit={submit} aria-label={t('statistics.period.title')} noValidate>
          <div className={styles.filters}>
            <Field label={t('statistics.period.preset')}>
              <Select value={preset} onChange={(_, d) => choosePreset(d.value)}>
                <option value="custom">{t('statistics.period.presets.custom')}</option>
                {PERIOD_PRESETS.map((p) => (
                  <option key={p} value={p}>
                    {t(`statistics.period.presets.${p}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <DateField
              label={t('statistics.period.from')}
              value={fromText}
              error={errors.from}
              required
              onChange={(v) => {
                setFromText(v);
                setPreset('custom');
              }}
            />
            <DateField
              label={t('statistics.period.to')}
              value={toText}
              error={errors.to}
              required
              onChange={(v) => {
                setToText(v);
                setPreset('custom');
              }}
            />
            <Field label={t('statistics.period.office')} hint={t('statistics.period.officeHint')}>
              <Select value={user.office} disabled>
                {OFFICES.filter((o) => o === user.office).map((o) => (
                  <option key={o} value={o}>
                    {t(`offices.${o}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={report.loading}>
              {t('statistics.period.submit')}
            </Button>
          </div>
        </form>
      </DashboardCard>

      {canCombine ? (
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as 'own' | 'combined')} aria-label={t('statistics.views.label')}>
          <Tab value="own">{t('statistics.views.own', { office: t(`offices.${user.office}`) })}</Tab>
          <Tab value="combined">{t('statistics.views.combined')}</Tab>
        </TabList>
      ) : null}

      {view === 'combined' ? (
        <CombineOffices key={`${period.from}..${period.to}`} period={period} />
      ) : (
        <>
      <div role="status" aria-atomic="true">
        {report.loading ? <Spinner size="small" label={t('statistics.computing')} /> : null}
        {r ? <p className={styles.muted}>{t('statistics.computed', { from: formatIsoDay(r.from), to: formatIsoDay(r.to) })}</p> : null}
      </div>
      <FormAlert message={report.error && !report.loading ? errorText(t, report.error) : null} />

      {r ? (
        <>
          <DashboardCard id="statistics-legend" title={t('statistics.legend.title')}>
            <ul className={styles.legend}>
              <li>{r.notes.scope}</li>
              <li>{r.notes.primary}</li>
              <li>{r.notes.secondary}</li>
              <li>{t('statistics.legend.definitions', { version: r.definitionsVersion })}</li>
            </ul>
          </DashboardCard>

          {canExport ? (
            <DashboardCard id="statistics-exports" title={t('statistics.exports.title')} description={t('statistics.exports.lead')}>
              <FormAlert message={exportError ? errorText(t, exportError) : null} />
              <div className={styles.buttons}>
                <PolicyExportButton method="statistics.exportCsv" onClick={() => void runExport('csv')} disabled={exporting}>
                  {t('statistics.exports.csv')}
                </PolicyExportButton>
                <PolicyExportButton method="statistics.exportXlsx" onClick={() => void runExport('xlsx')} disabled={exporting}>
                  {t('statistics.exports.xlsx')}
                </PolicyExportButton>
                <PolicyExportButton method="statistics.print" onClick={() => void runExport('pdf')} disabled={exporting}>
                  {t('statistics.exports.pdf')}
                </PolicyExportButton>
                {exporting ? <Spinner size="tiny" label={t('statistics.exports.working')} /> : null}
              </div>
            </DashboardCard>
          ) : null}

          {statisticsAllows(user.role, 'publish') ? <ReportToKoordination period={period} office={user.office} /> : null}

          <ReportFigures report={r} />
        </>
      ) : null}
        </>
      )}
    </div>
  );
}

