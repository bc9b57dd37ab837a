import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import { changePassphraseInput, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { TextField } from '../forms/fields';
import { applyServerIssues, useSchemaForm } from '../forms/use-schema-form';
import { FormDialog } from './FormDialog';
import { repeatMatches, useNewPassphraseSchema, usePassphraseAssessment } from './passphrase-assessment';
import { NewPassphraseFields } from '../forms/new-passphrase-fields';

const EMPTY = { currentPassphrase: '', newPassphrase: '', repeat: '' };

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
  const userInputs = useMemo(() => [user.login, user.displayName, user.office], [user]);
  const newPassphrase = useNewPassphraseSchema(userInputs);
  // The contract's input, the new passphrase also judged by the policy and different from the current one, and the
  // repetition the API never sees.
  const schema = useMemo(
    () =>
      repeatMatches(
        changePassphraseInput.extend({ newPassphrase, repeat: z.string().min(1) }).superRefine((v, ctx) => {
          if (v.newPassphrase && v.newPassphrase === v.currentPassphrase)
            ctx.addIssue({ code: 'custom', path: ['newPassphrase'], input: v.newPassphrase, params: { key: 'validation.passphraseUnchanged' } });
        }),
      ),
    [newPassphrase],
  );
  const form = useSchemaForm(schema, EMPTY);
  const [alert, setAlert] = useState<string | null>(null);
  const assessment = usePassphraseAssessment(form.watch('newPassphrase'), userInputs);

  const close = (changed: boolean) => {
    form.reset(EMPTY);
    setAlert(null);
    onClose(changed);
  };

  const submit = form.handleSubmit(async ({ currentPassphrase, newPassphrase: next }) => {
    setAlert(null);
    try {
      await call('session.changePassphrase', { currentPassphrase, newPassphrase: next });
      close(true);
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'passphrase.wrongCurrent') {
        form.setValue('currentPassphrase', '');
        form.setError('currentPassphrase', { type: 'server', message: errorText(t, e) });
      } else if (e.code === 'passphrase.tooWeak') {
        form.setError('newPassphrase', { type: 'server', message: t('validation.passphraseTooWeak') });
      } else {
        applyServerIssues(t, form, e, { currentPassphrase: 'currentPassphrase', newPassphrase: 'newPassphrase' });
        setAlert(errorText(t, e));
      }
    }
  });

  return (
    <FormDialog
      open={open}
      title={t('changePassphrase.title')}
      intro={t('changePassphrase.intro')}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('changePassphrase.submitting')}
      submitLabel={t('changePassphrase.submit')}
      cancelLabel={t('changePassphrase.cancel')}
      onSubmit={submit}
      onCancel={() => close(false)}
    >
      <TextField
        control={form.control}
        name="currentPassphrase"
        label={t('changePassphrase.current')}
        required
        type="password"
        autoComplete="current-password"
      />
      <NewPassphraseFields
        control={form.control}
        assessment={assessment}
        meterId="change-strength"
        labels={{ next: t('changePassphrase.next'), hint: t('changePassphrase.nextHint'), repeat: t('changePassphrase.repeat') }}
      />
    </FormDialog>
  );
}
