import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, HouseholdMemberView } from '../../api/case-types';
import { call } from '../../api/client';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../../api/core';
import { errorText } from '../../api/error-text';
import { FormAlert, StatusNotice } from '../FormAlert';
import { PassphraseConfirmDialog } from '../PassphraseConfirmDialog';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';

const EMPTY = { name: '', relation: 'child' as HouseholdRelation, birthYear: '' };

/** Household members with their relation to the client. */
export function HouseholdSection({ client, readOnly = false, onChanged }: { client: ClientDetail; readOnly?: boolean; onChanged: (c: ClientDetail) => void }) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<{ name?: string; birthYear?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [removing, setRemoving] = useState<HouseholdMemberView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const year = values.birthYear.trim() ? Number(values.birthYear) : null;
    const next = {
      name: values.name.trim() ? undefined : t('validation.required'),
      birthYear: year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100) ? t('validation.birthYear') : undefined,
    };
    setErrors(next);
    if (next.name || next.birthYear) return;
    try {
      onChanged(await call('household.add', { clientId: client.id, name: values.name.trim(), relation: values.relation, birthYear: year }));
      setValues(EMPTY);
      setAlert(null);
      setNotice(null);
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  /** Throws on refusal, so the confirmation dialog stays open and shows why. */
  const remove = async (m: HouseholdMemberView, passphrase: string) => {
    onChanged(await call('household.remove', { id: m.id, passphrase }));
    setRemoving(null);
    setAlert(null);
    setNotice(t('household.removed', { name: m.name }));
  };

  return (
    <section className={s.section} aria-labelledby="household-title">
      <h2 id="household-title" className={s.h2}>
        {t('household.title')}
      </h2>
      <FormAlert message={alert} />
      <StatusNotice message={notice} />
      {(client.household ?? []).length === 0 ? (
        <p className={s.empty}>{t('household.empty')}</p>
      ) : (
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('household.name')}</th>
              <th scope="col" className={table.th}>{t('household.relation')}</th>
              <th scope="col" className={table.th}>{t('household.birthYear')}</th>
              {readOnly ? null : <th scope="col" className={table.th}><span className={s.muted}>{t('common.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {(client.household ?? []).map((m) => (
              <tr key={m.id}>
                <td className={table.td}>{m.name}</td>
                <td className={table.td}>{t(`relations.${m.relation}`)}</td>
                <td className={table.td}>{m.birthYear ?? '–'}</td>
                {readOnly ? null : (
                  <td className={table.td}>
                    <Button size="small" onClick={() => setRemoving(m)} aria-label={t('household.removeLabel', { name: m.name })}>
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
        <form className={s.addForm} onSubmit={add} noValidate aria-labelledby="household-add-title">
          <h3 id="household-add-title" className={`${s.h3} ${s.wide}`}>
            {t('household.add')}
          </h3>
          <Field label={t('household.name')} required validationState={errors.name ? 'error' : 'none'} validationMessage={errors.name}>
            <Input value={values.name} onChange={(_, d) => setValues((v) => ({ ...v, name: d.value }))} autoComplete="off" />
          </Field>
          <Field label={t('household.relation')}>
            <Select value={values.relation} onChange={(_, d) => setValues((v) => ({ ...v, relation: d.value as HouseholdRelation }))}>
              {HOUSEHOLD_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relations.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('household.birthYear')} validationState={errors.birthYear ? 'error' : 'none'} validationMessage={errors.birthYear}>
            <Input inputMode="numeric" maxLength={4} value={values.birthYear} onChange={(_, d) => setValues((v) => ({ ...v, birthYear: d.value }))} />
          </Field>
          <div className={s.formActions}>
            <Button type="submit" appearance="primary">
              {t('household.addButton')}
            </Button>
          </div>
        </form>
      )}
      <PassphraseConfirmDialog
        open={removing !== null}
        title={t('household.removeTitle')}
        message={t('household.removeQuestion', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        onConfirm={(passphrase) => (removing ? remove(removing, passphrase) : Promise.resolve())}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
