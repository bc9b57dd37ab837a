import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { adminFailure, type AdminField } from './admin-failure';

type FieldRefs = Partial<Record<AdminField, RefObject<HTMLInputElement | null>>>;

/**
 * State shared by the account dialogs: the confirmation passphrase, per-field and dialog-level errors, and one
 * call at a time. `run` places a refusal at its field (and focuses it) or in the alert.
 */
export function useAdminAction(onOutdated: () => void) {
  const { t } = useTranslation();
  const [confirm, setConfirmValue] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<AdminField, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLInputElement>(null);

  const clearServerError = (field: AdminField) => setServerErrors((e) => ({ ...e, [field]: undefined }));
  const setConfirm = (value: string) => {
    setConfirmValue(value);
    clearServerError('confirm');
  };

  /**
   * Client-side checks first, in field order: returns true (after focusing the first bad field) when the form must
   * not be sent; from now on the fields show their errors.
   */
  const blocked = (checks: [RefObject<HTMLInputElement | null>, string | undefined][]): boolean => {
    setSubmitted(true);
    setAlert(null);
    const first = checks.find(([, error]) => error);
    first?.[0].current?.focus();
    return !!first;
  };

  const run = async <T>(fn: (confirmPassphrase: string) => Promise<T>, refs: FieldRefs): Promise<T | null> => {
    setBusy(true);
    setAlert(null);
    setServerErrors({});
    try {
      const result = await fn(confirm);
      setBusy(false);
      return result;
    } catch (error) {
      setBusy(false);
      const failure = adminFailure(t, error);
      if (failure.clearConfirm) setConfirmValue('');
      if (failure.reload) onOutdated();
      if (failure.field) {
        setServerErrors({ [failure.field]: failure.message });
        (failure.field === 'confirm' ? confirmRef : refs[failure.field])?.current?.focus();
      } else {
        setAlert(failure.message);
      }
      return null;
    }
  };

  const confirmError = !confirm ? t('validation.required') : undefined;
  /** The message to show at a field: the core's refusal wins, client checks only after the first submit. */
  const shown = (field: AdminField | null, clientError: string | undefined) =>
    (field ? serverErrors[field] : undefined) ?? (submitted ? clientError : undefined);

  return { confirm, setConfirm, confirmRef, confirmError, clearServerError, shown, alert, busy, blocked, run };
}
