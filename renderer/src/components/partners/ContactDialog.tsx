import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { contactFieldsSchema, type PartnerContactView } from '../../api/core';
import { errorText } from '../../api/error-text';
import { FormDialog } from '../FormDialog';
import { checkWith, serverErrors } from './field-errors';

type Key = 'name' | 'function' | 'phone' | 'email';

/**
 * Koordination adds or edits a contact person: name, function and work contact details only. With `propose`, a case
 * manager proposes the same instead, and Koordination decides.
 */
export function ContactDialog({
  partnerId,
  contact,
  propose = false,
  onDone,
  onCancel,
}: {
  partnerId: string;
  contact: PartnerContactView | null;
  propose?: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Key, string>>({
    name: contact?.name ?? '',
    function: contact?.function ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = checkWith(t, contactFieldsSchema, values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setAlert(null);
    setBusy(true);
    try {
      if (propose) {
        await call('partnerProposals.propose', { target: 'contact', partnerId, contactId: contact?.id ?? null, contact: checked.value });
        onDone(t('partners.contactForm.proposed', { name: checked.value.name }));
      } else {
        const saved = await call('partnerContacts.save', { ...checked.value, partnerId, ...(contact ? { id: contact.id } : {}) });
        onDone(t('partners.contactForm.saved', { name: saved.name }));
      }
    } catch (e) {
      const byField = serverErrors(t, e, propose ? 'contact.' : '');
      if (byField && Object.keys(byField).length) setErrors(byField);
      else setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  const field = (key: Key, type?: 'tel' | 'email') => (
    <Field label={t(`partners.contactForm.${key}`)} required={key === 'name'} validationState={errors[key] ? 'error' : 'none'} validationMessage={errors[key]}>
      <Input value={values[key]} type={type} autoComplete="off" onChange={(_, d) => setValues((v) => ({ ...v, [key]: d.value }))} />
    </Field>
  );
  return (
    <FormDialog
      title={propose ? t('partners.contactForm.proposeTitle') : contact ? t('partners.contactForm.editTitle') : t('partners.contactForm.newTitle')}
      intro={propose ? `${t('partners.contactForm.intro')} ${t('partners.form.proposeIntro')}` : t('partners.contactForm.intro')}
      alert={alert}
      busy={busy}
      busyLabel={t('partners.form.saving')}
      submitLabel={propose ? t('partners.form.submitProposal') : t('partners.form.save')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {field('name')}
      {field('function')}
      {field('phone', 'tel')}
      {field('email', 'email')}
    </FormDialog>
  );
}
