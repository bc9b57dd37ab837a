import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ClientDetail, ResidenceStatusView } from '../../api/case-types';
import { call } from '../../api/client';
import { RESIDENCE_TYPES, residenceStatusInput } from '../../api/core';
import { errorText } from '../../api/error-text';
import { DateTextField, SelectField, TextField } from '../../forms/fields';
import { optionalGermanDay } from '../../forms/form-schemas';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { formatIsoDay } from '../../format/partial-date';
import { AddForm, ListSection } from '../ListSection';
import { ResidenceBadge } from './ResidenceBadge';

const { type, legalBasis } = residenceStatusInput.shape;

/**
 * The dates typed the German way, then the contract's whole input (with its rule that the end is not before the
 * start), for the client at hand.
 */
const formSchema = (clientId: string) =>
  z
    .object({ type, legalBasis, validFrom: optionalGermanDay, validUntil: optionalGermanDay })
    .transform((v): z.input<typeof residenceStatusInput> => ({ ...v, clientId }))
    .pipe(residenceStatusInput);

/** Residence status history, newest first as the core returns it; the current one is also in the header. */
export function ResidenceSection({ client, readOnly = false, onChanged }: { client: ClientDetail; readOnly?: boolean; onChanged: (c: ClientDetail) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => formSchema(client.id), [client.id]);
  const form = useSchemaForm(schema, { type: 'aufenthaltserlaubnis', legalBasis: '', validFrom: '', validUntil: '' });
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = form.handleSubmit(async (values) => {
    try {
      onChanged(await call('residence.add', values));
      form.reset();
      setAlert(null);
      setNotice(null);
    } catch (e) {
      applyServerIssues(t, form, e, { type: 'type', legalBasis: 'legalBasis', validFrom: 'validFrom', validUntil: 'validUntil' });
      setAlert(errorText(t, e));
    }
  });

  const typeName = (r: ResidenceStatusView) => t(`residenceTypes.${r.type}`);
  return (
    <ListSection<ResidenceStatusView>
      id="residence"
      title={t('residence.title')}
      lead={
        <div>
          <ResidenceBadge residence={client.currentResidence} />
        </div>
      }
      items={client.residenceHistory ?? []}
      itemKey={(r) => r.id}
      emptyText={t('residence.empty')}
      alert={alert}
      notice={notice}
      columns={[
        { header: t('residence.type'), cell: typeName },
        { header: t('residence.legalBasis'), cell: (r) => r.legalBasis ?? '–' },
        { header: t('residence.validFrom'), cell: (r) => formatIsoDay(r.validFrom) },
        { header: t('residence.validUntilLabel'), cell: (r) => (r.validUntil ? formatIsoDay(r.validUntil) : t('residence.unlimited')) },
      ]}
      removal={
        readOnly
          ? undefined
          : {
              buttonLabel: (r) => t('residence.removeLabel', { type: typeName(r) }),
              title: t('residence.removeTitle'),
              question: (r) => t('residence.removeQuestion', { type: typeName(r) }),
              run: async (r, passphrase) => {
                onChanged(await call('residence.remove', { id: r.id, passphrase }));
                setAlert(null);
                setNotice(t('residence.removed', { type: typeName(r) }));
              },
            }
      }
      addForm={
        readOnly ? null : (
          <AddForm titleId="residence-add-title" title={t('residence.add')} submitLabel={t('residence.addButton')} onSubmit={(e) => void add(e)}>
            <SelectField control={form.control} name="type" label={t('residence.type')}>
              {RESIDENCE_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`residenceTypes.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField control={form.control} name="legalBasis" label={t('residence.legalBasis')} hint={t('residence.legalBasisHint')} autoComplete="off" />
            <DateTextField control={form.control} name="validFrom" label={t('residence.validFrom')} />
            <DateTextField control={form.control} name="validUntil" label={t('residence.validUntilLabel')} />
          </AddForm>
        )
      }
    />
  );
}
