import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passphraseSchema } from '../api/core';
import { deletePassphraseErrorText, errorText } from '../api/error-text';
import { toApiError } from '../api/api-error';
import { useSchemaForm } from '../forms/use-schema-form';
import { FormDialog } from './FormDialog';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** Runs the delete with the typed passphrase; throw to keep the dialog open with the error shown. */
  onConfirm: (passphrase: string) => Promise<void>;
  onCancel: () => void;
  /** For confirmations that delete nothing: the busy label and the text for a wrong passphrase. */
  texts?: { working: string; wrong: string };
}

/** The field of the confirmed-delete inputs (household, residence, documents): the contract's passphrase schema. */
const schema = z.object({ passphrase: passphraseSchema });

/**
 * The question before deleting personal data, with the user's own passphrase as confirmation (re-authentication;
 * the core checks it, throttled like an unlock). The passphrase lives only in this dialog's form state: never a
 * draft, emptied whenever the dialog closes.
 */
export function PassphraseConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, texts }: Props) {
  const { t } = useTranslation();
  const form = useSchemaForm(schema, { passphrase: '' });
  const [alert, setAlert] = useState<string | null>(null);
  const busy = form.formState.isSubmitting;
  const fieldError = form.formState.errors.passphrase?.message;

  const cancel = () => {
    if (busy) return;
    form.reset();
    setAlert(null);
    onCancel();
  };

  const submit = form.handleSubmit(async ({ passphrase }) => {
    setAlert(null);
    try {
      await onConfirm(passphrase);
      form.reset();
    } catch (error) {
      form.setValue('passphrase', '');
      const passphraseProblem =
        texts && toApiError(error).code === 'passphrase.wrongCurrent' ? texts.wrong : deletePassphraseErrorText(t, error);
      if (passphraseProblem) form.setError('passphrase', { type: 'server', message: passphraseProblem });
      else setAlert(errorText(t, error));
    }
  });

  return (
    <FormDialog
      open={open}
      modalType="alert"
      title={title}
      intro={message}
      alert={alert}
      busy={busy}
      busyLabel={texts?.working ?? t('confirmDelete.working')}
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
        {/* Controlled: Fluent's Input keeps its own value state, so a DOM write by register() would not stick. */}
        <Controller
          name="passphrase"
          control={form.control}
          render={({ field }) => (
            <Input
              ref={field.ref}
              name={field.name}
              type="password"
              autoComplete="current-password"
              value={field.value}
              onChange={(_, d) => field.onChange(d.value)}
              onBlur={field.onBlur}
            />
          )}
        />
      </Field>
    </FormDialog>
  );
}
