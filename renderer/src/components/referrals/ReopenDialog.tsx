import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../api/case-types';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { DateField, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';

/** Reopens a declined or done referral with a note; a new deadline makes a new Wiedervorlage. */
export function ReopenDialog({ referral, onSaved, onCancel }: { referral: ReferralView; onSaved: (r: ReferralView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ note?: string; due?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const day = isoFromGerman(due);
    const next = { note: note.trim().length < 3 ? t('referrals.reopenDialog.noteRequired') : undefined, due: day === null ? t('dates.invalid') : undefined };
    setErrors(next);
    if (next.note || next.due) return;
    setBusy(true);
    setAlert(null);
    try {
      onSaved(
        await call('referrals.reopen', {
          id: referral.id,
          version: referral.version,
          note: note.trim(),
          feedbackDue: day || null,
          followUpTitle: day ? t('referrals.followUpTitle', { partner: referral.partnerName }) : null,
        }),
      );
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('referrals.reopenDialog.title', { partner: referral.partnerName })}
      alert={alert}
      busy={busy}
      busyLabel={t('referrals.dialog.saving')}
      submitLabel={t('referrals.reopenDialog.save')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <Field label={t('referrals.reopenDialog.note')} required validationMessage={errors.note} validationState={errors.note ? 'error' : 'none'}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} rows={3} maxLength={1000} />
      </Field>
      <DateField label={t('referrals.reopenDialog.feedbackDue')} value={due} onChange={setDue} error={errors.due} />
    </FormDialog>
  );
}
