import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { rekeyInput, type RekeyResult } from '../../api/core';
import { useSchemaForm } from '../../forms/use-schema-form';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import { FormDialog } from '../FormDialog';
import { RecoveryKeyGroups } from '../RecoveryKeyGroups';
import { adminFailure } from './admin-failure';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';

const useStyles = makeStyles({
  cardActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  text: { margin: 0, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  groupInput: { maxWidth: '14em', fontFamily: tokens.fontFamilyMonospace },
  surface: { maxWidth: '680px' },
});

/**
 * "Datenbankschlüssel" on the accounts page: re-keying the vault on request, and offered after an account was
 * disabled (a former colleague may still hold a copy of the key file). Owns the dialog; `onRekeyed` gets the
 * page notice once the new recovery key has been confirmed as stored.
 */
export function VaultKeyCard({
  offerFor,
  onOfferDismissed,
  onRekeyed,
}: {
  /** Login of the account just disabled: shows the offer to re-key. */
  offerFor: string | null;
  onOfferDismissed: () => void;
  /** Re-keying succeeded (the account list may have changed); the message is for the page's notice. */
  onRekeyed: (message: string) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const offerButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<'card' | 'offer'>('card');

  const openDialog = (from: 'card' | 'offer') => {
    opener.current = from;
    setOpen(true);
  };
  const close = (result: RekeyResult | null) => {
    setOpen(false);
    if (result) {
      onOfferDismissed();
      onRekeyed(
        result.accountsWithoutAccess > 0
          ? t('vaultKey.pageDoneWithoutAccess', { count: result.accountsWithoutAccess })
          : t('vaultKey.pageDone'),
      );
    }
    // The dialog was mounted only while open: focus goes back to what opened it (the offer is gone after success).
    window.setTimeout(() => (result || opener.current === 'card' ? openButton.current : (offerButton.current ?? openButton.current))?.focus(), 0);
  };

  return (
    <DashboardCard id="vault-key" title={t('vaultKey.card.title')} description={t('vaultKey.card.description')}>
      <div role="status" aria-atomic="true">
        {offerFor ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('vaultKey.offer.title')}</MessageBarTitle>
              {t('vaultKey.offer.text')}
            </MessageBarBody>
            <MessageBarActions>
              <Button ref={offerButton} appearance="primary" onClick={() => openDialog('offer')}>
                {t('vaultKey.offer.open')}
              </Button>
              <Button
                onClick={() => {
                  onOfferDismissed();
                  openButton.current?.focus();
                }}
              >
                {t('vaultKey.offer.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.cardActions}>
        <Button ref={openButton} onClick={() => openDialog('card')}>
          {t('vaultKey.card.open')}
        </Button>
      </div>
      {open ? <VaultRekeyDialog onClose={close} /> : null}
    </DashboardCard>
  );
}

/**
 * Asks for the administrator's own passphrase, re-keys, then shows the new recovery key once (and asks for proof
 * it was written down, as at setup). Cannot be dismissed while the key is shown: it would be lost for good.
 */
export function VaultRekeyDialog({ onClose }: { onClose: (result: RekeyResult | null) => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(rekeyInput, { confirmPassphrase: '' });
  const [alert, setAlert] = useState<string | null>(null);
  const [result, setResult] = useState<RekeyResult | null>(null);

  const save = form.handleSubmit(async ({ confirmPassphrase }) => {
    setAlert(null);
    try {
      const done = await call('vault.rekey', { confirmPassphrase });
      form.reset({ confirmPassphrase: '' });
      setResult(done);
    } catch (error) {
      // Wrong or throttled passphrase at the field (emptied); vault.rekeyFailed and anything else in the alert.
      const failure = adminFailure(t, error);
      if (failure.clearConfirm) form.setValue('confirmPassphrase', '');
      if (failure.field === 'confirm') form.setError('confirmPassphrase', { type: 'server', message: failure.message });
      else setAlert(failure.message);
    }
  });

  if (result) return <NewRecoveryKeyDialog result={result} onFinished={() => onClose(result)} />;
  return (
    <FormDialog
      title={t('vaultKey.dialog.title')}
      intro={t('vaultKey.dialog.intro')}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('vaultKey.dialog.working')}
      submitLabel={t('vaultKey.dialog.submit')}
      onSubmit={save}
      onCancel={() => onClose(null)}
    >
      <ConfirmPassphraseField control={form.control} />
    </FormDialog>
  );
}

/** The new recovery key, shown once: first the key, then the proof it was written down (its last group). */
function NewRecoveryKeyDialog({ result, onFinished }: { result: RekeyResult; onFinished: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const titleId = useId();
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [group, setGroup] = useState('');
  const [stored, setStored] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const groupRef = useRef<HTMLInputElement>(null);
  const checkRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // Printing prints this dialog only, not the page behind it (styles.css).
  useEffect(() => {
    document.body.classList.add('kim-print-dialog');
    return () => document.body.classList.remove('kim-print-dialog');
  }, []);
  // Focus follows the step; on opening, the dialog's own focus handling applies.
  const stepChanged = useRef(false);
  useEffect(() => {
    if (stepChanged.current) (step === 'confirm' ? groupRef.current : nextRef.current)?.focus();
    stepChanged.current = true;
  }, [step]);

  const expected = (result.recoveryKey.split('-').at(-1) ?? '').toUpperCase();
  const typed = group.trim().replace(/^-+/, '').toUpperCase();
  const groupError = !typed ? t('validation.required') : typed !== expected ? t('setup.confirm.lastGroupWrong') : null;
  const checkError = stored ? null : t('vaultKey.result.checkboxRequired');

  const finish = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (groupError) return groupRef.current?.focus();
    if (checkError) return checkRef.current?.focus();
    onFinished();
  };

  return (
    // modalType 'alert': neither Escape nor a click outside closes it while the only copy of the key is on screen.
    <Dialog open modalType="alert">
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        <form onSubmit={finish} noValidate>
          <DialogBody>
            <DialogTitle id={titleId}>{t('vaultKey.result.title')}</DialogTitle>
            <DialogContent className={styles.content}>
              <StatusNotice message={t('vaultKey.result.done')} />
              {result.accountsWithoutAccess > 0 ? (
                <FormAlert
                  intent="warning"
                  title={t('vaultKey.result.withoutAccessTitle')}
                  message={t('vaultKey.result.withoutAccess', { count: result.accountsWithoutAccess })}
                />
              ) : null}
              {step === 'show' ? (
                <>
                  <FormAlert intent="warning" title={t('setup.recovery.onceTitle')} message={t('setup.recovery.once')} />
                  <RecoveryKeyGroups recoveryKey={result.recoveryKey} label={t('setup.recovery.keyLabel')} labelId={`${titleId}-key`} />
                  <p className={styles.text}>{t('vaultKey.result.keepHint')}</p>
                </>
              ) : (
                <>
                  <p className={styles.text}>{t('vaultKey.result.confirmIntro')}</p>
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
                    <Checkbox ref={checkRef} checked={stored} onChange={(_, d) => setStored(d.checked === true)} label={t('vaultKey.result.checkbox')} />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions className="kim-no-print">
              {step === 'show' ? (
                <>
                  <Button type="button" onClick={() => window.print()}>
                    {t('setup.recovery.print')}
                  </Button>
                  <Button ref={nextRef} type="button" appearance="primary" onClick={() => setStep('confirm')}>
                    {t('vaultKey.result.next')}
                  </Button>
                </>
              ) : (
                <>
                  <Button type="button" onClick={() => setStep('show')}>
                    {t('vaultKey.result.showAgain')}
                  </Button>
                  <Button type="submit" appearance="primary">
                    {t('vaultKey.result.finish')}
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
