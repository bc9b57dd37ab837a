import { Field, Input } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePassphraseErrorText, errorText } from '../api/error-text';
import { FormDialog } from './FormDialog';

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
  const { t } = useTranslation();
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

  const submit = async () => {
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
    <FormDialog
      open={open}
      modalType="alert"
      title={title}
      intro={message}
      alert={alert}
      busy={busy}
      busyLabel={t('confirmDelete.working')}
      submitLabel={confirmLabel}
      onSubmit={submit}
      onCancel={cancel}
    >
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
    </FormDialog>
  );
}
