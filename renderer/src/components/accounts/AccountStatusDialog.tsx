import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { accountUpdateInput, type AccountSummary } from '../../api/core';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminForm } from './use-admin-action';

const schema = accountUpdateInput.pick({ confirmPassphrase: true });

/**
 * Disables an active account (the core removes its key wrap, so the old passphrase opens nothing) or re-enables a
 * disabled one (which then waits for a passphrase reset).
 */
export function AccountStatusDialog({
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
  const { form, alert, busy, submit } = useAdminForm(schema, { confirmPassphrase: '' }, onOutdated);
  const kind = account.active ? 'disableDialog' : 'enableDialog';

  const save = submit(
    ({ confirmPassphrase }) =>
      call('accounts.update', {
        id: account.id,
        version: account.version,
        displayName: account.displayName,
        role: account.role,
        active: !account.active,
        confirmPassphrase,
      }),
    onDone,
  );

  return (
    <FormDialog
      title={t(`accountAdmin.${kind}.title`, { login: account.login })}
      intro={t(`accountAdmin.${kind}.intro`, { name: account.displayName })}
      alert={alert}
      busy={busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t(`accountAdmin.${kind}.submit`)}
      onSubmit={save}
      onCancel={onCancel}
    >
      <ConfirmPassphraseField control={form.control} />
    </FormDialog>
  );
}
