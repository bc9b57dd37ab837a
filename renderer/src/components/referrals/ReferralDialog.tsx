import { Field, Radio, RadioGroup, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ReferralView } from '../../api/case-types';
import { call } from '../../api/client';
import { DATA_CATEGORIES, REFERRAL_URGENCIES, type DataCategory, type PartnerContactView, type ReferralUrgency } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';
import { CheckGroup } from '../partners/CheckGroup';
import { PartnerPicker, type PickedPartner } from './PartnerPicker';

const useStyles = makeStyles({ surface: { maxWidth: '720px', width: '100%' } });

type Errors = Partial<Record<'partner' | 'request' | 'categories' | 'feedbackDue', string>>;

/** Creates a referral as a draft, or changes a draft: partner (and contact), request, urgency, categories, deadline. */
export function ReferralDialog({ kase, referral, onSaved, onCancel }: { kase: CaseDetail; referral: ReferralView | null; onSaved: (r: ReferralView) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [partner, setPartner] = useState<PickedPartner[]>(referral ? [{ id: referral.partnerId, name: referral.partnerName }] : []);
  const partnerId = partner[0]?.id;
  const [contactId, setContactId] = useState(referral?.contactId ?? '');
  const [request, setRequest] = useState(referral?.details?.request ?? '');
  const [urgency, setUrgency] = useState<ReferralUrgency>(referral?.urgency ?? 'normal');
  const [categories, setCategories] = useState<DataCategory[]>(referral?.categories ?? []);
  const [feedbackDue, setFeedbackDue] = useState(referral?.feedbackDue ? germanFromIso(referral.feedbackDue) : '');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The partner's contact persons (a read of personal data, audited by core).
  const contactList = useLoad(() => (partnerId ? call('partners.get', { id: partnerId }).then((d) => d.contacts) : Promise.resolve([])), [partnerId]);
  const contacts: PartnerContactView[] = contactList.data ?? [];

  // Only categories the caller sees may be sent (core refuses the rest).
  const offered = DATA_CATEGORIES.filter((c) => kase.access.categories.includes(c));

  const save = async () => {
    const due = isoFromGerman(feedbackDue);
    const next: Errors = {
      partner: partnerId ? undefined : t('referrals.dialog.partnerRequired'),
      request: request.trim().length < 3 ? t('referrals.dialog.requestRequired') : undefined,
      categories: categories.length ? undefined : t('referrals.dialog.categoriesRequired'),
      feedbackDue: due === null ? t('dates.invalid') : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !partnerId) return;
    setBusy(true);
    setAlert(null);
    const fields = { partnerId, contactId: contactId || null, request: request.trim(), urgency, categories, feedbackDue: due || null };
    try {
      onSaved(referral ? await call('referrals.update', { id: referral.id, version: referral.version, ...fields }) : await call('referrals.create', { caseId: kase.id, ...fields }));
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      surfaceClassName={styles.surface}
      title={referral ? t('referrals.dialog.editTitle') : t('referrals.dialog.createTitle')}
      alert={alert}
      busy={busy}
      busyLabel={t('referrals.dialog.saving')}
      submitLabel={t('referrals.dialog.save')}
      onSubmit={save}
      onCancel={onCancel}
    >
      <PartnerPicker
        legend={t('referrals.dialog.partner')}
        value={partner}
        onChange={(next) => {
          setPartner(next);
          setContactId('');
        }}
        multiple={false}
        error={errors.partner}
        required
      />
      <Field label={t('referrals.dialog.contact')}>
        <Select value={contactId} onChange={(_, d) => setContactId(d.value)} disabled={!contacts.length}>
          <option value="">{t('referrals.dialog.contactNone')}</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.function ? `${c.name} (${c.function})` : c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('referrals.dialog.request')} hint={t('referrals.dialog.requestHint')} required validationMessage={errors.request} validationState={errors.request ? 'error' : 'none'}>
        <Textarea value={request} onChange={(_, d) => setRequest(d.value)} rows={3} maxLength={2000} />
      </Field>
      <Field label={t('referrals.urgency')}>
        <RadioGroup value={urgency} onChange={(_, d) => setUrgency(d.value as ReferralUrgency)} layout="horizontal">
          {REFERRAL_URGENCIES.map((u) => (
            <Radio key={u} value={u} label={t(`referrals.urgencies.${u}`)} />
          ))}
        </RadioGroup>
      </Field>
      <CheckGroup legend={`${t('referrals.dialog.categories')} *`} options={offered} labelOf={(c) => t(`dataCategories.${c}`)} value={categories} onChange={setCategories} error={errors.categories} />
      <DateField label={t('referrals.dialog.feedbackDue')} value={feedbackDue} onChange={setFeedbackDue} error={errors.feedbackDue} />
      <p>{t('referrals.dialog.feedbackDueHint')}</p>
    </FormDialog>
  );
}
