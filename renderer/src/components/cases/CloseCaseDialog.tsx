import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../../api/api-error';
import type { CaseDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { caseCloseInput, CLOSURE_REASONS, GOAL_STATUSES, type GoalStatus } from '../../api/core';
import { errorText } from '../../api/error-text';
import { DateTextField, SelectField, TextAreaField } from '../../forms/fields';
import { germanDay } from '../../forms/form-schemas';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { todayIso } from '../../format/partial-date';
import { germanFromIso } from '../DateField';
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

/** One outcome of the contract's input, without the goal's id (the dialog knows it by position). */
const outcomeSchema = caseCloseInput.shape.goalOutcomes.unwrap().element.pick({ status: true, outcomeNote: true });

/** The contract's input with the closing date typed the German way and the outcomes in the order of the open goals. */
const schema = caseCloseInput.pick({ reason: true, summary: true }).extend({ closedOn: germanDay, outcomes: z.array(outcomeSchema) });

/** "Fall abschließen": reason, summary and an outcome for every goal still open. */
export function CloseCaseDialog({ kase, onClose, onClosed }: { kase: CaseDetail; onClose: () => void; onClosed: (c: CaseDetail) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const openGoals = kase.goals.filter((g) => OPEN.includes(g.status));
  const form = useSchemaForm(
    schema,
    {
      reason: 'goals-achieved',
      closedOn: germanFromIso(todayIso()),
      summary: '',
      outcomes: openGoals.map(() => ({ status: '' as GoalStatus, outcomeNote: '' })),
    },
    { outcomes: { invalid_value: 'closeCase.outcomeRequired' } },
  );
  const [alert, setAlert] = useState<string | null>(null);

  const submit = form.handleSubmit(
    async ({ outcomes, ...values }) => {
      setAlert(null);
      try {
        const closed = await call('cases.close', {
          id: kase.id,
          version: kase.version,
          ...values,
          goalOutcomes: openGoals.map((g, i) => ({ goalId: g.id, status: outcomes[i]!.status, outcomeNote: outcomes[i]!.outcomeNote })),
        });
        onClosed(closed);
      } catch (e) {
        applyServerIssues(t, form, e, { reason: 'reason', closedOn: 'closedOn', summary: 'summary' });
        setAlert(toApiError(e).code === 'record.staleVersion' ? t('caseFile.conflict') : errorText(t, e));
      }
    },
    () => setAlert(t('errors.validation.invalid')),
  );

  return (
    <FormDialog
      title={t('closeCase.title')}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('common.saving')}
      submitLabel={t('closeCase.submit')}
      onSubmit={submit}
      onCancel={onClose}
    >
      <SelectField control={form.control} name="reason" label={t('closeCase.reason')} required>
        {CLOSURE_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`closureReasons.${r}`)}
          </option>
        ))}
      </SelectField>
      <DateTextField control={form.control} name="closedOn" label={t('closeCase.closedOn')} required />
      <TextAreaField control={form.control} name="summary" label={t('closeCase.summary')} maxLength={4000} rows={3} />
      {openGoals.map((g, i) => (
        <fieldset key={g.id} className={styles.goal}>
          <legend className={styles.legend}>{t('closeCase.goalLegend', { goal: g.title })}</legend>
          <SelectField control={form.control} name={`outcomes.${i}.status`} label={t('closeCase.outcome')} required>
            <option value="">{t('closeCase.choose')}</option>
            {FINAL.map((s) => (
              <option key={s} value={s}>
                {t(`goalStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <Controller
            name={`outcomes.${i}.outcomeNote`}
            control={form.control}
            render={({ field }) => (
              <Field label={t('closeCase.outcomeNote')}>
                <Input ref={field.ref} value={field.value ?? ''} maxLength={2000} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} />
              </Field>
            )}
          />
        </fieldset>
      ))}
    </FormDialog>
  );
}
