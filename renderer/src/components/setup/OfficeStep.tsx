import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICES, type Office } from '../../api/core';
import { useSetupStyles } from './setup-styles';
import { useStepFocus } from './use-step-focus';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column' },
  description: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** `policyOffice`: the office the machine policy sets; then it is chosen and the others cannot be. */
export function OfficeStep({ office, policyOffice, focusHeading, onNext }: { office: Office | null; policyOffice: Office | null; focusHeading: boolean; onNext: (office: Office) => void }) {
  const styles = { ...useSetupStyles(), ...useStyles() };
  const { t } = useTranslation();
  const [value, setValue] = useState<Office | null>(policyOffice ?? office);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useStepFocus<HTMLHeadingElement>(focusHeading);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) {
      setError(t('validation.chooseOne'));
      document.querySelector<HTMLInputElement>('input[name="office"]')?.focus();
      return;
    }
    onNext(value);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="setup-office-heading">
      <h2 id="setup-office-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('setup.office.heading')}
      </h2>
      <Field
        label={t('setup.office.legend')}
        hint={policyOffice ? t('machinePolicy.officeLocked') : t('setup.office.hint')}
        required
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <RadioGroup
          name="office"
          value={value ?? ''}
          onChange={(_, data) => {
            setValue(data.value as Office);
            setError(null);
          }}
        >
          {OFFICES.map((code) => (
            <Radio
              key={code}
              value={code}
              disabled={policyOffice !== null && code !== policyOffice}
              label={
                <span className={styles.option}>
                  <span>{t(`offices.${code}`)}</span>
                  <span className={styles.description}>{t(`officeDescriptions.${code}`)}</span>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <div className={styles.actionsEnd}>
          <Button type="submit" appearance="primary">
            {t('setup.next')}
          </Button>
        </div>
      </div>
    </form>
  );
}
