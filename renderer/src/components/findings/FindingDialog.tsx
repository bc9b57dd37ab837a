import { Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { BARRIER_KINDS, LIFE_AREAS, PARTNER_KINDS, findingFieldsSchema, type BarrierKind, type LifeArea, type PartnerKind } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { CodeSelect } from '../CodeSelect';
import { FormDialog } from '../FormDialog';
import { checkWith, serverErrors } from '../partners/field-errors';
import { recentMonths, monthLabel } from './months';

interface Values {
  area: LifeArea | '';
  barrier: BarrierKind | '';
  partnerKind: PartnerKind | '';
  partnerId: string;
  observedIn: string;
  description: string;
}

/**
 * A case manager records a structural barrier. From a case (`caseId`), the core also refuses a text that names
 * that case's client; the finding itself keeps no link to the case.
 */
export function FindingDialog({ caseId = null, area = '', onDone, onCancel }: { caseId?: string | null; area?: LifeArea | ''; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const months = recentMonths(new Date(), 24);
  const [values, setValues] = useState<Values>({ area, barrier: '', partnerKind: '', partnerId: '', observedIn: months[0]!, description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The agencies of the chosen kind, to pick one; a finding may also name only the kind.
  const partners = useLoad(() => (values.partnerKind ? call('partners.search', { kind: values.partnerKind }) : Promise.resolve([])), [values.partnerKind]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value, ...(key === 'partnerKind' ? { partnerId: '' } : {}) }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const submit = async () => {
    const checked = checkWith(t, findingFieldsSchema, {
      ...values,
      partnerKind: values.partnerKind || null,
      partnerId: values.partnerId || null,
    });
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setAlert(null);
    setBusy(true);
    try {
      await call('findings.record', { ...checked.value, caseId });
      onDone(t('findings.form.saved'));
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'finding.personalData') {
        const what = String(error.params.kinds ?? '')
          .split(',')
          .filter(Boolean)
          .map((k) => t(`findings.form.hints.${k}`))
          .join(', ');
        setErrors({ description: t('findings.form.personal', { what }) });
      } else {
        const byField = serverErrors(t, e);
        if (byField && Object.keys(byField).length) setErrors(byField);
        else setAlert(errorText(t, e));
      }
      setBusy(false);
    }
  };

  const invalid = (key: keyof Values) => (errors[key] ? 'error' : 'none');
  return (
    <FormDialog
      title={t('findings.form.title')}
      intro={t('findings.form.intro')}
      alert={alert}
      busy={busy}
      busyLabel={t('findings.form.saving')}
      submitLabel={t('findings.form.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('findings.form.area')} required validationState={invalid('area')} validationMessage={errors.area}>
        <CodeSelect codes={LIFE_AREAS} value={values.area} onChange={(v) => set('area', v)} emptyLabel={t('findings.form.any')} label={(a) => t(`lifeAreas.${a}`)} />
      </Field>
      <Field label={t('findings.form.barrier')} required validationState={invalid('barrier')} validationMessage={errors.barrier}>
        <CodeSelect codes={BARRIER_KINDS} value={values.barrier} onChange={(v) => set('barrier', v)} emptyLabel={t('findings.form.any')} label={(b) => t(`findings.barriers.${b}`)} />
      </Field>
      <Field label={t('findings.form.partnerKind')} validationState={invalid('partnerKind')} validationMessage={errors.partnerKind}>
        <CodeSelect codes={PARTNER_KINDS} value={values.partnerKind} onChange={(v) => set('partnerKind', v)} emptyLabel={t('findings.form.any')} label={(k) => t(`partners.kinds.${k}`)} />
      </Field>
      <Field label={t('findings.form.partner')} hint={t('findings.form.partnerHint')} validationState={invalid('partnerId')} validationMessage={errors.partnerId}>
        <Select value={values.partnerId} disabled={!values.partnerKind} onChange={(_, d) => set('partnerId', d.value)}>
          <option value="">{t('findings.form.noPartner')}</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('findings.form.observedIn')} hint={t('findings.form.observedInHint')} required validationState={invalid('observedIn')} validationMessage={errors.observedIn}>
        <Select value={values.observedIn} onChange={(_, d) => set('observedIn', d.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m, i18n.language)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('findings.form.description')} hint={t('findings.form.descriptionHint')} required validationState={invalid('description')} validationMessage={errors.description}>
        <Textarea rows={4} resize="vertical" value={values.description} onChange={(_, d) => set('description', d.value)} />
      </Field>
    </FormDialog>
  );
}
