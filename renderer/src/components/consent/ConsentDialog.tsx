import { Checkbox, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { CONSENT_PARTY_OFFICES, DATA_CATEGORIES, MAX_DOCUMENT_BYTES, type ConsentForm, type DataCategory, type Office } from '../../api/core';
import { errorText } from '../../api/error-text';
import { todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormDialog } from '../FormDialog';
import { documentMime, fileToBase64 } from '../clients/file-bytes';
import { PartnerPicker, type PickedPartner } from '../referrals/PartnerPicker';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  dates: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** A labelled group of checkboxes with its hint and error, announced with the group. */
function CheckGroup({ legend, hint, error, required, children }: { legend: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={styles.fieldset} aria-describedby={describedBy}>
      <legend className={styles.legend}>
        {legend}
        {required ? ' *' : ''}
      </legend>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <div className={styles.group}>{children}</div>
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

type Errors = Partial<Record<'parties' | 'categories' | 'purpose' | 'validFrom' | 'validUntil' | 'signedForm' | 'oralRecord', string>>;

/** Records a consent: parties, data categories, purpose, validity, and how it was given (signed form or record). */
export function ConsentDialog({ client, onSaved, onCancel }: { client: ClientDetail; onSaved: (c: ClientDetail) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [parties, setParties] = useState<Office[]>([]);
  const [agencies, setAgencies] = useState('');
  const [partners, setPartners] = useState<PickedPartner[]>([]);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [purpose, setPurpose] = useState('');
  const [validFrom, setValidFrom] = useState(germanFromIso(todayIso()));
  const [validUntil, setValidUntil] = useState('');
  const [form, setForm] = useState<ConsentForm>('written');
  const [file, setFile] = useState<File | null>(null);
  const [oralRecord, setOralRecord] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A signed form already uploaded for this dialog: a retry after a refusal does not store it twice.
  const [uploadedFormId, setUploadedFormId] = useState<string | null>(null);

  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));
  const agencyList = agencies
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);

  const validate = (): { from: string; until: string | null } | null => {
    const from = isoFromGerman(validFrom);
    const until = isoFromGerman(validUntil);
    const next: Errors = {
      parties: parties.length + agencyList.length + partners.length === 0 ? t('consents.validation.noParty') : undefined,
      categories: categories.length === 0 ? t('consents.validation.noCategory') : undefined,
      purpose: purpose.trim().length < 3 ? t('consents.validation.purpose') : undefined,
      validFrom: !from ? t(validFrom.trim() ? 'dates.invalid' : 'validation.required') : undefined,
      validUntil: until === null ? t('dates.invalid') : from && until && until < from ? t('validation.untilBeforeFrom') : undefined,
      signedForm: form === 'written' && !file && !uploadedFormId ? t('consents.validation.signedForm') : undefined,
      oralRecord: form === 'oral' && oralRecord.trim().length < 3 ? t('consents.validation.oralRecord') : undefined,
    };
    if (file && (!documentMime(file) || file.size > MAX_DOCUMENT_BYTES)) next.signedForm = t('errors.document.typeMismatch');
    setErrors(next);
    if (Object.values(next).some(Boolean) || !from) return null;
    return { from, until: until || null };
  };

  const save = async () => {
    const dates = validate();
    if (!dates) return;
    setBusy(true);
    setAlert(null);
    try {
      let documentId = uploadedFormId;
      if (form === 'written' && !documentId && file) {
        const doc = await call('documents.upload', {
          clientId: client.id,
          fileName: file.name,
          mimeType: documentMime(file)!,
          category: 'consent',
          contentBase64: await fileToBase64(file),
        });
        documentId = doc.id;
        setUploadedFormId(doc.id);
      }
      onSaved(
        await call('consents.add', {
          clientId: client.id,
          parties,
          agencies: agencyList,
          partnerIds: partners.map((p) => p.id),
          categories,
          purpose: purpose.trim(),
          validFrom: dates.from,
          validUntil: dates.until,
          form,
          documentId: form === 'written' ? documentId : null,
          oralRecord: form === 'oral' ? oralRecord.trim() : null,
        }),
      );
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  const otherOffices = CONSENT_PARTY_OFFICES.filter((o) => o !== client.office);
  return (
    <FormDialog
      surfaceClassName={styles.surface}
      title={t('consents.addTitle')}
      alert={alert}
      busy={busy}
      busyLabel={t('common.saving')}
      submitLabel={t('consents.save')}
      onSubmit={save}
      onCancel={onCancel}
    >
      {/* Checkbox groups as fieldsets: a Field would hand its one id to every checkbox inside it. */}
      <CheckGroup legend={t('consents.parties')} hint={t('consents.partiesHint')} error={errors.parties}>
        {otherOffices.map((o) => (
          <Checkbox key={o} label={t(`offices.${o}`)} checked={parties.includes(o)} onChange={(_, d) => setParties(toggle(parties, o, Boolean(d.checked)))} />
        ))}
      </CheckGroup>
      <PartnerPicker legend={t('consents.partners')} value={partners} onChange={setPartners} multiple />
      <p className={styles.hint}>{t('consents.partnersHint')}</p>
      <Field label={t('consents.agencies')} hint={t('consents.agenciesHint')}>
        <Textarea value={agencies} onChange={(_, d) => setAgencies(d.value)} rows={2} />
      </Field>
      <CheckGroup legend={t('consents.categories')} error={errors.categories} required>
        {DATA_CATEGORIES.map((c) => (
          <Checkbox
            key={c}
            label={t(`dataCategories.${c}`)}
            checked={categories.includes(c)}
            onChange={(_, d) => setCategories(toggle(categories, c, Boolean(d.checked)))}
          />
        ))}
      </CheckGroup>
      <Field label={t('consents.purpose')} hint={t('consents.purposeHint')} required validationMessage={errors.purpose} validationState={errors.purpose ? 'error' : 'none'}>
        <Input value={purpose} onChange={(_, d) => setPurpose(d.value)} maxLength={500} />
      </Field>
      <div className={styles.dates}>
        <DateField label={t('consents.validFrom')} value={validFrom} onChange={setValidFrom} error={errors.validFrom} required />
        <DateField label={t('consents.validUntil')} value={validUntil} onChange={setValidUntil} error={errors.validUntil} />
      </div>
      <Field label={t('consents.form')} required>
        <RadioGroup value={form} onChange={(_, d) => setForm(d.value as ConsentForm)} layout="horizontal">
          <Radio value="written" label={t('consents.forms.written')} />
          <Radio value="oral" label={t('consents.forms.oral')} />
        </RadioGroup>
      </Field>
      {form === 'written' ? (
        <Field label={t('consents.signedForm')} required validationMessage={errors.signedForm} validationState={errors.signedForm ? 'error' : 'none'}>
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setUploadedFormId(null);
            }}
          />
        </Field>
      ) : (
        <Field label={t('consents.oralRecord')} hint={t('consents.oralRecordHint')} required validationMessage={errors.oralRecord} validationState={errors.oralRecord ? 'error' : 'none'}>
          <Textarea value={oralRecord} onChange={(_, d) => setOralRecord(d.value)} rows={3} maxLength={1000} />
        </Field>
      )}
    </FormDialog>
  );
}
