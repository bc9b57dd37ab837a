import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../api/case-types';
import { call } from '../../api/client';
import { deletePassphraseErrorText, errorText } from '../../api/error-text';
import { FormDialog } from '../FormDialog';

/**
 * Deleting a referral: a reason and the user's own passphrase (re-authentication, checked by core and throttled
 * like an unlock). The passphrase lives only in this dialog's state and is emptied after every attempt.
 */
export function DeleteReferralDialog({ referral, onDeleted, onCancel }: { referral: ReferralView; onDeleted: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; passphrase?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next = { reason: reason.trim().length < 3 ? t('referrals.deleteDialog.reasonRequired') : undefined, passphrase: passphrase ? undefined : t('validation.required') };
    setErrors(next);
    if (next.reason || next.passphrase) return;
    setBusy(true);
    setAlert(null);
    try {
      await call('referrals.delete', { id: referral.id, reason: reason.trim(), passphrase });
      setPassphrase('');
      onDeleted();
    } catch (e) {
      setPassphrase('');
      const problem = deletePassphraseErrorText(t, e);
      if (problem) setErrors({ passphrase: problem });
      else setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      modalType="alert"
      title={t('referrals.deleteDialog.title')}
      intro={t('referrals.deleteDialog.message', { partner: referral.partnerName })}
      alert={alert}
      busy={busy}
      busyLabel={t('referrals.deleteDialog.working')}
      submitLabel={t('referrals.deleteDialog.confirm')}
      onSubmit={submit}
      onCancel={() => {
        setPassphrase('');
        onCancel();
      }}
    >
      <Field label={t('referrals.deleteDialog.reason')} required validationMessage={errors.reason} validationState={errors.reason ? 'error' : 'none'}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} maxLength={500} />
      </Field>
      <Field label={t('referrals.deleteDialog.passphrase')} required validationMessage={errors.passphrase} validationState={errors.passphrase ? 'error' : 'none'}>
        <Input type="password" autoComplete="current-password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
      </Field>
    </FormDialog>
  );
}
