import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { call } from '../../api/client';
import { accountResetInput, type AccountSummary } from '../../api/core';
import { repeatMatches, useNewPassphraseSchema, usePassphraseAssessment } from '../passphrase-assessment';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminForm } from './use-admin-action';
import { NewPassphraseFields } from '../../forms/new-passphrase-fields';

/**
 * Sets a new passphrase for a colleague (forgotten, or after re-enabling). The strength rules are the core's own
 * (same policy module), judged against the account's login, name and office as the core does.
 */
export function AccountResetDialog({
  account,
  onDone,
  onCancel,
  onOutdated,
}: {
  account: AccountSummary;
  onDone: (updated: AccountSummary) => void;
  onCancel: () => void;
  onOutdated: () => void;
}) {
  const { t } = useTranslation();
  const userInputs = useMemo(() => [account.login, account.displayName, account.office], [account]);
  const newPassphrase = useNewPassphraseSchema(userInputs);
  // The contract's input, its new passphrase also judged by the policy, and the repetition the API never sees.
  const schema = useMemo(
    () => repeatMatches(accountResetInput.pick({ confirmPassphrase: true }).extend({ newPassphrase, repeat: z.string().min(1) })),
    [newPassphrase],
  );
  const { form, alert, busy, submit } = useAdminForm(schema, { newPassphrase: '', repeat: '', confirmPassphrase: '' }, onOutdated);
  const assessment = usePassphraseAssessment(form.watch('newPassphrase'), userInputs);

  const save = submit(
    ({ newPassphrase: next, confirmPassphrase }) => call('accounts.resetPassphrase', { id: account.id, newPassphrase: next, confirmPassphrase }),
    onDone,
  );

  return (
    <FormDialog
      title={t('accountAdmin.resetDialog.title', { login: account.login })}
      intro={t('accountAdmin.resetDialog.intro', { name: account.displayName })}
      alert={alert}
      busy={busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('accountAdmin.resetDialog.submit')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <NewPassphraseFields
        control={form.control}
        assessment={assessment}
        meterId="reset-strength"
        labels={{ next: t('accountAdmin.resetDialog.next'), hint: t('accountAdmin.resetDialog.nextHint'), repeat: t('accountAdmin.resetDialog.repeat') }}
      />
      <ConfirmPassphraseField control={form.control} />
    </FormDialog>
  );
}
