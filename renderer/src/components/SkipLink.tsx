import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { top: tokens.spacingVerticalM },
  },
});

/** First tab stop of every screen: jumps keyboard users past header and navigation (WCAG 2.4.1). */
export function SkipLink({ targetId }: { targetId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <a
      className={styles.link}
      href={`#${targetId}`}
      onClick={(event) => {
        // Focus instead of following the hash: the hash is not a route here, and focus is what users need.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {t('app.skipLink')}
    </a>
  );
}
