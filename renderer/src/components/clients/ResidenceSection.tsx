import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import type { ClientDetail, ResidenceStatusView } from '../../api/case-types';
import { call } from '../../api/client';
import { RESIDENCE_TYPES, type ResidenceType } from '../../api/core';
import { errorText } from '../../api/error-text';
import { formatIsoDay } from '../../format/partial-date';
import { DateField, isoFromGerman } from '../DateField';
import { FormAlert, StatusNotice } from '../FormAlert';
import { PassphraseConfirmDialog } from '../PassphraseConfirmDialog';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';
import { ResidenceBadge } from './ResidenceBadge';

const EMPTY = { type: 'aufenthaltserlaubnis' as ResidenceType, legalBasis: '', validFrom: '', validUntil: '' };

/** Residence status history, newest first as the core returns it; the current one is also in the header. */
export function ResidenceSection({ client, readOnly = false, onChanged }: { client: ClientDetail; readOnly?: boolean; onChanged: (c: ClientDetail) => void }) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<{ validFrom?: string; validUntil?: string; legalBasis?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ResidenceStatusView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const from = isoFromGerman(values.validFrom);
    const until = isoFromGerman(values.validUntil);
    const next = {
      validFrom: from === null ? t('dates.invalid') : undefined,
      validUntil: until === null ? t('dates.invalid') : from && until && until < from ? t('validation.untilBeforeFrom') : undefined,
      legalBasis: values.legalBasis.length > 80 ? t('validation.tooLong', { maximum: 80 }) : undefined,
    };
    setErrors(next);
    if (next.validFrom || next.validUntil || next.legalBasis) return;
    try {
      onChanged(
        await call('residence.add', {
          clientId: client.id,
          type: values.type,
          legalBasis: values.legalBasis.trim() || undefined,
          validFrom: from || null,
          validUntil: until || null,
        }),
      );
      setValues(EMPTY);
      setAlert(null);
      setNotice(null);
    } catch (error) {
      const e = toApiError(error);
      if (e.issues.some((i) => i.path.startsWith('valid'))) setErrors({ validUntil: t('validation.date') });
      setAlert(errorText(t, e));
    }
  };

  /** Throws on refusal, so the confirmation dialog stays open and shows why. */
  const remove = async (r: ResidenceStatusView, passphrase: string) => {
    onChanged(await call('residence.remove', { id: r.id, passphrase }));
    setRemoving(null);
    setAlert(null);
    setNotice(t('residence.removed', { type: t(`residenceTypes.${r.type}`) }));
  };

  return (
    <section className={s.section} aria-labelledby="residence-title">
      <h2 id="residence-title" className={s.h2}>
        {t('residence.title')}
      </h2>
      <div>
        <ResidenceBadge residence={client.currentResidence} />
      </div>
      <FormAlert message={alert} />
      <StatusNotice message={notice} />
      {(client.residenceHistory ?? []).length === 0 ? (
        <p className={s.empty}>{t('residence.empty')}</p>
      ) : (
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('residence.type')}</th>
              <th scope="col" className={table.th}>{t('residence.legalBasis')}</th>
              <th scope="col" className={table.th}>{t('residence.validFrom')}</th>
              <th scope="col" className={table.th}>{t('residence.validUntilLabel')}</th>
              {readOnly ? null : <th scope="col" className={table.th}><span className={s.muted}>{t('common.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {(client.residenceHistory ?? []).map((r) => (
              <tr key={r.id}>
                <td className={table.td}>{t(`residenceTypes.${r.type}`)}</td>
                <td className={table.td}>{r.legalBasis ?? '–'}</td>
                <td className={table.td}>{formatIsoDay(r.validFrom)}</td>
                <td className={table.td}>{r.validUntil ? formatIsoDay(r.validUntil) : t('residence.unlimited')}</td>
                {readOnly ? null : (
                  <td className={table.td}>
                    <Button size="small" onClick={() => setRemoving(r)} aria-label={t('residence.removeLabel', { type: t(`residenceTypes.${r.type}`) })}>
                      {t('common.remove')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <form className={s.addForm} onSubmit={add} noValidate aria-labelledby="residence-add-title">
          <h3 id="residence-add-title" className={`${s.h3} ${s.wide}`}>
            {t('residence.add')}
          </h3>
          <Field label={t('residence.type')}>
            <Select value={values.type} onChange={(_, d) => setValues((v) => ({ ...v, type: d.value as ResidenceType }))}>
              {RESIDENCE_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`residenceTypes.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('residence.legalBasis')} hint={t('residence.legalBasisHint')} validationState={errors.legalBasis ? 'error' : 'none'} validationMessage={errors.legalBasis}>
            <Input value={values.legalBasis} onChange={(_, d) => setValues((v) => ({ ...v, legalBasis: d.value }))} autoComplete="off" />
          </Field>
          <DateField label={t('residence.validFrom')} value={values.validFrom} error={errors.validFrom} onChange={(text) => setValues((v) => ({ ...v, validFrom: text }))} />
          <DateField
            label={t('residence.validUntilLabel')}
            value={values.validUntil}
            error={errors.validUntil}
            onChange={(text) => setValues((v) => ({ ...v, validUntil: text }))}
          />
          <div className={s.formActions}>
            <Button type="submit" appearance="primary">
              {t('residence.addButton')}
            </Button>
          </div>
        </form>
      )}
      <PassphraseConfirmDialog
        open={removing !== null}
        title={t('residence.removeTitle')}
        message={t('residence.removeQuestion', { type: removing ? t(`residenceTypes.${removing.type}`) : '' })}
        confirmLabel={t('common.remove')}
        onConfirm={(passphrase) => (removing ? remove(removing, passphrase) : Promise.resolve())}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
