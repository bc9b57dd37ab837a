import { Field, Input } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { loginSchema } from '../../api/core';
import { errorText } from '../../api/error-text';
import { checkField, issuesByField } from '../../api/validation-text';
import { passphraseProblem, usePassphraseAssessment } from '../passphrase-assessment';
import { PassphraseStrengthMeter } from '../PassphraseStrengthMeter';
import { FormDialog } from '../FormDialog';

type FieldName = 'key' | 'login' | 'next' | 'repeat';
const CORE_FIELDS: Record<string, FieldName> = { recoveryKey: 'key', login: 'login', newPassphrase: 'next' };

/** 64 hex digits once dashes and spaces are gone: what the core's parser accepts. */
function keyLooksValid(text: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(text.replace(/[\s-]/g, ''));
}

/**
 * From the lock screen, without anyone signed in: IT opens the vault with the recovery key from the safe and gives
 * an active account a new passphrase (session.recoveryReset). Nothing is kept: the fields live only in this dialog.
 */
export function RecoveryResetDialog({ onDone, onCancel }: { onDone: (login: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FieldName, string>>({ key: '', login: '', next: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});

  const login = values.login.trim().toLowerCase();
  const userInputs = useMemo(() => [login], [login]);
  const assessment = usePassphraseAssessment(values.next, userInputs);
  const problem = passphraseProblem(assessment);
  const clientErrors: Partial<Record<FieldName, string>> = {
    key: !values.key.trim() ? t('validation.required') : keyLooksValid(values.key) ? undefined : t('recoveryReset.keyFormat'),
    login: checkField(t, loginSchema, values.login, { invalid_format: 'validation.loginFormat' }) ?? undefined,
    next: problem ? t(problem.key, { minimum: problem.minimum }) : undefined,
    repeat: !values.repeat ? t('validation.required') : values.repeat !== values.next ? t('validation.passphraseMismatch') : undefined,
  };
  const shown = (f: FieldName) => serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);

  const fail = (field: FieldName, message: string) => {
    setServerErrors({ [field]: message });
    refs.current[field]?.focus();
  };

  const submit = async () => {
    setSubmitted(true);
    setAlert(null);
    const first = (['key', 'login', 'next', 'repeat'] as const).find((f) => clientErrors[f]);
    if (first) return refs.current[first]?.focus();
    setBusy(true);
    try {
      await call('session.recoveryReset', { recoveryKey: values.key, login, newPassphrase: values.next });
      setBusy(false);
      onDone(login);
    } catch (error) {
      setBusy(false);
      const e = toApiError(error);
      if (e.code === 'recoveryKey.invalid') fail('key', errorText(t, e));
      else if (e.code === 'record.notFound') fail('login', t('recoveryReset.noAccount'));
      else if (e.code === 'passphrase.tooWeak') fail('next', t('validation.passphraseTooWeak'));
      else if (e.code === 'validation.invalid') {
        const mapped: Partial<Record<FieldName, string>> = {};
        for (const [k, m] of Object.entries(issuesByField(t, e.issues))) if (CORE_FIELDS[k]) mapped[CORE_FIELDS[k]] = m;
        setServerErrors(mapped);
        setAlert(errorText(t, e));
      } else setAlert(errorText(t, e));
    }
  };

  const field = (name: FieldName, label: string, props: { type?: string; autoComplete: string; hint?: string }) => (
    <Field label={label} hint={props.hint} required validationState={shown(name) ? 'error' : 'none'} validationMessage={shown(name)}>
      <Input
        ref={(el) => {
          refs.current[name] = el;
        }}
        type={props.type === 'password' ? 'password' : 'text'}
        name={name}
        autoComplete={props.autoComplete}
        spellCheck={false}
        autoCapitalize="none"
        value={values[name]}
        onChange={(_, d) => {
          setValues((v) => ({ ...v, [name]: d.value }));
          setServerErrors((e) => ({ ...e, [name]: undefined }));
        }}
      />
    </Field>
  );

  return (
    <FormDialog
      title={t('recoveryReset.title')}
      intro={t('recoveryReset.intro')}
      alert={alert}
      busy={busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('recoveryReset.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {field('key', t('recoveryReset.key'), { autoComplete: 'off', hint: t('recoveryReset.keyHint') })}
      {field('login', t('recoveryReset.login'), { autoComplete: 'off' })}
      {field('next', t('recoveryReset.next'), { type: 'password', autoComplete: 'new-password', hint: t('recoveryReset.nextHint') })}
      <PassphraseStrengthMeter assessment={assessment} id="recovery-strength" />
      {field('repeat', t('recoveryReset.repeat'), { type: 'password', autoComplete: 'new-password' })}
    </FormDialog>
  );
}
