import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { StatisticsTable } from '../../api/core';

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '720px', height: 'auto', display: 'block' },
  bar: { fill: tokens.colorBrandBackground },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase, fontVariantNumeric: 'tabular-nums' },
});

const WIDTH = 720;
const LABEL = 300;
const ROW = 28;

/**
 * A horizontal bar chart of a one-column table, drawn as SVG with attributes and classes only (no inline style,
 * which the app's CSP forbids; no chart library needed for bars). Suppressed values get no bar, only their sign. The
 * chart is one image for screen readers: the table below it carries the values.
 */
export function BarChart({ table }: { table: StatisticsTable }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const values = table.cells.map((row) => row[0]!);
  const max = Math.max(1, ...values.map((v) => (typeof v === 'number' ? v : 0)));
  const height = table.rows.length * ROW + 8;
  const span = WIDTH - LABEL - 70;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('statistics.table.chartOf', { title: table.title })} data-testid={`statistics-chart-${table.id}`}>
      {table.rows.map((r, i) => {
        const v = values[i]!;
        const y = 4 + i * ROW;
        const w = typeof v === 'number' ? Math.round((v / max) * span) : 0;
        const text = typeof v === 'number' ? v.toLocaleString(i18n.language === 'de' ? 'de-DE' : 'en-GB') : v === '<5' ? '< 5' : 'x';
        return (
          <g key={r.key} aria-hidden="true">
            <text className={styles.label} x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {r.label.length > 40 ? `${r.label.slice(0, 38)}…` : r.label}
            </text>
            {w > 0 ? <rect className={styles.bar} x={LABEL} y={y + 4} width={w} height={ROW - 10} rx={2} /> : null}
            <text className={styles.value} x={LABEL + w + 6} y={y + ROW / 2 + 4}>
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
