import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseManagerOption, FollowUpView } from '../../api/case-types';
import { call } from '../../api/client';
import type { SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { formatIsoDay, todayIso } from '../../format/partial-date';
import { DateField, isoFromGerman } from '../DateField';
import { FormAlert } from '../FormAlert';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';

type Props = { kase: CaseDetail; user: SessionUser; managers: CaseManagerOption[]; readOnly: boolean; onChanged: () => void; onUpdated: (c: CaseDetail) => void };

/** Wiedervorlagen of the case: what is due when, for whom; done ones stay visible, struck through in words. */
export function FollowUpsSection({ kase, user, managers, readOnly, onChanged, onUpdated }: Props) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState({ title: '', dueDate: '', assigneeId: user.id });
  const [errors, setErrors] = useState<{ title?: string; dueDate?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const due = isoFromGerman(values.dueDate);
    const next = {
      title: values.title.trim() ? undefined : t('validation.required'),
      dueDate: due === '' ? t('validation.required') : due === null ? t('dates.invalid') : undefined,
    };
    setErrors(next);
    if (next.title || next.dueDate || !due) return;
    try {
      onUpdated(await call('followUps.add', { caseId: kase.id, title: values.title.trim(), dueDate: due, assigneeId: values.assigneeId || undefined }));
      setValues({ title: '', dueDate: '', assigneeId: user.id });
      setAlert(null);
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  const complete = async (f: FollowUpView) => {
    try {
      await call('followUps.complete', { id: f.id });
      onChanged();
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  const today = todayIso();
  return (
    <section className={s.section} aria-labelledby="followups-title">
      <h2 id="followups-title" className={s.h2}>
        {t('followUps.title')}
      </h2>
      <FormAlert message={alert} />
      {kase.followUps.length === 0 ? (
        <p className={s.empty}>{t('followUps.empty')}</p>
      ) : (
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('followUps.what')}</th>
              <th scope="col" className={table.th}>{t('followUps.dueDate')}</th>
              <th scope="col" className={table.th}>{t('followUps.assignee')}</th>
              <th scope="col" className={table.th}>{t('followUps.state')}</th>
            </tr>
          </thead>
          <tbody>
            {kase.followUps.map((f) => (
              <tr key={f.id}>
                <td className={table.td}>{f.title}</td>
                <td className={table.td}>{formatIsoDay(f.dueDate)}</td>
                <td className={table.td}>{f.assigneeName}</td>
                <td className={table.td}>
                  {f.doneAt ? (
                    t('followUps.doneOn', { date: formatIsoDay(f.doneAt) })
                  ) : readOnly ? (
                    t('followUps.open')
                  ) : (
                    <Button size="small" onClick={() => void complete(f)} aria-label={t('work.completeLabel', { title: f.title, name: kase.clientName })}>
                      {f.dueDate < today ? t('followUps.overdueComplete') : t('work.complete')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <form className={s.addForm} onSubmit={submit} noValidate aria-labelledby="followup-add-title">
          <h3 id="followup-add-title" className={`${s.h3} ${s.wide}`}>
            {t('followUps.add')}
          </h3>
          <Field label={t('followUps.what')} required validationState={errors.title ? 'error' : 'none'} validationMessage={errors.title}>
            <Input value={values.title} maxLength={300} onChange={(_, d) => setValues((v) => ({ ...v, title: d.value }))} />
          </Field>
          <DateField label={t('followUps.dueDate')} required value={values.dueDate} error={errors.dueDate} onChange={(text) => setValues((v) => ({ ...v, dueDate: text }))} />
          <Field label={t('followUps.assignee')}>
            <Select value={values.assigneeId} onChange={(_, d) => setValues((v) => ({ ...v, assigneeId: d.value }))}>
              {managers.length === 0 ? <option value={user.id}>{user.displayName}</option> : null}
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.formActions}>
            <Button type="submit" appearance="primary">
              {t('followUps.addButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
