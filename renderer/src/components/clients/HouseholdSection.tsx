import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ClientDetail, HouseholdMemberView } from '../../api/case-types';
import { call } from '../../api/client';
import { HOUSEHOLD_RELATIONS, householdMemberInput } from '../../api/core';
import { errorText } from '../../api/error-text';
import { SelectField, TextField } from '../../forms/fields';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { AddForm, ListSection } from '../ListSection';

/** The contract's input with the birth year typed as text (blank: unknown). */
const schema = householdMemberInput.pick({ name: true, relation: true }).extend({
  birthYear: z
    .string()
    .transform((text) => (text.trim() ? Number(text.trim()) : null))
    .pipe(householdMemberInput.shape.birthYear.unwrap()),
});
const BIRTH_YEAR = 'validation.birthYear';
const OVERRIDES = { birthYear: { invalid_type: BIRTH_YEAR, too_small: BIRTH_YEAR, too_big: BIRTH_YEAR, invalid_format: BIRTH_YEAR } };

/** Household members with their relation to the client. */
export function HouseholdSection({ client, readOnly = false, onChanged }: { client: ClientDetail; readOnly?: boolean; onChanged: (c: ClientDetail) => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(schema, { name: '', relation: 'child', birthYear: '' }, OVERRIDES);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = form.handleSubmit(async (values) => {
    try {
      onChanged(await call('household.add', { clientId: client.id, ...values }));
      form.reset();
      setAlert(null);
      setNotice(null);
    } catch (e) {
      applyServerIssues(t, form, e, { name: 'name', relation: 'relation', birthYear: 'birthYear' }, OVERRIDES);
      setAlert(errorText(t, e));
    }
  });

  return (
    <ListSection<HouseholdMemberView>
      id="household"
      title={t('household.title')}
      items={client.household ?? []}
      itemKey={(m) => m.id}
      emptyText={t('household.empty')}
      alert={alert}
      notice={notice}
      columns={[
        { header: t('household.name'), cell: (m) => m.name },
        { header: t('household.relation'), cell: (m) => t(`relations.${m.relation}`) },
        { header: t('household.birthYear'), cell: (m) => m.birthYear ?? '–' },
      ]}
      removal={
        readOnly
          ? undefined
          : {
              buttonLabel: (m) => t('household.removeLabel', { name: m.name }),
              title: t('household.removeTitle'),
              question: (m) => t('household.removeQuestion', { name: m.name }),
              run: async (m, passphrase) => {
                onChanged(await call('household.remove', { id: m.id, passphrase }));
                setAlert(null);
                setNotice(t('household.removed', { name: m.name }));
              },
            }
      }
      addForm={
        readOnly ? null : (
          <AddForm titleId="household-add-title" title={t('household.add')} submitLabel={t('household.addButton')} onSubmit={(e) => void add(e)}>
            <TextField control={form.control} name="name" label={t('household.name')} required autoComplete="off" />
            <SelectField control={form.control} name="relation" label={t('household.relation')}>
              {HOUSEHOLD_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relations.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField control={form.control} name="birthYear" label={t('household.birthYear')} inputMode="numeric" maxLength={4} />
          </AddForm>
        )
      }
    />
  );
}
