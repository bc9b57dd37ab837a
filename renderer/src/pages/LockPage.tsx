import { Button, Field, Input, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import { loginSchema, type LockReason, type Office } from '../api/core';
import { errorText } from '../api/error-text';
import { checkField } from '../api/validation-text';
import { CenteredShell } from '../components/CenteredShell';
import { FormAlert, StatusNotice } from '../components/FormAlert';

// Loaded on first open, with its strength meter (zxcvbn): the lock screen does not wait for either.
const RecoveryResetDialog = lazy(() => import('../components/accounts/RecoveryResetDialog').then((m) => ({ default: m.RecoveryResetDialog })));

const useStyles = makeStyles({
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  office: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase400, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  footnote: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  recovery: { alignSelf: 'flex-start', fontSize: tokens.fontSizeBase200 },
});

interface Props {
  office: Office | null;
  appVersion: string;
  lockReason: LockReason | null;
  onUnlocked: () => void;
}

/**
 * The lock screen: personal login and passphrase; wrong attempts are throttled by the core. IT can reset a forgotten
 * passphrase here with the recovery key when no other administrator is available.
 */
export function LockPage({ office, appVersion, lockReason, onUnlocked }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [loginError, setLoginError] = useState<string | null>(null);
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const recoveryRef = useRef<HTMLButtonElement>(null);
  const loginRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loginRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const lErr = checkField(t, loginSchema, login, { invalid_format: 'validation.loginFormat' });
    const pErr = passphrase ? null : t('validation.required');
    setLoginError(lErr);
    setPassphraseError(pErr);
    if (lErr) return loginRef.current?.focus();
    if (pErr) return passphraseRef.current?.focus();
    setBusy(true);
    setAlert(null);
    try {
      await call('session.unlock', { login, passphrase });
      setPassphrase('');
      onUnlocked();
    } catch (error) {
      const e = toApiError(error);
      // Never keep a wrong passphrase around; the user types it fresh, focus goes where the typing happens.
      setPassphrase('');
      setAlert(errorText(t, e));
      setBusy(false);
      passphraseRef.current?.focus();
    }
  };

  return (
    <CenteredShell aside={t('app.version', { version: appVersion })}>
      <h1 className={styles.h1}>{t('lock.title')}</h1>
      <p className={styles.office}>{office ? t('lock.office', { office: t(`offices.${office}`) }) : t('lock.officeUnknown')}</p>
      <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy}>
        {lockReason && !notice ? <StatusNotice intent="info" message={t(`lockReasons.${lockReason}`)} /> : null}
        <StatusNotice message={notice} />
        <p className={styles.intro}>{t('lock.intro')}</p>
        <FormAlert message={alert} />
        <Field label={t('lock.login')} required validationState={loginError ? 'error' : 'none'} validationMessage={loginError}>
          <Input
            ref={loginRef}
            name="login"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            value={login}
            onChange={(_, d) => {
              setLogin(d.value);
              setLoginError(null);
            }}
          />
        </Field>
        <Field label={t('lock.passphrase')} required validationState={passphraseError ? 'error' : 'none'} validationMessage={passphraseError}>
          <Input
            ref={passphraseRef}
            name="passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(_, d) => {
              setPassphrase(d.value);
              setPassphraseError(null);
            }}
          />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {t('lock.submit')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('lock.submitting')} /> : null}
        </div>
        <p className={styles.footnote}>{t('lock.forgotten')}</p>
        <Link as="button" type="button" ref={recoveryRef} className={styles.recovery} onClick={() => setRecoveryOpen(true)}>
          {t('recoveryReset.open')}
        </Link>
      </form>
      {recoveryOpen ? (
        <Suspense fallback={null}>
        <RecoveryResetDialog
          onCancel={() => {
            setRecoveryOpen(false);
            window.setTimeout(() => recoveryRef.current?.focus(), 0);
          }}
          onDone={(resetLogin) => {
            setRecoveryOpen(false);
            setAlert(null);
            setNotice(t('recoveryReset.done', { login: resetLogin }));
            setLogin(resetLogin);
            setLoginError(null);
            setPassphrase('');
            window.setTimeout(() => passphraseRef.current?.focus(), 0);
          }}
        />
        </Suspense>
      ) : null}
    </CenteredShell>
  );
}
