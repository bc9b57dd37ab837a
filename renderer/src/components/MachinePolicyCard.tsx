import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PolicyEntry, PolicyView } from '../api/core';
import { DashboardCard } from './DashboardCard';
import { useTableStyles } from './table-styles';

const useStyles = makeStyles({
  where: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  value: { overflowWrap: 'anywhere' },
  set: { fontWeight: tokens.fontWeightSemibold },
  rowHead: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, overflowWrap: 'anywhere' },
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The effective machine policy, read-only: each key with its value and whether IT set it (file, registry) or it is the default. */
export function MachinePolicyCard({ policy }: { policy: PolicyView }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();

  const shown = (entry: PolicyEntry): string => {
    const v = entry.value;
    if (v === undefined) return t('machinePolicy.unset');
    if (typeof v === 'boolean') return v ? t('machinePolicy.yes') : t('machinePolicy.no');
    if (Array.isArray(v)) return v.length ? v.map((k) => t(`machinePolicy.exportKinds.${k}`, { defaultValue: k })).join(', ') : t('machinePolicy.none');
    if (entry.key === 'office') return t(`offices.${String(v)}`, { defaultValue: String(v) });
    return String(v);
  };

  return (
    <DashboardCard id="machine-policy" title={t('machinePolicy.title')} description={t('machinePolicy.intro')}>
      <p className={styles.where}>{t('machinePolicy.where', { file: policy.file })}</p>
      {policy.registryKey ? <p className={styles.where}>{t('machinePolicy.whereRegistry', { key: policy.registryKey })}</p> : null}
      <table className={table.table}>
        <caption className={styles.caption}>{t('machinePolicy.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('machinePolicy.columns.key')}</th>
            <th scope="col" className={table.th}>{t('machinePolicy.columns.value')}</th>
            <th scope="col" className={table.th}>{t('machinePolicy.columns.source')}</th>
          </tr>
        </thead>
        <tbody>
          {policy.entries.map((entry) => (
            <tr key={entry.key} data-policy-key={entry.key}>
              <th scope="row" className={`${table.td} ${styles.rowHead}`}>
                {t(`machinePolicy.keys.${entry.key}`)}
              </th>
              <td className={`${table.td} ${styles.value}`}>{shown(entry)}</td>
              <td className={`${table.td} ${entry.source === 'default' ? '' : styles.set}`}>{t(`machinePolicy.sources.${entry.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DashboardCard>
  );
}
