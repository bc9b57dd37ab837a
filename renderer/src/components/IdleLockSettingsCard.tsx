import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { settingsUpdateInput } from '../api/core';
import { errorText } from '../api/error-text';
import { DashboardCard } from './DashboardCard';
import { FormAlert, StatusNotice } from './FormAlert';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  input: { width: '8em' },
});

const MIN = 1;
/** The form's own upper bound (settingsUpdateInput); the machine policy may allow less. */
const FORM_MAX = 120;

/**
 * Admin-only: minutes of inactivity before the workstation locks itself, within the machine policy's maximum; when
 * the policy fixes the value (lock.idleMinutes), shown read-only with the reason.
 */
export function IdleLockSettingsCard({ onSaved }: { onSaved: (minutes: number) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [maximum, setMaximum] = useState(FORM_MAX);
  const [fixed, setFixed] = useState(false);
  const inputId = useId();
  const lockedId = useId();

  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setMaximum(s.maxIdleLockMinutes);
        setFixed(s.idleLockFixed);
        // Input typed before the answer arrived wins over the loaded value, unless IT fixed it.
        setValue((v) => (v === '' || s.idleLockFixed ? String(s.idleLockMinutes) : v));
      },
      (e: unknown) => setAlert(errorText(t, e)),
    );
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setAlert(null);
    const minutes = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (fixed) return;
    if (!settingsUpdateInput.safeParse({ idleLockMinutes: minutes }).success || minutes > maximum) {
      setFieldError(t('validation.wholeNumberRange', { minimum: MIN, maximum }));
      document.getElementById(inputId)?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const result = await call('settings.update', { idleLockMinutes: minutes });
      setSaved(t('settings.saved', { count: result.idleLockMinutes }));
      onSaved(result.idleLockMinutes);
    } catch (error) {
      setAlert(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DashboardCard id="idle-lock" title={t('settings.title')} description={t('settings.intro')}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormAlert message={alert} />
        <div className={styles.row}>
          <Field
            label={t('settings.idleMinutes')}
            hint={
              fixed
                ? { id: lockedId, children: t('machinePolicy.lockedHint') }
                : maximum < FORM_MAX
                  ? t('machinePolicy.idleCapPolicyHint', { maximum })
                  : t('settings.idleMinutesHint')
            }
            validationState={fieldError ? 'error' : 'none'}
            validationMessage={fieldError}
          >
            <Input
              id={inputId}
              className={styles.input}
              type="number"
              inputMode="numeric"
              min={MIN}
              max={maximum}
              readOnly={fixed}
              step={1}
              name="idleLockMinutes"
              value={value}
              onChange={(_, d) => {
                setValue(d.value);
                setFieldError(null);
                setSaved(null);
              }}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={busy || fixed} aria-describedby={fixed ? lockedId : undefined}>
            {busy ? t('settings.saving') : t('settings.save')}
          </Button>
        </div>
        <StatusNotice message={saved} />
      </form>
    </DashboardCard>
  );
}
