import { Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseManagerOption } from '../../api/case-types';
import { call } from '../../api/client';
import { useLoad } from '../../app/use-load';

/** Picks a colleague of the office (case workers) as a participant. */
export function StaffPicker({ managers, onPick }: { managers: CaseManagerOption[]; onPick: (m: CaseManagerOption) => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const chosen = managers.find((m) => m.id === id);
  return (
    <>
      <Field label={t('conferences.form.staff')}>
        <Select value={id} onChange={(_, d) => setId(d.value)}>
          <option value="">{t('conferences.form.choose')}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button disabled={!chosen} onClick={() => (chosen ? (onPick(chosen), setId('')) : undefined)}>
          {t('conferences.form.addStaff')}
        </Button>
      </div>
    </>
  );
}

/** The contact persons of a partner (an audited read of the directory), for who represented it. */
export function ContactSelect({ partnerId, partnerName, value, onChange }: { partnerId: string; partnerName: string; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const detail = useLoad(() => call('partners.get', { id: partnerId }), [partnerId]);
  return (
    <Field label={t('conferences.form.contact', { name: partnerName })}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t('conferences.form.noContact')}</option>
        {(detail.data?.contacts ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.function ? `${c.name} (${c.function})` : c.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
