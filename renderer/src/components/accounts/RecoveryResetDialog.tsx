import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { recoveryResetInput } from '../../api/core';
import { errorText } from '../../api/error-text';
import { TextField } from '../../forms/fields';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { repeatMatches, usePassphraseAssessment, usePassphraseJudge } from '../passphrase-assessment';
import { FormDialog } from '../FormDialog';
import { NewPassphraseFields } from '../../forms/new-passphrase-fields';

const EMPTY = { recoveryKey: '', login: '', newPassphrase: '', repeat: '' };
const OVERRIDES = { login: { invalid_format: 'validation.loginFormat' } };

/** 64 hex digits once dashes and spaces are gone: what the core's parser accepts. */
function keyLooksValid(text: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(text.replace(/[\s-]/g, ''));
}

/** The contract's recovery key, which the form also checks for its shape (the core's parser decides). */
const recoveryKey = recoveryResetInput.shape.recoveryKey.superRefine((text, ctx) => {
  if (!text.trim()) ctx.addIssue({ code: 'custom', input: text, params: { key: 'validation.required' } });
  else if (!keyLooksValid(text)) ctx.addIssue({ code: 'custom', input: text, params: { key: 'recoveryReset.keyFormat' } });
});

/**
 * From the lock screen, without anyone signed in: IT opens the vault with the recovery key from the safe and gives
 * an active account a new passphrase (session.recoveryReset). Nothing is kept: the fields live only in this dialog.
 */
export function RecoveryResetDialog({ onDone, onCancel }: { onDone: (login: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const judge = usePassphraseJudge();
  // The contract's input, the new passphrase also judged by the policy against the login typed, and the repetition
  // the API never sees.
  const schema = useMemo(
    () =>
      repeatMatches(
        recoveryResetInput.extend({ recoveryKey, repeat: z.string().min(1) }).superRefine((v, ctx) => {
          const problem = judge(v.newPassphrase, [String(v.login).trim().toLowerCase()]);
          if (problem) ctx.addIssue({ code: 'custom', path: ['newPassphrase'], input: v.newPassphrase, params: { ...problem } });
        }),
      ),
    [judge],
  );
  const form = useSchemaForm(schema, EMPTY, OVERRIDES);
  const [alert, setAlert] = useState<string | null>(null);
  const login = form.watch('login').trim().toLowerCase();
  const userInputs = useMemo(() => [login], [login]);
  const assessment = usePassphraseAssessment(form.watch('newPassphrase'), userInputs);

  const fail = (field: 'recoveryKey' | 'login' | 'newPassphrase', message: string) => form.setError(field, { type: 'server', message });

  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await call('session.recoveryReset', { recoveryKey: values.recoveryKey, login: values.login, newPassphrase: values.newPassphrase });
      onDone(values.login);
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'recoveryKey.invalid') fail('recoveryKey', errorText(t, e));
      else if (e.code === 'record.notFound') fail('login', t('recoveryReset.noAccount'));
      else if (e.code === 'passphrase.tooWeak') fail('newPassphrase', t('validation.passphraseTooWeak'));
      else {
        applyServerIssues(t, form, e, { recoveryKey: 'recoveryKey', login: 'login', newPassphrase: 'newPassphrase' }, OVERRIDES);
        setAlert(errorText(t, e));
      }
    }
  });

  return (
    <FormDialog
      title={t('recoveryReset.title')}
      intro={t('recoveryReset.intro')}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('recoveryReset.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        control={form.control}
        name="recoveryKey"
        label={t('recoveryReset.key')}
        hint={t('recoveryReset.keyHint')}
        required
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
      />
      <TextField control={form.control} name="login" label={t('recoveryReset.login')} required autoComplete="off" spellCheck={false} autoCapitalize="none" />
      <NewPassphraseFields
        control={form.control}
        assessment={assessment}
        meterId="recovery-strength"
        labels={{ next: t('recoveryReset.next'), hint: t('recoveryReset.nextHint'), repeat: t('recoveryReset.repeat') }}
      />
    </FormDialog>
  );
}
