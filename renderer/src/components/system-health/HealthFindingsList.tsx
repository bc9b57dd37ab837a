import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { HealthFinding } from '../../api/core';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  critical: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  code: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const BADGE = { critical: 'danger', warning: 'warning', info: 'informative' } as const;

/** The findings, most severe first, each with its German message, its fix and the English code for support. */
export function HealthFindingsList({ findings }: { findings: HealthFinding[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const order = { critical: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className={styles.list} data-testid="health-findings">
      {sorted.map((f) => (
        <li key={`${f.check}-${f.code}`} className={`${styles.item} ${f.severity === 'critical' ? styles.critical : f.severity === 'warning' ? styles.warning : ''}`}>
          <div className={styles.head}>
            <Badge appearance="filled" color={BADGE[f.severity]}>
              {t(`systemHealth.severity.${f.severity}`)}
            </Badge>
            <h3 className={styles.title}>{t(`systemHealth.checks.${f.check}`)}</h3>
          </div>
          <p className={styles.text}>{t(`systemHealth.findings.${f.code}.message`, { ...f.params })}</p>
          <p className={styles.text}>
            <strong>{t('systemHealth.fixLabel')}</strong> {t(`systemHealth.findings.${f.code}.fix`)}
          </p>
          <p className={styles.code}>
            {t('systemHealth.codeLabel')} <code>{f.code}</code>
          </p>
        </li>
      ))}
    </ul>
  );
}
