import { Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CodeSelect } from '../components/CodeSelect';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { BARRIER_KINDS, LIFE_AREAS, OFFICES, findingAllows, type BarrierKind, type FindingSummary, type FindingView, type LifeArea, type Office, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { FindingDialog } from '../components/findings/FindingDialog';
import { monthLabel, quarterLabel, recentMonths } from '../components/findings/months';
import { ConfirmNoteDialog } from '../components/partners/ConfirmNoteDialog';
import { useTableStyles } from '../components/table-styles';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginTop: tokens.spacingVerticalM },
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalXL },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  description: { whiteSpace: 'pre-line' },
});

interface Filters {
  from: string;
  to: string;
  office: Office | '';
  area: LifeArea | '';
  barrier: BarrierKind | '';
}
const NO_FILTERS: Filters = { from: '', to: '', office: '', area: '', barrier: '' };

/**
 * "Systemhinweise": case managers record structural barriers and see their own; Koordination sees every office's,
 * counted and grouped for a period (every count with its table, as the statistics will be), and may withdraw one.
 */
export function FindingsPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const overview = findingAllows(user.role, 'overview');
  const canRecord = findingAllows(user.role, 'record');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<FindingView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const input = () => ({
    from: filters.from || undefined,
    to: filters.to || undefined,
    office: filters.office || undefined,
    area: filters.area || undefined,
    barrier: filters.barrier || undefined,
  });
  const list = useLoad(() => call('findings.list', input()), [JSON.stringify(filters)]);
  const summary = useLoad<FindingSummary | null>(() => (overview ? call('findings.summary', input()) : Promise.resolve(null)), [overview, JSON.stringify(filters)]);
  const months = recentMonths(new Date(), 36);

  const done = (message: string) => {
    setRecording(false);
    setWithdrawing(null);
    setNotice(message);
    list.reload();
    summary.reload();
  };
  const show = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const monthSelect = (key: 'from' | 'to') => (
    <Field label={t(`findings.filters.${key}`)}>
      <Select value={draft[key]} onChange={(_, d) => setDraft((f) => ({ ...f, [key]: d.value }))}>
        <option value="">{t('findings.filters.all')}</option>
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m, language)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const rows = list.data;
  const s = summary.data;

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('findings.title')}
        lead={overview ? t('findings.lead') : t('findings.leadOwn')}
        actions={
          canRecord ? (
            <Button appearance="primary" onClick={() => setRecording(true)}>
              {t('findings.record')}
            </Button>
          ) : undefined
        }
      />
      <StatusNotice message={notice} />

      {overview ? (
        <DashboardCard id="findings-filters" title={t('findings.filters.title')}>
          <form onSubmit={show} aria-label={t('findings.filters.title')}>
            <div className={styles.filters}>
              {monthSelect('from')}
              {monthSelect('to')}
              <Field label={t('findings.filters.office')}>
                <CodeSelect codes={OFFICES} value={draft.office} onChange={(v) => setDraft((f) => ({ ...f, office: v }))} emptyLabel={t('findings.filters.all')} label={(o) => t(`offices.${o}`)} />
              </Field>
              <Field label={t('findings.filters.area')}>
                <CodeSelect codes={LIFE_AREAS} value={draft.area} onChange={(v) => setDraft((f) => ({ ...f, area: v }))} emptyLabel={t('findings.filters.all')} label={(a) => t(`lifeAreas.${a}`)} />
              </Field>
              <Field label={t('findings.filters.barrier')}>
                <CodeSelect codes={BARRIER_KINDS} value={draft.barrier} onChange={(v) => setDraft((f) => ({ ...f, barrier: v }))} emptyLabel={t('findings.filters.all')} label={(b) => t(`findings.barriers.${b}`)} />
              </Field>
            </div>
            <div className={styles.buttons}>
              <Button type="submit" appearance="primary">
                {t('findings.filters.submit')}
              </Button>
              <Button
                type="button"
                onClick={() => {
                  setDraft(NO_FILTERS);
                  setFilters(NO_FILTERS);
                }}
              >
                {t('findings.filters.reset')}
              </Button>
            </div>
          </form>
        </DashboardCard>
      ) : null}

      {overview ? (
        <DashboardCard id="findings-summary" title={t('findings.summary.title')}>
          <FormAlert message={summary.error ? errorText(t, summary.error) : null} />
          {!s && !summary.error ? <Spinner size="small" label={t('findings.summary.loading')} /> : null}
          {s ? (
            <>
              <p role="status" aria-atomic="true">
                {s.total ? t('findings.summary.total', { count: s.total }) : t('findings.summary.none')}
              </p>
              {s.total ? (
                <div className={styles.groups}>
                  <CountTable caption={t('findings.summary.byBarrier')} rows={s.byBarrier.map((c) => [t(`findings.barriers.${c.key}`), c.n])} />
                  <CountTable caption={t('findings.summary.byArea')} rows={s.byArea.map((c) => [t(`lifeAreas.${c.key}`), c.n])} />
                  <CountTable caption={t('findings.summary.byPartnerKind')} rows={s.byPartnerKind.map((c) => [t(`partners.kinds.${c.key}`), c.n])} />
                  <CountTable caption={t('findings.summary.byPartner')} rows={s.byPartner.map((c) => [c.partnerName ?? t('findings.summary.unknownPartner'), c.n])} />
                  <CountTable caption={t('findings.summary.byOffice')} rows={s.byOffice.map((c) => [t(`offices.${c.key}`), c.n])} />
                  <CountTable caption={t('findings.summary.byQuarter')} rows={s.byQuarter.map((c) => [quarterLabel(c.key, language), c.n])} />
                  <CountTable
                    caption={t('findings.summary.areaByBarrier')}
                    rows={s.areaByBarrier.map((c) => [`${t(`lifeAreas.${c.area}`)} – ${t(`findings.barriers.${c.barrier}`)}`, c.n])}
                  />
                </div>
              ) : null}
            </>
          ) : null}
        </DashboardCard>
      ) : null}

      <DashboardCard id="findings-list" title={overview ? t('findings.list.title') : t('findings.list.ownTitle')}>
        <FormAlert message={list.error ? errorText(t, list.error) : null} />
        {rows && rows.length ? (
          <table className={table.table} aria-label={t('findings.list.tableLabel')}>
            <thead>
              <tr>
                {(['month', 'office', 'area', 'barrier', 'partner', 'description', 'actions'] as const).map((c) => (
                  <th key={c} className={table.th} scope="col">
                    {t(`findings.list.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id} data-testid="finding-row">
                  <td className={table.td}>{monthLabel(f.observedIn, language)}</td>
                  <td className={table.td}>{t(`offices.${f.office}`)}</td>
                  <td className={table.td}>{t(`lifeAreas.${f.area}`)}</td>
                  <td className={table.td}>{t(`findings.barriers.${f.barrier}`)}</td>
                  <td className={table.td}>{f.partnerName ?? (f.partnerKind ? t(`partners.kinds.${f.partnerKind}`) : '–')}</td>
                  <td className={`${table.td} ${styles.description}`}>{f.description}</td>
                  <td className={table.td}>
                    <Button size="small" aria-label={t('findings.list.withdrawFor', { month: monthLabel(f.observedIn, language) })} onClick={() => setWithdrawing(f)}>
                      {t('findings.list.withdraw')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : rows ? (
          <p className={styles.muted}>{overview ? t('findings.list.none') : t('findings.list.ownNone')}</p>
        ) : null}
      </DashboardCard>

      {recording ? <FindingDialog onDone={done} onCancel={() => setRecording(false)} /> : null}
      {withdrawing ? (
        <ConfirmNoteDialog
          title={t('findings.list.withdrawTitle')}
          intro={t('findings.list.withdrawIntro')}
          submitLabel={t('findings.list.withdraw')}
          run={async () => {
            await call('findings.withdraw', { id: withdrawing.id, version: withdrawing.version });
            return t('findings.list.withdrawn');
          }}
          onDone={done}
          onCancel={() => setWithdrawing(null)}
        />
      ) : null}
    </div>
  );
}

/** One grouping as an accessible table: what is counted and how often. */
function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  const table = useTableStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <table className={table.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th className={table.th} scope="col">
            {t('findings.summary.key')}
          </th>
          <th className={`${table.th} ${styles.number}`} scope="col">
            {t('findings.summary.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th className={table.td} scope="row">
              {label}
            </th>
            <td className={`${table.td} ${styles.number}`}>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
