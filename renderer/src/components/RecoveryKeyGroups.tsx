import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  keyBox: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    listStyleType: 'none',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  index: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase400,
    letterSpacing: '0.08em',
    fontWeight: tokens.fontWeightSemibold,
  },
  label: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/**
 * A recovery key as numbered groups of eight characters, easy to copy by hand and to read aloud: shown once at
 * setup and once after re-keying, never again.
 */
export function RecoveryKeyGroups({ recoveryKey, label, labelId }: { recoveryKey: string; label: string; labelId: string }) {
  const styles = useStyles();
  return (
    <>
      <p id={labelId} className={styles.label}>
        {label}
      </p>
      <ol className={styles.keyBox} aria-labelledby={labelId} data-testid="recovery-key">
        {recoveryKey.split('-').map((group, i) => (
          <li key={i} className={styles.group}>
            <span className={styles.index} aria-hidden="true">
              {i + 1}
            </span>
            <code className={styles.code}>{group}</code>
          </li>
        ))}
      </ol>
    </>
  );
}
