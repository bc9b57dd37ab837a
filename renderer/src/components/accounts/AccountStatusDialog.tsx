import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AccountSummary } from '../../api/core';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminAction } from './use-admin-action';

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
  const action = useAdminAction(onOutdated);
  const kind = account.active ? 'disableDialog' : 'enableDialog';

  const submit = async () => {
    if (action.blocked([[action.confirmRef, action.confirmError]])) return;
    const updated = await action.run(
      (confirmPassphrase) =>
        call('accounts.update', {
          id: account.id,
          version: account.version,
          displayName: account.displayName,
          role: account.role,
          active: !account.active,
          confirmPassphrase,
        }),
      {},
    );
    if (updated) onDone(updated);
  };

  return (
    <FormDialog
      title={t(`accountAdmin.${kind}.title`, { login: account.login })}
      intro={t(`accountAdmin.${kind}.intro`, { name: account.displayName })}
      alert={action.alert}
      busy={action.busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t(`accountAdmin.${kind}.submit`)}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ConfirmPassphraseField
        value={action.confirm}
        error={action.shown('confirm', action.confirmError)}
        onChange={action.setConfirm}
        inputRef={action.confirmRef}
      />
    </FormDialog>
  );
}
