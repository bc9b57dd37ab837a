import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseManagerOption, FollowUpView } from '../../api/case-types';
import { call } from '../../api/client';
import { followUpInput, type SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { DateTextField, SelectField, TextField } from '../../forms/fields';
import { germanDay } from '../../forms/form-schemas';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { formatIsoDay, todayIso } from '../../format/partial-date';
import { AddForm, ListSection } from '../ListSection';

type Props = { kase: CaseDetail; user: SessionUser; managers: CaseManagerOption[]; readOnly: boolean; onChanged: () => void; onUpdated: (c: CaseDetail) => void };

/** The contract's input with the due date typed the German way. */
const schema = followUpInput.pick({ title: true, assigneeId: true }).extend({ dueDate: germanDay });

/** Wiedervorlagen of the case: what is due when, for whom; done ones stay visible, struck through in words. */
export function FollowUpsSection({ kase, user, managers, readOnly, onChanged, onUpdated }: Props) {
  const { t } = useTranslation();
  const form = useSchemaForm(schema, { title: '', dueDate: '', assigneeId: user.id });
  const [alert, setAlert] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    try {
      onUpdated(await call('followUps.add', { caseId: kase.id, ...values, assigneeId: values.assigneeId || undefined }));
      form.reset();
      setAlert(null);
    } catch (e) {
      applyServerIssues(t, form, e, { title: 'title', dueDate: 'dueDate', assigneeId: 'assigneeId' });
      setAlert(errorText(t, e));
    }
  });

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
    <ListSection<FollowUpView>
      id="followups"
      title={t('followUps.title')}
      items={kase.followUps ?? []}
      itemKey={(f) => f.id}
      emptyText={t('followUps.empty')}
      alert={alert}
      columns={[
        { header: t('followUps.what'), cell: (f) => f.title },
        { header: t('followUps.dueDate'), cell: (f) => formatIsoDay(f.dueDate) },
        { header: t('followUps.assignee'), cell: (f) => f.assigneeName },
        {
          header: t('followUps.state'),
          cell: (f) =>
            f.doneAt ? (
              t('followUps.doneOn', { date: formatIsoDay(f.doneAt) })
            ) : readOnly ? (
              t('followUps.open')
            ) : (
              <Button size="small" onClick={() => void complete(f)} aria-label={t('work.completeLabel', { title: f.title, name: kase.clientName })}>
                {f.dueDate < today ? t('followUps.overdueComplete') : t('work.complete')}
              </Button>
            ),
        },
      ]}
      addForm={
        readOnly ? null : (
          <AddForm titleId="followup-add-title" title={t('followUps.add')} submitLabel={t('followUps.addButton')} onSubmit={(e) => void submit(e)}>
            <TextField control={form.control} name="title" label={t('followUps.what')} required maxLength={300} />
            <DateTextField control={form.control} name="dueDate" label={t('followUps.dueDate')} required />
            <SelectField control={form.control} name="assigneeId" label={t('followUps.assignee')}>
              {managers.length === 0 ? <option value={user.id}>{user.displayName}</option> : null}
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </SelectField>
          </AddForm>
        )
      }
    />
  );
}
