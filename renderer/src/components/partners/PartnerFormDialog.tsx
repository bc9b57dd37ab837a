import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { OFFICES, PARTNER_KINDS, PARTNER_SERVICES, RECHTSKREISE, partnerFieldsSchema, type PartnerDetail, type PartnerFields } from '../../api/core';
import { errorText } from '../../api/error-text';
import { MAIN_LANGUAGES, languageName, sortedByName } from '../../format/world';
import { FormDialog } from '../FormDialog';
import { CheckGroup } from './CheckGroup';
import { checkWith, serverErrors } from './field-errors';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
});

/** What the dialog does: Koordination saves (new or existing partner), a case manager proposes (new or changed). */
export type PartnerFormMode = 'new' | 'edit' | 'propose' | 'proposeNew';

type Values = { [K in keyof PartnerFields]: PartnerFields[K] extends string[] ? string[] : string };

function valuesOf(p: PartnerDetail | null): Values {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? '',
    rechtskreise: p?.rechtskreise ?? [],
    street: p?.street ?? '',
    postalCode: p?.postalCode ?? '',
    city: p?.city ?? '',
    openingHours: p?.openingHours ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    languages: p?.languages ?? [],
    services: p?.services ?? [],
    offices: p?.offices ?? [],
    notes: p?.notes ?? '',
  };
}

/** The form of a partner's fields, shared by editing (Koordination) and proposing (Fallmanagement). */
export function PartnerFormDialog({
  mode,
  partner,
  onDone,
  onCancel,
}: {
  mode: PartnerFormMode;
  partner: PartnerDetail | null;
  onDone: (message: string, saved: { id: string } | null) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(partner));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const proposing = mode === 'propose' || mode === 'proposeNew';

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: Exclude<keyof Values, 'rechtskreise' | 'languages' | 'services' | 'offices'>, label: string, extra: { required?: boolean; type?: 'tel' | 'email'; inputMode?: 'numeric' } = {}) => (
    <Field label={label} required={extra.required} validationState={errors[key] ? 'error' : 'none'} validationMessage={errors[key]}>
      <Input value={values[key]} type={extra.type} inputMode={extra.inputMode} autoComplete="off" onChange={(_, d) => set(key, d.value)} />
    </Field>
  );

  const submit = async () => {
    const checked = checkWith(t, partnerFieldsSchema, values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setAlert(null);
    setBusy(true);
    try {
      if (proposing) {
        await call('partnerProposals.propose', { target: 'partner', partnerId: partner?.id ?? null, partner: checked.value, comment: comment.trim() || null });
        onDone(t('partners.form.proposed', { name: checked.value.name }), null);
      } else {
        const saved = await call('partners.save', partner ? { ...checked.value, id: partner.id, version: partner.version } : checked.value);
        onDone(t('partners.form.saved', { name: saved.name }), saved);
      }
    } catch (e) {
      const byField = serverErrors(t, e, proposing ? 'partner.' : '');
      if (byField && Object.keys(byField).length) setErrors(byField);
      else setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  const title =
    mode === 'new'
      ? t('partners.form.newTitle')
      : mode === 'edit'
        ? t('partners.form.editTitle', { name: partner?.name ?? '' })
        : mode === 'propose'
          ? t('partners.form.proposeTitle', { name: partner?.name ?? '' })
          : t('partners.form.proposeNewTitle');
  const language = i18n.language;
  return (
    <FormDialog
      surfaceClassName={styles.surface}
      title={title}
      intro={proposing ? t('partners.form.proposeIntro') : undefined}
      alert={alert}
      busy={busy}
      busyLabel={t('partners.form.saving')}
      submitLabel={proposing ? t('partners.form.submitProposal') : t('partners.form.save')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {text('name', t('partners.form.name'), { required: true })}
      <Field label={t('partners.form.kind')} required validationState={errors.kind ? 'error' : 'none'} validationMessage={errors.kind}>
        <Select value={values.kind} onChange={(_, d) => set('kind', d.value)}>
          <option value="">{t('partners.form.chooseKind')}</option>
          {PARTNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`partners.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <CheckGroup
        legend={t('partners.form.services')}
        options={PARTNER_SERVICES}
        labelOf={(s) => t(`partners.services.${s}`)}
        value={values.services}
        onChange={(v) => set('services', v)}
        error={errors.services}
      />
      <CheckGroup
        legend={t('partners.form.languages')}
        options={sortedByName(MAIN_LANGUAGES, (c) => languageName(c, language), language)}
        labelOf={(c) => languageName(c, language)}
        value={values.languages}
        onChange={(v) => set('languages', v)}
        error={errors.languages}
        scroll
      />
      <CheckGroup legend={t('partners.form.offices')} options={OFFICES} labelOf={(o) => t(`offices.${o}`)} value={values.offices} onChange={(v) => set('offices', v)} error={errors.offices} />
      <CheckGroup
        legend={t('partners.form.rechtskreise')}
        options={RECHTSKREISE}
        labelOf={(r) => t(`rechtskreise.${r}`)}
        value={values.rechtskreise}
        onChange={(v) => set('rechtskreise', v)}
        error={errors.rechtskreise}
      />
      {text('street', t('partners.form.street'))}
      <div className={styles.row}>
        {text('postalCode', t('partners.form.postalCode'), { inputMode: 'numeric' })}
        {text('city', t('partners.form.city'))}
      </div>
      <div className={styles.row}>
        {text('phone', t('partners.form.phone'), { type: 'tel' })}
        {text('email', t('partners.form.email'), { type: 'email' })}
      </div>
      <Field label={t('partners.form.openingHours')} validationState={errors.openingHours ? 'error' : 'none'} validationMessage={errors.openingHours}>
        <Textarea value={values.openingHours} rows={2} onChange={(_, d) => set('openingHours', d.value)} />
      </Field>
      <Field label={t('partners.form.notes')} validationState={errors.notes ? 'error' : 'none'} validationMessage={errors.notes}>
        <Textarea value={values.notes} rows={2} onChange={(_, d) => set('notes', d.value)} />
      </Field>
      {proposing ? (
        <Field label={t('partners.form.comment')}>
          <Textarea value={comment} rows={2} onChange={(_, d) => setComment(d.value)} />
        </Field>
      ) : null}
    </FormDialog>
  );
}
