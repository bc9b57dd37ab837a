import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormAlert, StatusNotice } from '../FormAlert';
import { useSetupStyles } from './setup-styles';
import { useStepFocus } from './use-step-focus';

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

/** Step 3: the recovery key, the only time it is ever shown. */
export function RecoveryKeyStep({ recoveryKey, createdText, onNext }: { recoveryKey: string; createdText: string; onNext: () => void }) {
  const styles = { ...useSetupStyles(), ...useStyles() };
  const { t } = useTranslation();
  const headingRef = useStepFocus<HTMLHeadingElement>();
  const groups = recoveryKey.split('-');

  return (
    <section className={styles.form} aria-labelledby="setup-recovery-heading">
      <h2 id="setup-recovery-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('setup.recovery.heading')}
      </h2>
      <StatusNotice message={createdText} />
      <FormAlert intent="warning" title={t('setup.recovery.onceTitle')} message={t('setup.recovery.once')} />
      <p id="recovery-key-label" className={styles.label}>
        {t('setup.recovery.keyLabel')}
      </p>
      <ol className={styles.keyBox} aria-labelledby="recovery-key-label" data-testid="recovery-key">
        {groups.map((group, i) => (
          <li key={i} className={styles.group}>
            <span className={styles.index} aria-hidden="true">
              {i + 1}
            </span>
            <code className={styles.code}>{group}</code>
          </li>
        ))}
      </ol>
      <p className={styles.intro}>{t('setup.recovery.keepHint')}</p>
      <div className={`${styles.actions} kim-no-print`}>
        <Button type="button" onClick={() => window.print()}>
          {t('setup.recovery.print')}
        </Button>
        <div className={styles.actionsEnd}>
          <Button type="button" appearance="primary" onClick={onNext}>
            {t('setup.next')}
          </Button>
        </div>
      </div>
    </section>
  );
}
