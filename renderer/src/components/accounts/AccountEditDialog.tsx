import { Field, Input, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { displayNameSchema, ROLES, type AccountSummary, type Role } from '../../api/core';
import { checkField } from '../../api/validation-text';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminAction } from './use-admin-action';

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
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<Role>(account.role);
  const nameRef = useRef<HTMLInputElement>(null);
  const action = useAdminAction(onOutdated);
  const refs = { displayName: nameRef };

  const nameError = checkField(t, displayNameSchema, displayName) ?? undefined;
  const submit = async () => {
    if (action.blocked([[nameRef, nameError], [action.confirmRef, action.confirmError]])) return;
    const updated = await action.run(
      (confirmPassphrase) =>
        call('accounts.update', { id: account.id, version: account.version, displayName, role, active: account.active, confirmPassphrase }),
      refs,
    );
    if (updated) onDone(updated);
  };

  const shownName = action.shown('displayName', nameError);
  return (
    <FormDialog
      title={t('accountAdmin.editDialog.title', { login: account.login })}
      intro={t('accountAdmin.editDialog.intro')}
      alert={action.alert}
      busy={action.busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('accountAdmin.editDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('accounts.displayName')} required validationState={shownName ? 'error' : 'none'} validationMessage={shownName}>
        <Input
          ref={nameRef}
          name="displayName"
          autoComplete="off"
          value={displayName}
          onChange={(_, d) => {
            setDisplayName(d.value);
            action.clearServerError('displayName');
          }}
        />
      </Field>
      <Field label={t('accounts.role')} required hint={isSelf ? t('accountAdmin.editDialog.selfRoleHint') : undefined}>
        <Select name="role" value={role} disabled={isSelf} onChange={(_, d) => setRole(d.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <ConfirmPassphraseField
        value={action.confirm}
        error={action.shown('confirm', action.confirmError)}
        onChange={action.setConfirm}
        inputRef={action.confirmRef}
      />
    </FormDialog>
  );
}
