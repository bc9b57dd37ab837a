import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  mark: { flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tagline: { fontSize: tokens.fontSizeBase200 },
});

/** The product name with a simple folder mark; decorative SVG, the name is the text. */
export function BrandMark({ inverted = false }: { inverted?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const fg = inverted ? '#ffffff' : tokens.colorBrandForeground1;
  return (
    <div className={styles.root}>
      <svg className={styles.mark} width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
        <path d="M3 7.5A2.5 2.5 0 0 1 5.5 5h5.6l2.4 2.6h9A2.5 2.5 0 0 1 25 10.1v10.4a2.5 2.5 0 0 1-2.5 2.5h-17A2.5 2.5 0 0 1 3 20.5z" fill="none" stroke={fg} strokeWidth="2" />
        <path d="M11 15.2l2.2 2.3 4.4-4.6" fill="none" stroke={fg} strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className={styles.text}>
        <span className={styles.name}>{t('app.name')}</span>
        <span className={styles.tagline}>{t('app.tagline')}</span>
      </span>
    </div>
  );
}
