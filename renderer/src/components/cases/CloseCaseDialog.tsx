import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import type { CaseDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { CLOSURE_REASONS, GOAL_STATUSES, type ClosureReason, type GoalStatus } from '../../api/core';
import { errorText } from '../../api/error-text';
import { todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';

const useStyles = makeStyles({
  goal: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** Final statuses a goal may end with (not "open" or "in progress"). */
const FINAL: GoalStatus[] = GOAL_STATUSES.filter((s) => s !== 'open' && s !== 'in-progress');
const OPEN: GoalStatus[] = ['open', 'in-progress'];

/** "Fall abschließen": reason, summary and an outcome for every goal still open. */
export function CloseCaseDialog({ kase, onClose, onClosed }: { kase: CaseDetail; onClose: () => void; onClosed: (c: CaseDetail) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const openGoals = kase.goals.filter((g) => OPEN.includes(g.status));
  const [reason, setReason] = useState<ClosureReason>('goals-achieved');
  const [closedOn, setClosedOn] = useState(() => germanFromIso(todayIso()));
  const [dateError, setDateError] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, { status: GoalStatus | ''; note: string }>>(() =>
    Object.fromEntries(openGoals.map((g) => [g.id, { status: '', note: '' }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const missing: Record<string, string> = {};
    for (const g of openGoals) if (!outcomes[g.id]?.status) missing[g.id] = t('closeCase.outcomeRequired');
    setErrors(missing);
    const on = isoFromGerman(closedOn);
    setDateError(on ? null : t('dates.invalid'));
    if (Object.keys(missing).length || !on) return setAlert(t('errors.validation.invalid'));
    setBusy(true);
    try {
      const closed = await call('cases.close', {
        id: kase.id,
        version: kase.version,
        reason,
        closedOn: on,
        summary: summary.trim() || undefined,
        goalOutcomes: openGoals.map((g) => ({ goalId: g.id, status: outcomes[g.id]!.status as GoalStatus, outcomeNote: outcomes[g.id]!.note.trim() || undefined })),
      });
      onClosed(closed);
    } catch (e) {
      setBusy(false);
      setAlert(toApiError(e).code === 'record.staleVersion' ? t('caseFile.conflict') : errorText(t, e));
    }
  };

  return (
    <FormDialog
      title={t('closeCase.title')}
      alert={alert}
      busy={busy}
      busyLabel={t('common.saving')}
      submitLabel={t('closeCase.submit')}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Field label={t('closeCase.reason')} required>
        <Select value={reason} onChange={(_, d) => setReason(d.value as ClosureReason)}>
          {CLOSURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`closureReasons.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label={t('closeCase.closedOn')} required value={closedOn} error={dateError} onChange={setClosedOn} />
      <Field label={t('closeCase.summary')}>
        <Textarea value={summary} maxLength={4000} rows={3} onChange={(_, d) => setSummary(d.value)} />
      </Field>
      {openGoals.map((g) => (
        <fieldset key={g.id} className={styles.goal}>
          <legend className={styles.legend}>{t('closeCase.goalLegend', { goal: g.title })}</legend>
          <Field label={t('closeCase.outcome')} required validationState={errors[g.id] ? 'error' : 'none'} validationMessage={errors[g.id]}>
            <Select
              value={outcomes[g.id]?.status ?? ''}
              onChange={(_, d) => setOutcomes((o) => ({ ...o, [g.id]: { note: o[g.id]?.note ?? '', status: d.value as GoalStatus } }))}
            >
              <option value="">{t('closeCase.choose')}</option>
              {FINAL.map((s) => (
                <option key={s} value={s}>
                  {t(`goalStatuses.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('closeCase.outcomeNote')}>
            <Input
              value={outcomes[g.id]?.note ?? ''}
              maxLength={2000}
              onChange={(_, d) => setOutcomes((o) => ({ ...o, [g.id]: { status: o[g.id]?.status ?? '', note: d.value } }))}
            />
          </Field>
        </fieldset>
      ))}
    </FormDialog>
  );
}
