import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, SessionUser } from '../api/core';
import { CenteredShell } from '../components/CenteredShell';
import { AdminStep, type AdminValues } from '../components/setup/AdminStep';
import { ConfirmStep } from '../components/setup/ConfirmStep';
import { OfficeStep } from '../components/setup/OfficeStep';
import { preloadPassphrasePolicy } from '../components/passphrase-assessment';
import { RecoveryKeyStep } from '../components/setup/RecoveryKeyStep';

const STEPS = ['office', 'admin', 'recovery', 'confirm'] as const;
type Step = (typeof STEPS)[number];

const useStyles = makeStyles({
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: `${tokens.spacingVerticalS} 0 0`, color: tokens.colorNeutralForeground2 },
  steps: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXL}`,
    padding: 0,
    listStyleType: 'none',
  },
  step: {
    flex: '1 1 0',
    paddingTop: tokens.spacingVerticalS,
    borderTop: `4px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  done: { borderTopColor: tokens.colorBrandStroke2, color: tokens.colorNeutralForeground2 },
  current: { borderTopColor: tokens.colorBrandBackground, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

const EMPTY_ADMIN: AdminValues = { login: '', name: '', passphrase: '', repeat: '' };

/** First-run wizard: office → first administrator (creates the vault) → recovery key → confirmation. */
export function SetupPage({ policyOffice = null, onVaultCreated, onFinished }: { policyOffice?: Office | null; onVaultCreated: () => void; onFinished: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('office');
  const [office, setOffice] = useState<Office | null>(null);
  const [admin, setAdmin] = useState<AdminValues>(EMPTY_ADMIN);
  const [created, setCreated] = useState<{ recoveryKey: string; user: SessionUser } | null>(null);
  const index = STEPS.indexOf(step);
  // The administrator step rates the passphrase with zxcvbn: fetch it while the office is being chosen.
  useEffect(() => {
    void preloadPassphrasePolicy();
  }, []);

  return (
    <CenteredShell width={640}>
      <h1 className={styles.h1}>{t('setup.title')}</h1>
      {step === 'office' ? <p className={styles.intro}>{t('setup.intro')}</p> : null}
      <ol className={styles.steps} aria-label={t('setup.progressLabel')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={`${styles.step} ${i < index ? styles.done : ''} ${i === index ? styles.current : ''}`}
            aria-current={i === index ? 'step' : undefined}
          >
            {t('setup.stepOf', { current: i + 1, total: STEPS.length })}: {t(`setup.steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'office' ? (
        <OfficeStep
          office={office}
          policyOffice={policyOffice}
          focusHeading={office !== null}
          onNext={(o) => {
            setOffice(o);
            setStep('admin');
          }}
        />
      ) : null}
      {step === 'admin' && office ? (
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
        <AdminStep
          office={office}
          values={admin}
          onChange={setAdmin}
          onBack={() => setStep('office')}
          onCreated={(result) => {
            // The passphrase has done its job; it must not linger in component state.
            setAdmin(EMPTY_ADMIN);
            setCreated(result);
            onVaultCreated();
            setStep('recovery');
          }}
        />
        </Suspense>
      ) : null}
      {step === 'recovery' && created && office ? (
        <RecoveryKeyStep
          recoveryKey={created.recoveryKey}
          createdText={t('setup.recovery.created', { office: t(`offices.${office}`), name: created.user.displayName })}
          onNext={() => setStep('confirm')}
        />
      ) : null}
      {step === 'confirm' && created ? (
        <ConfirmStep
          recoveryKey={created.recoveryKey}
          onBack={() => setStep('recovery')}
          onConfirmed={() => {
            setCreated(null);
            onFinished();
          }}
        />
      ) : null}
    </CenteredShell>
  );
}
