import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePassphraseErrorText, errorText } from '../api/error-text';
import { FormAlert } from './FormAlert';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  message: { margin: 0 },
});

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** Runs the delete with the typed passphrase; throw to keep the dialog open with the error shown. */
  onConfirm: (passphrase: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * The question before deleting personal data, with the user's own passphrase as confirmation (re-authentication;
 * the core checks it, throttled like an unlock). The passphrase lives only in this dialog's state: never a draft,
 * emptied whenever the dialog closes.
 */
export function PassphraseConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const messageId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    setPassphrase('');
    setFieldError(null);
    setAlert(null);
    setBusy(false);
  };

  const cancel = () => {
    if (busy) return;
    reset();
    onCancel();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!passphrase) {
      setFieldError(t('validation.required'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onConfirm(passphrase);
      reset();
    } catch (error) {
      setBusy(false);
      setPassphrase('');
      const passphraseProblem = deletePassphraseErrorText(t, error);
      if (passphraseProblem) {
        setFieldError(passphraseProblem);
        input.current?.focus();
      } else setAlert(errorText(t, error));
    }
  };

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => (d.open ? undefined : cancel())}>
      <DialogSurface aria-describedby={messageId}>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <p id={messageId} className={styles.message}>
                {message}
              </p>
              <FormAlert message={alert} />
              <Field
                label={t('confirmDelete.passphrase')}
                hint={t('confirmDelete.hint')}
                required
                validationState={fieldError ? 'error' : 'none'}
                validationMessage={fieldError}
              >
                <Input
                  ref={input}
                  type="password"
                  autoComplete="current-password"
                  value={passphrase}
                  onChange={(_, d) => {
                    setPassphrase(d.value);
                    setFieldError(null);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              {busy ? <Spinner size="tiny" label={t('confirmDelete.working')} /> : null}
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {confirmLabel}
              </Button>
              <Button type="button" onClick={cancel} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
