import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error';
import { errorText } from '../../api/error-text';
import { issuesByField } from '../../api/validation-text';

/** The fields of the account dialogs a refusal can point at. */
export type AdminField = 'confirm' | 'displayName' | 'next';

export interface AdminFailure {
  /** Shown at this field; otherwise in the dialog's alert. */
  field: AdminField | null;
  message: string;
  /** The confirmation passphrase is emptied (never keep a wrong passphrase around). */
  clearConfirm: boolean;
  /** The account list is out of date: reload it. */
  reload: boolean;
}

/** API input names → dialog fields, for `validation.invalid` issues. */
const CORE_FIELDS: Record<string, AdminField> = {
  confirmPassphrase: 'confirm',
  displayName: 'displayName',
  newPassphrase: 'next',
};

/**
 * German text and placement for every refusal of accounts.update / accounts.resetPassphrase: wrong or throttled
 * re-authentication, weak new passphrase, stale version, last administrator, own account, validation.
 */
export function adminFailure(t: TFunction, error: unknown): AdminFailure {
  const e = toApiError(error);
  const fail = (field: AdminField | null, message: string, extra: Partial<AdminFailure> = {}): AdminFailure => ({
    field,
    message,
    clearConfirm: false,
    reload: false,
    ...extra,
  });
  switch (e.code) {
    case 'passphrase.wrongCurrent': {
      const wait = e.retryAfterSeconds;
      const text = t('accountAdmin.wrongPassphrase');
      return fail('confirm', wait ? `${text} ${t('errors.unlock.throttled', { count: wait })}` : text, { clearConfirm: true });
    }
    case 'unlock.throttled':
      return fail('confirm', errorText(t, e), { clearConfirm: true });
    case 'passphrase.tooWeak':
      return fail('next', t('validation.passphraseTooWeak'));
    case 'record.staleVersion':
      return fail(null, t('accountAdmin.stale'), { reload: true });
    case 'record.notFound':
      return fail(null, t('accountAdmin.notFound'), { reload: true });
    case 'validation.invalid': {
      for (const [key, message] of Object.entries(issuesByField(t, e.issues))) {
        const field = CORE_FIELDS[key];
        if (field) return fail(field, message);
      }
      return fail(null, errorText(t, e));
    }
    default:
      // account.lastAdmin, account.self, permission.denied, internal …: German text from errors.*.
      return fail(null, errorText(t, e));
  }
}
