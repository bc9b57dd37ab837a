import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { accountUpdateInput, ROLES, type AccountSummary } from '../../api/core';
import { SelectField, TextField } from '../../forms/fields';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminForm } from './use-admin-action';

const schema = accountUpdateInput.pick({ displayName: true, role: true, confirmPassphrase: true });

/** Changes display name and role of an account; one's own role stays (the core refuses it too). */
export function AccountEditDialog({
  account,
  isSelf,
  onDone,
  onCancel,
  onOutdated,
}: {
  account: AccountSummary;
  isSelf: boolean;
  onDone: (updated: AccountSummary) => void;
  onCancel: () => void;
  onOutdated: () => void;
}) {
  const { t } = useTranslation();
  const { form, alert, busy, submit } = useAdminForm(schema, { displayName: account.displayName, role: account.role, confirmPassphrase: '' }, onOutdated);

  const save = submit(
    (values) => call('accounts.update', { id: account.id, version: account.version, active: account.active, ...values }),
    onDone,
  );

  return (
    <FormDialog
      title={t('accountAdmin.editDialog.title', { login: account.login })}
      intro={t('accountAdmin.editDialog.intro')}
      alert={alert}
      busy={busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('accountAdmin.editDialog.submit')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <TextField control={form.control} name="displayName" label={t('accounts.displayName')} required autoComplete="off" />
      <SelectField
        control={form.control}
        name="role"
        label={t('accounts.role')}
        required
        hint={isSelf ? t('accountAdmin.editDialog.selfRoleHint') : undefined}
        disabled={isSelf}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <ConfirmPassphraseField control={form.control} />
    </FormDialog>
  );
}
