import { Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../api/case-types';
import { call } from '../../api/client';
import { DECLINED_BY, REFERRAL_FAILURE_REASONS, REFERRAL_RESULTS, feedbackAllowed, type DeclinedBy, type ReferralFailureReason, type ReferralFeedbackState, type ReferralResult } from '../../api/core';
import { errorText } from '../../api/error-text';
import { todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';

const FEEDBACK_STATES: readonly ReferralFeedbackState[] = ['accepted', 'declined', 'done'];

type Errors = Partial<Record<'on' | 'reason' | 'failureReason' | 'note', string>>;

/** Records the answer to a sent referral: accepted, declined (by whom, why) or done (result, and why not successful). */
export function FeedbackDialog({ referral, onSaved, onCancel }: { referral: ReferralView; onSaved: (r: ReferralView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const allowed = FEEDBACK_STATES.filter((s) => feedbackAllowed(referral.state, s));
  const [state, setState] = useState<ReferralFeedbackState>(allowed[0] ?? 'done');
  const [on, setOn] = useState(germanFromIso(todayIso()));
  const [declinedBy, setDeclinedBy] = useState<DeclinedBy>('provider');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ReferralResult>('successful');
  const [failureReason, setFailureReason] = useState<ReferralFailureReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const day = isoFromGerman(on);
    const next: Errors = {
      on: !day ? t(on.trim() ? 'dates.invalid' : 'validation.required') : undefined,
      reason: state === 'declined' && reason.trim().length < 3 ? t('referrals.feedbackDialog.reasonRequired') : undefined,
      failureReason: state === 'done' && result === 'unsuccessful' && !failureReason ? t('referrals.feedbackDialog.failureReasonRequired') : undefined,
      note: state === 'done' && failureReason === 'other' && note.trim().length < 3 ? t('referrals.feedbackDialog.noteRequired') : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !day) return;
    setBusy(true);
    setAlert(null);
    const base = { id: referral.id, version: referral.version, on: day };
    try {
      onSaved(
        await call(
          'referrals.feedback',
          state === 'accepted'
            ? { ...base, state }
            : state === 'declined'
              ? { ...base, state, declinedBy, reason: reason.trim() }
              : { ...base, state, result, failureReason: result === 'unsuccessful' ? failureReason || null : null, note: note.trim() || null },
        ),
      );
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('referrals.feedbackDialog.title', { partner: referral.partnerName })}
      alert={alert}
      busy={busy}
      busyLabel={t('referrals.dialog.saving')}
      submitLabel={t('referrals.feedbackDialog.save')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <Field label={t('referrals.feedbackDialog.state')} required>
        <RadioGroup value={state} onChange={(_, d) => setState(d.value as ReferralFeedbackState)} layout="horizontal">
          {allowed.map((s) => (
            <Radio key={s} value={s} label={t(`referrals.feedbackDialog.states.${s}`)} />
          ))}
        </RadioGroup>
      </Field>
      <DateField label={t('referrals.feedbackDialog.on')} value={on} onChange={setOn} error={errors.on} required />
      {state === 'declined' ? (
        <>
          <Field label={t('referrals.feedbackDialog.declinedBy')} required>
            <RadioGroup value={declinedBy} onChange={(_, d) => setDeclinedBy(d.value as DeclinedBy)} layout="horizontal">
              {DECLINED_BY.map((b) => (
                <Radio key={b} value={b} label={t(`referrals.declinedBy.${b}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('referrals.feedbackDialog.reason')} required validationMessage={errors.reason} validationState={errors.reason ? 'error' : 'none'}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} maxLength={1000} />
          </Field>
        </>
      ) : null}
      {state === 'done' ? (
        <>
          <Field label={t('referrals.feedbackDialog.result')} required>
            <RadioGroup value={result} onChange={(_, d) => setResult(d.value as ReferralResult)} layout="horizontal">
              {REFERRAL_RESULTS.map((r) => (
                <Radio key={r} value={r} label={t(`referrals.results.${r}`)} />
              ))}
            </RadioGroup>
          </Field>
          {result === 'unsuccessful' ? (
            <Field label={t('referrals.feedbackDialog.failureReason')} required validationMessage={errors.failureReason} validationState={errors.failureReason ? 'error' : 'none'}>
              <Select value={failureReason} onChange={(_, d) => setFailureReason(d.value as ReferralFailureReason | '')}>
                <option value="" />
                {REFERRAL_FAILURE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`referrals.failureReasons.${r}`)}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label={t('referrals.feedbackDialog.note')} required={failureReason === 'other'} validationMessage={errors.note} validationState={errors.note ? 'error' : 'none'}>
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} rows={2} maxLength={1000} />
          </Field>
        </>
      ) : null}
    </FormDialog>
  );
}
