import { Field, Input } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import type { SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { issuesByField } from '../api/validation-text';
import { FormDialog } from './FormDialog';
import { passphraseProblem, usePassphraseAssessment } from './passphrase-assessment';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';

type FieldName = 'current' | 'next' | 'repeat';
const EMPTY: Record<FieldName, string> = { current: '', next: '', repeat: '' };
const CORE_FIELDS: Record<string, FieldName> = { currentPassphrase: 'current', newPassphrase: 'next' };

interface Props {
  open: boolean;
  user: SessionUser;
  onClose: (changed: boolean) => void;
}

/**
 * Re-wraps the user's key under a new passphrase. Deliberately no draft: passphrases are never stored, and the
 * fields are emptied whenever the dialog closes.
 */
export function ChangePassphraseDialog({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});

  const userInputs = useMemo(() => [user.login, user.displayName, user.office], [user]);
  const assessment = usePassphraseAssessment(values.next, userInputs);

  const problem = passphraseProblem(assessment);
  const clientErrors: Partial<Record<FieldName, string>> = {
    current: values.current ? undefined : t('validation.required'),
    next: problem
      ? t(problem.key, { minimum: problem.minimum })
      : values.next === values.current
        ? t('validation.passphraseUnchanged')
        : undefined,
    repeat: !values.repeat ? t('validation.required') : values.repeat !== values.next ? t('validation.passphraseMismatch') : undefined,
  };

  const shown = (f: FieldName) => serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);

  const close = (changed: boolean) => {
    setValues(EMPTY);
    setSubmitted(false);
    setServerErrors({});
    setAlert(null);
    onClose(changed);
  };

  const submit = async () => {
    setSubmitted(true);
    setAlert(null);
    const first = (['current', 'next', 'repeat'] as const).find((f) => clientErrors[f]);
    if (first) return refs.current[first]?.focus();
    setBusy(true);
    try {
      await call('session.changePassphrase', { currentPassphrase: values.current, newPassphrase: values.next });
      setBusy(false);
      close(true);
    } catch (error) {
      setBusy(false);
      const e = toApiError(error);
      if (e.code === 'passphrase.wrongCurrent') {
        setValues((v) => ({ ...v, current: '' }));
        setServerErrors({ current: errorText(t, e) });
        refs.current.current?.focus();
      } else if (e.code === 'passphrase.tooWeak') {
        setServerErrors({ next: t('validation.passphraseTooWeak') });
        refs.current.next?.focus();
      } else if (e.code === 'validation.invalid') {
        const mapped: Partial<Record<FieldName, string>> = {};
        for (const [k, m] of Object.entries(issuesByField(t, e.issues))) {
          const f = CORE_FIELDS[k];
          if (f) mapped[f] = m;
        }
        setServerErrors(mapped);
        setAlert(errorText(t, e));
      } else {
        setAlert(errorText(t, e));
      }
    }
  };

  const field = (name: FieldName, label: string, autoComplete: string, hint?: string) => (
    <Field label={label} hint={hint} required validationState={shown(name) ? 'error' : 'none'} validationMessage={shown(name)}>
      <Input
        ref={(el) => {
          refs.current[name] = el;
        }}
        type="password"
        name={name}
        autoComplete={autoComplete}
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
      open={open}
      title={t('changePassphrase.title')}
      intro={t('changePassphrase.intro')}
      alert={alert}
      busy={busy}
      busyLabel={t('changePassphrase.submitting')}
      submitLabel={t('changePassphrase.submit')}
      cancelLabel={t('changePassphrase.cancel')}
      onSubmit={submit}
      onCancel={() => close(false)}
    >
      {field('current', t('changePassphrase.current'), 'current-password')}
      {field('next', t('changePassphrase.next'), 'new-password', t('changePassphrase.nextHint'))}
      <PassphraseStrengthMeter assessment={assessment} id="change-strength" />
      {field('repeat', t('changePassphrase.repeat'), 'new-password')}
    </FormDialog>
  );
}
