import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { displayNameSchema, loginSchema, type Office, type SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { checkField, issuesByField } from '../../api/validation-text';
import { FormAlert } from '../FormAlert';
import { passphraseProblem, usePassphraseAssessment } from '../passphrase-assessment';
import { PassphraseStrengthMeter } from '../PassphraseStrengthMeter';
import { useSetupStyles } from './setup-styles';
import { useStepFocus } from './use-step-focus';

export interface AdminValues {
  login: string;
  name: string;
  passphrase: string;
  repeat: string;
}

type FieldName = keyof AdminValues;
const FIELDS: FieldName[] = ['login', 'name', 'passphrase', 'repeat'];
/** Core input names → form fields, for `validation.invalid` answers. */
const CORE_FIELDS: Record<string, FieldName> = { adminLogin: 'login', adminName: 'name', passphrase: 'passphrase' };
const LOGIN_MESSAGES = { invalid_format: 'validation.loginFormat' };

interface Props {
  office: Office;
  values: AdminValues;
  onChange: (values: AdminValues) => void;
  onBack: () => void;
  onCreated: (result: { recoveryKey: string; user: SessionUser }) => void;
}

/** Step 2: the first administrator; creates the vault on submit. */
export function AdminStep({ office, values, onChange, onBack, onCreated }: Props) {
  const styles = useSetupStyles();
  const { t } = useTranslation();
  const headingRef = useStepFocus<HTMLHeadingElement>();
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});

  const userInputs = useMemo(() => [values.login, values.name, office], [values.login, values.name, office]);
  const assessment = usePassphraseAssessment(values.passphrase, userInputs);

  const clientErrors = useMemo(() => {
    const problem = passphraseProblem(assessment);
    const errors: Partial<Record<FieldName, string>> = {
      login: checkField(t, loginSchema, values.login, LOGIN_MESSAGES) ?? undefined,
      name: checkField(t, displayNameSchema, values.name) ?? undefined,
      passphrase: problem ? t(problem.key, { ...problem }) : undefined,
      repeat: !values.repeat
        ? t('validation.required')
        : values.repeat !== values.passphrase
          ? t('validation.passphraseMismatch')
          : undefined,
    };
    return errors;
  }, [t, values, assessment]);

  // Errors appear from the first submit on, then follow the input live. Not on blur: a message appearing on blur
  // shifts the layout under the pointer, so a click on "Zurück" would land on nothing.
  const shown = (field: FieldName): string | undefined => serverErrors[field] ?? (submitted ? clientErrors[field] : undefined);

  const set = (field: FieldName) => (_: unknown, data: { value: string }) => {
    onChange({ ...values, [field]: data.value });
    setServerErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAlert(null);
    const firstInvalid = FIELDS.find((f) => clientErrors[f]);
    if (firstInvalid) {
      refs.current[firstInvalid]?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await call('vault.setup', {
        office,
        adminLogin: values.login,
        adminName: values.name,
        passphrase: values.passphrase,
      });
      onCreated(result);
    } catch (error) {
      const e = toApiError(error);
      handleRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  function handleRefusal(e: ApiError) {
    if (e.code === 'passphrase.tooWeak') {
      setServerErrors({ passphrase: t('validation.passphraseTooWeak') });
      refs.current.passphrase?.focus();
      return;
    }
    if (e.code === 'validation.invalid') {
      const byCore = issuesByField(t, e.issues, { adminLogin: LOGIN_MESSAGES });
      const mapped: Partial<Record<FieldName, string>> = {};
      for (const [coreField, message] of Object.entries(byCore)) {
        const field = CORE_FIELDS[coreField];
        if (field) mapped[field] = message;
      }
      setServerErrors(mapped);
      const first = FIELDS.find((f) => mapped[f]);
      if (first) refs.current[first]?.focus();
      else setAlert(errorText(t, e));
      return;
    }
    setAlert(errorText(t, e));
  }

  const state = (field: FieldName) => (shown(field) ? 'error' : 'none');

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="setup-admin-heading" aria-busy={busy}>
      <h2 id="setup-admin-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
        {t('setup.admin.heading')}
      </h2>
      <p className={styles.intro}>{t('setup.admin.intro')}</p>
      <FormAlert message={alert} />
      <Field label={t('setup.admin.login')} hint={t('setup.admin.loginHint')} required validationState={state('login')} validationMessage={shown('login')}>
        <Input
          ref={(el) => {
            refs.current.login = el;
          }}
          name="login"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={values.login}
          onChange={set('login')}
        />
      </Field>
      <Field label={t('setup.admin.name')} hint={t('setup.admin.nameHint')} required validationState={state('name')} validationMessage={shown('name')}>
        <Input
          ref={(el) => {
            refs.current.name = el;
          }}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
        />
      </Field>
      <Field
        label={t('setup.admin.passphrase')}
        hint={t('setup.admin.passphraseHint')}
        required
        validationState={state('passphrase')}
        validationMessage={shown('passphrase')}
      >
        <Input
          ref={(el) => {
            refs.current.passphrase = el;
          }}
          name="passphrase"
          type="password"
          autoComplete="new-password"
          value={values.passphrase}
          onChange={set('passphrase')}
        />
      </Field>
      <PassphraseStrengthMeter assessment={assessment} id="setup-strength" />
      <Field label={t('setup.admin.repeat')} required validationState={state('repeat')} validationMessage={shown('repeat')}>
        <Input
          ref={(el) => {
            refs.current.repeat = el;
          }}
          name="repeat"
          type="password"
          autoComplete="new-password"
          value={values.repeat}
          onChange={set('repeat')}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="button" onClick={onBack} disabled={busy}>
          {t('setup.back')}
        </Button>
        <div className={styles.actionsEnd}>
          {busy ? <Spinner size="tiny" label={t('setup.admin.submitting')} /> : null}
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {t('setup.admin.submit')}
          </Button>
        </div>
      </div>
    </form>
  );
}
