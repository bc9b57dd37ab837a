import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormAlert, StatusNotice } from '../FormAlert';
import { RecoveryKeyGroups } from '../RecoveryKeyGroups';
import { useSetupStyles } from './setup-styles';
import { useStepFocus } from './use-step-focus';

/** Step 3: the recovery key, the only time it is ever shown. */
export function RecoveryKeyStep({ recoveryKey, createdText, onNext }: { recoveryKey: string; createdText: string; onNext: () => void }) {
  const styles = useSetupStyles();
  const { t } = useTranslation();
  const headingRef = useStepFocus<HTMLHeadingElement>();

  return (
    <section className={styles.form} aria-labelledby="setup-recovery-heading">
      <h2 id="setup-recovery-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('setup.recovery.heading')}
      </h2>
      <StatusNotice message={createdText} />
      <FormAlert intent="warning" title={t('setup.recovery.onceTitle')} message={t('setup.recovery.once')} />
      <RecoveryKeyGroups recoveryKey={recoveryKey} label={t('setup.recovery.keyLabel')} labelId="recovery-key-label" />
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
