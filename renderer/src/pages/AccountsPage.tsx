import { Button, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import { displayNameSchema, loginSchema, ROLES, type Role, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { checkField, issuesByField } from '../api/validation-text';
import { useLoad } from '../app/use-load';
import { DashboardCard } from '../components/DashboardCard';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { assessPassphrase, passphraseProblem } from '../components/passphrase-assessment';
import { PassphraseStrengthMeter } from '../components/PassphraseStrengthMeter';
import { formatDate } from '../format/date';
import { useTableStyles } from '../components/table-styles';

const useStyles = makeStyles({
  page: { maxWidth: '1200px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type FieldName = 'login' | 'displayName' | 'role' | 'passphrase' | 'repeat';
const EMPTY = { login: '', displayName: '', role: 'fallmanagement' as Role, passphrase: '', repeat: '' };
const LOGIN_MESSAGES = { invalid_format: 'validation.loginFormat' };

/**
 * "Benutzerkonten" for IT administrators: who has an account, and a new account with an initial passphrase. The
 * full account administration (reset, deactivate, office scope) comes with the access issue.
 */
export function AccountsPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const accounts = useLoad(() => call('accounts.list', {}), []);
  const [values, setValues] = useState(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  const userInputs = useMemo(() => [values.login, values.displayName, user.office], [values.login, values.displayName, user.office]);
  const assessment = useMemo(() => assessPassphrase(values.passphrase, userInputs), [values.passphrase, userInputs]);
  const problem = passphraseProblem(assessment);
  const clientErrors: Partial<Record<FieldName, string>> = {
    login: checkField(t, loginSchema, values.login, LOGIN_MESSAGES) ?? undefined,
    displayName: checkField(t, displayNameSchema, values.displayName) ?? undefined,
    passphrase: problem ? t(problem.key, { minimum: problem.minimum }) : undefined,
    repeat: !values.repeat ? t('validation.required') : values.repeat !== values.passphrase ? t('validation.passphraseMismatch') : undefined,
  };
  const shown = (f: FieldName) => serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
  const set = (f: FieldName) => (_: unknown, d: { value: string }) => {
    setValues((v) => ({ ...v, [f]: d.value }));
    setServerErrors((e) => ({ ...e, [f]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAlert(null);
    setNotice(null);
    const first = (['login', 'displayName', 'passphrase', 'repeat'] as const).find((f) => clientErrors[f]);
    if (first) return refs.current[first]?.focus();
    setBusy(true);
    try {
      const created = await call('accounts.create', { login: values.login, displayName: values.displayName, role: values.role, passphrase: values.passphrase });
      setValues(EMPTY);
      setSubmitted(false);
      setNotice(t('accounts.created', { name: created.displayName, login: created.login, role: t(`roles.${created.role}`) }));
      accounts.reload();
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'account.loginTaken') {
        setServerErrors({ login: errorText(t, e) });
        refs.current.login?.focus();
      } else if (e.code === 'passphrase.tooWeak') {
        setServerErrors({ passphrase: t('validation.passphraseTooWeak') });
      } else if (e.code === 'validation.invalid') {
        setServerErrors(issuesByField(t, e.issues, { login: LOGIN_MESSAGES }));
        setAlert(errorText(t, e));
      } else setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const state = (f: FieldName) => (shown(f) ? 'error' : 'none');

  return (
    <div className={styles.page}>
      <PageHeader title={t('accounts.title')} lead={t('accounts.lead')} />
      <StatusNotice message={notice} />
      <div className={styles.grid}>
        <DashboardCard id="account-list" title={t('accounts.listTitle')}>
          <FormAlert message={accounts.error ? errorText(t, accounts.error) : null} />
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>{t('accounts.name')}</th>
                <th scope="col" className={table.th}>{t('accounts.login')}</th>
                <th scope="col" className={table.th}>{t('accounts.role')}</th>
                <th scope="col" className={table.th}>{t('accounts.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {(accounts.data ?? []).map((a) => (
                <tr key={a.id}>
                  <td className={table.td}>{a.displayName}</td>
                  <td className={table.td}>{a.login}</td>
                  <td className={table.td}>{t(`roles.${a.role}`)}</td>
                  <td className={table.td}>{a.lastLoginAt ? formatDate(a.lastLoginAt) : t('accounts.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DashboardCard>
        <DashboardCard id="account-new" title={t('accounts.newTitle')} description={t('accounts.newHint')}>
          <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="account-new-title">
            <FormAlert message={alert} />
            <Field label={t('accounts.login')} hint={t('setup.admin.loginHint')} required validationState={state('login')} validationMessage={shown('login')}>
              <Input ref={(el) => void (refs.current.login = el)} name="login" autoComplete="off" spellCheck={false} value={values.login} onChange={set('login')} />
            </Field>
            <Field label={t('accounts.displayName')} required validationState={state('displayName')} validationMessage={shown('displayName')}>
              <Input ref={(el) => void (refs.current.displayName = el)} name="displayName" autoComplete="off" value={values.displayName} onChange={set('displayName')} />
            </Field>
            <Field label={t('accounts.role')} required>
              <Select ref={(el) => void (refs.current.role = el)} name="role" value={values.role} onChange={(_, d) => setValues((v) => ({ ...v, role: d.value as Role }))}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('accounts.initialPassphrase')} hint={t('accounts.initialPassphraseHint')} required validationState={state('passphrase')} validationMessage={shown('passphrase')}>
              <Input ref={(el) => void (refs.current.passphrase = el)} type="password" name="passphrase" autoComplete="new-password" value={values.passphrase} onChange={set('passphrase')} />
            </Field>
            <PassphraseStrengthMeter assessment={assessment} id="account-strength" />
            <Field label={t('accounts.repeat')} required validationState={state('repeat')} validationMessage={shown('repeat')}>
              <Input ref={(el) => void (refs.current.repeat = el)} type="password" name="repeat" autoComplete="new-password" value={values.repeat} onChange={set('repeat')} />
            </Field>
            <div className={styles.actions}>
              {busy ? <Spinner size="tiny" label={t('accounts.creating')} /> : null}
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('accounts.create')}
              </Button>
            </div>
          </form>
        </DashboardCard>
      </div>
    </div>
  );
}
