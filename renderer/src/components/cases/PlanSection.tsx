import { Badge, Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, GoalView } from '../../api/case-types';
import { call } from '../../api/client';
import { GOAL_STATUSES, LIFE_AREAS, MEASURE_STATUSES, type GoalStatus, type LifeArea, type MeasureStatus } from '../../api/core';
import { errorText } from '../../api/error-text';
import { formatIsoDay } from '../../format/partial-date';
import { DateField, isoFromGerman } from '../DateField';
import { FormAlert } from '../FormAlert';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';

const useStyles = makeStyles({
  goal: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  goalHead: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
  goalTitle: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  measureForm: { display: 'grid', gridTemplateColumns: '2fr 1.4fr 1fr auto', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

type Props = { kase: CaseDetail; readOnly: boolean; onChanged: (c: CaseDetail) => void };

/** The Hilfeplan: goals per life area, each with measures (owner, due date, status). */
export function PlanSection({ kase, readOnly, onChanged }: Props) {
  const s = useSectionStyles();
  const { t } = useTranslation();
  const [area, setArea] = useState<LifeArea>('language');
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const addGoal = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setTitleError(t('validation.required'));
    try {
      onChanged(await call('goals.add', { caseId: kase.id, area, title: title.trim() }));
      setTitle('');
      setAlert(null);
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  return (
    <section className={s.section} aria-labelledby="plan-title">
      <h2 id="plan-title" className={s.h2}>
        {t('plan.title')}
      </h2>
      <FormAlert message={alert} />
      {kase.goals.length === 0 ? <p className={s.empty}>{t('plan.empty')}</p> : null}
      {kase.goals.map((g) => (
        <Goal key={g.id} goal={g} readOnly={readOnly} onChanged={onChanged} onError={setAlert} />
      ))}
      {readOnly ? null : (
        <form className={s.addForm} onSubmit={addGoal} noValidate aria-labelledby="goal-add-title">
          <h3 id="goal-add-title" className={`${s.h3} ${s.wide}`}>
            {t('plan.addGoal')}
          </h3>
          <Field label={t('plan.area')}>
            <Select value={area} onChange={(_, d) => setArea(d.value as LifeArea)}>
              {LIFE_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`lifeAreas.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('plan.goalTitle')} required validationState={titleError ? 'error' : 'none'} validationMessage={titleError ?? undefined}>
            <Input value={title} maxLength={300} onChange={(_, d) => (setTitle(d.value), setTitleError(null))} />
          </Field>
          <div className={s.formActions}>
            <Button type="submit" appearance="primary">
              {t('plan.addGoalButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Goal({ goal, readOnly, onChanged, onError }: { goal: GoalView; readOnly: boolean; onChanged: (c: CaseDetail) => void; onError: (m: string) => void }) {
  const styles = useStyles();
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [m, setM] = useState({ title: '', owner: '', dueDate: '' });
  const [errors, setErrors] = useState<{ title?: string; owner?: string; dueDate?: string }>({});

  const run = async (p: Promise<CaseDetail>) => {
    try {
      onChanged(await p);
    } catch (e) {
      onError(errorText(t, e));
    }
  };

  const addMeasure = async (event: FormEvent) => {
    event.preventDefault();
    const due = isoFromGerman(m.dueDate);
    const next = {
      title: m.title.trim() ? undefined : t('validation.required'),
      owner: m.owner.trim() ? undefined : t('validation.required'),
      dueDate: due === null ? t('dates.invalid') : undefined,
    };
    setErrors(next);
    if (next.title || next.owner || next.dueDate) return;
    await run(call('measures.add', { goalId: goal.id, title: m.title.trim(), owner: m.owner.trim(), dueDate: due || null }));
    setM({ title: '', owner: '', dueDate: '' });
  };

  const headingId = `goal-${goal.id}`;
  return (
    <article className={styles.goal} aria-labelledby={headingId}>
      <div className={styles.goalHead}>
        <h3 id={headingId} className={styles.goalTitle}>
          {goal.title} <Badge appearance="tint">{t(`lifeAreas.${goal.area}`)}</Badge>
        </h3>
        {readOnly ? (
          <Badge appearance="outline">{t(`goalStatuses.${goal.status}`)}</Badge>
        ) : (
          <Field label={t('plan.goalStatus')}>
            <Select value={goal.status} onChange={(_, d) => void run(call('goals.setStatus', { id: goal.id, status: d.value as GoalStatus }))}>
              {GOAL_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(`goalStatuses.${st}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {goal.outcomeNote ? <p className={s.muted}>{goal.outcomeNote}</p> : null}
      {goal.measures.length ? (
        <table className={table.table} aria-label={t('plan.measuresOf', { goal: goal.title })}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('plan.measure')}</th>
              <th scope="col" className={table.th}>{t('plan.owner')}</th>
              <th scope="col" className={table.th}>{t('plan.dueDate')}</th>
              <th scope="col" className={table.th}>{t('plan.measureStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {goal.measures.map((x) => (
              <tr key={x.id}>
                <td className={table.td}>{x.title}</td>
                <td className={table.td}>{x.owner}</td>
                <td className={table.td}>{formatIsoDay(x.dueDate)}</td>
                <td className={table.td}>
                  {readOnly ? (
                    t(`measureStatuses.${x.status}`)
                  ) : (
                    <Select
                      aria-label={t('plan.measureStatusOf', { measure: x.title })}
                      value={x.status}
                      onChange={(_, d) => void run(call('measures.setStatus', { id: x.id, status: d.value as MeasureStatus }))}
                    >
                      {MEASURE_STATUSES.map((st) => (
                        <option key={st} value={st}>
                          {t(`measureStatuses.${st}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={s.empty}>{t('plan.noMeasures')}</p>
      )}
      {readOnly ? null : (
        <form className={styles.measureForm} onSubmit={addMeasure} noValidate aria-label={t('plan.addMeasureFor', { goal: goal.title })}>
          <Field label={t('plan.measure')} required validationState={errors.title ? 'error' : 'none'} validationMessage={errors.title}>
            <Input value={m.title} maxLength={300} onChange={(_, d) => setM((v) => ({ ...v, title: d.value }))} />
          </Field>
          <Field label={t('plan.owner')} required validationState={errors.owner ? 'error' : 'none'} validationMessage={errors.owner}>
            <Input value={m.owner} maxLength={160} onChange={(_, d) => setM((v) => ({ ...v, owner: d.value }))} />
          </Field>
          <DateField label={t('plan.dueDate')} value={m.dueDate} error={errors.dueDate} onChange={(text) => setM((v) => ({ ...v, dueDate: text }))} />
          <Button type="submit">{t('plan.addMeasure')}</Button>
        </form>
      )}
    </article>
  );
}
