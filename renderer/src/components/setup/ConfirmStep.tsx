import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStyles } from './setup-styles';
import { useStepFocus } from './use-step-focus';

const useStyles = makeStyles({
  groupInput: { maxWidth: '14em', fontFamily: tokens.fontFamilyMonospace },
});

/** Step 4: proves the key was written down (its last group) before the key leaves the screen for good. */
export function ConfirmStep({ recoveryKey, onBack, onConfirmed }: { recoveryKey: string; onBack: () => void; onConfirmed: () => void }) {
  const styles = { ...useSetupStyles(), ...useStyles() };
  const { t } = useTranslation();
  const headingRef = useStepFocus<HTMLHeadingElement>();
  const [group, setGroup] = useState('');
  const [stored, setStored] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const groupRef = useRef<HTMLInputElement>(null);
  const checkRef = useRef<HTMLInputElement>(null);

  const expected = (recoveryKey.split('-').at(-1) ?? '').toUpperCase();
  const typed = group.trim().replace(/^-+/, '').toUpperCase();
  const groupError = !typed ? t('validation.required') : typed !== expected ? t('setup.confirm.lastGroupWrong') : null;
  const checkError = stored ? null : t('setup.confirm.checkboxRequired');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (groupError) return groupRef.current?.focus();
    if (checkError) return checkRef.current?.focus();
    onConfirmed();
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="setup-confirm-heading">
      <h2 id="setup-confirm-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('setup.confirm.heading')}
      </h2>
      <p className={styles.intro}>{t('setup.confirm.intro')}</p>
      <Field
        label={t('setup.confirm.lastGroup')}
        hint={t('setup.confirm.lastGroupHint')}
        required
        validationState={submitted && groupError ? 'error' : 'none'}
        validationMessage={submitted ? groupError : null}
      >
        <Input
          ref={groupRef}
          name="lastGroup"
          className={styles.groupInput}
          value={group}
          maxLength={9}
          autoComplete="off"
          spellCheck={false}
          onChange={(_, d) => setGroup(d.value)}
        />
      </Field>
      <Field validationState={submitted && checkError ? 'error' : 'none'} validationMessage={submitted ? checkError : null}>
        <Checkbox ref={checkRef} checked={stored} onChange={(_, d) => setStored(d.checked === true)} label={t('setup.confirm.checkbox')} />
      </Field>
      <div className={styles.actions}>
        <Button type="button" onClick={onBack}>
          {t('setup.confirm.showKeyAgain')}
        </Button>
        <div className={styles.actionsEnd}>
          <Button type="submit" appearance="primary">
            {t('setup.confirm.finish')}
          </Button>
        </div>
      </div>
    </form>
  );
}
