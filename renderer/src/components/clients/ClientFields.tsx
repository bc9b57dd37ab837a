import { Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS, SPECIAL_NATIONALITIES, type Gender } from '../../api/core';
import type { DatePrecision } from '../../format/partial-date';
import { countryName, languageName, MAIN_COUNTRIES, MAIN_LANGUAGES, sortedByName } from '../../format/world';
import type { ClientFieldName, ClientFormValues } from './client-form-model';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}`, fontSize: tokens.fontSizeBase400 },
  wide: { gridColumn: '1 / -1' },
  pair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export type FieldRefs = MutableRefObject<Partial<Record<ClientFieldName, HTMLElement | null>>>;

interface Props {
  idPrefix: string;
  values: ClientFormValues;
  errors: Partial<Record<ClientFieldName, string>>;
  onChange: (patch: Partial<ClientFormValues>) => void;
  refs: FieldRefs;
}

const DATE_HINTS: Record<DatePrecision, string> = { year: 'clientForm.birthHintYear', month: 'clientForm.birthHintMonth', day: 'clientForm.birthHintDay' };

/** All master-data fields of a client, shared by "Neue Klient:in" and the Stammdaten editor. */
export function ClientFields({ idPrefix, values, errors, onChange, refs }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countries = sortedByName(MAIN_COUNTRIES, (c) => countryName(c, lang), lang);
  const languages = sortedByName(MAIN_LANGUAGES, (c) => languageName(c, lang), lang);
  const ref = (name: ClientFieldName) => (el: HTMLElement | null) => {
    refs.current[name] = el;
  };
  const state = (name: ClientFieldName) => (errors[name] ? 'error' : 'none');
  const text = (name: ClientFieldName) => ({
    name,
    value: values[name] as string,
    onChange: (_: unknown, d: { value: string }) => onChange({ [name]: d.value }),
  });

  const nationalityOptions = (
    <>
      <option value="">{t('clientForm.none')}</option>
      {SPECIAL_NATIONALITIES.map((n) => (
        <option key={n} value={n}>
          {t(`nationalities.${n}`)}
        </option>
      ))}
      {countries.map((c) => (
        <option key={c} value={c}>
          {countryName(c, lang)}
        </option>
      ))}
    </>
  );
  const languageOptions = (
    <>
      <option value="">{t('clientForm.none')}</option>
      {languages.map((c) => (
        <option key={c} value={c}>
          {languageName(c, lang)}
        </option>
      ))}
    </>
  );

  return (
    <div className={styles.stack}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('clientForm.nameLegend')}</legend>
        <Field label={t('clientForm.familyName')} required validationState={state('familyName')} validationMessage={errors.familyName}>
          <Input ref={ref('familyName')} autoComplete="off" {...text('familyName')} />
        </Field>
        <Field label={t('clientForm.givenNames')} required validationState={state('givenNames')} validationMessage={errors.givenNames}>
          <Input ref={ref('givenNames')} autoComplete="off" {...text('givenNames')} />
        </Field>
        <Field
          className={styles.wide}
          label={t('clientForm.alternativeNames')}
          hint={t('clientForm.alternativeNamesHint')}
          validationState={state('alternativeNames')}
          validationMessage={errors.alternativeNames}
        >
          <Textarea ref={ref('alternativeNames')} rows={2} resize="vertical" {...text('alternativeNames')} />
        </Field>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('clientForm.birthLegend')}</legend>
        <Field label={t('clientForm.birthPrecision')}>
          <RadioGroup
            name={`${idPrefix}-birthPrecision`}
            value={values.birthPrecision}
            onChange={(_, d) => onChange({ birthPrecision: d.value as DatePrecision })}
          >
            <Radio value="year" label={t('clientForm.precision.year')} />
            <Radio value="month" label={t('clientForm.precision.month')} />
            <Radio value="day" label={t('clientForm.precision.day')} />
          </RadioGroup>
        </Field>
        <div className={styles.pair}>
          <Field label={t('clientForm.birthDate')} hint={t(DATE_HINTS[values.birthPrecision])} validationState={state('birthDate')} validationMessage={errors.birthDate}>
            <Input ref={ref('birthDate')} inputMode="numeric" autoComplete="off" {...text('birthDate')} />
          </Field>
          {values.birthPrecision === 'day' ? (
            <Checkbox
              checked={values.birthDatePlaceholder}
              onChange={(_, d) => onChange({ birthDatePlaceholder: d.checked === true })}
              label={t('clientForm.placeholder')}
            />
          ) : null}
        </div>
        <Field label={t('clientForm.gender')}>
          <Select ref={ref('gender')} name="gender" value={values.gender} onChange={(_, d) => onChange({ gender: d.value as Gender })}>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {t(`genders.${g}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('clientForm.nationality1')} validationState={state('nationality1')} validationMessage={errors.nationality1}>
          <Select ref={ref('nationality1')} name="nationality1" value={values.nationality1} onChange={(_, d) => onChange({ nationality1: d.value })}>
            {nationalityOptions}
          </Select>
        </Field>
        <Field label={t('clientForm.nationality2')}>
          <Select ref={ref('nationality2')} name="nationality2" value={values.nationality2} onChange={(_, d) => onChange({ nationality2: d.value })}>
            {nationalityOptions}
          </Select>
        </Field>
        <Field
          label={t('clientForm.otherNationality')}
          hint={t('clientForm.otherNationalityHint')}
          validationState={state('otherNationality')}
          validationMessage={errors.otherNationality}
        >
          <Input ref={ref('otherNationality')} maxLength={2} autoComplete="off" {...text('otherNationality')} />
        </Field>
        <Field label={t('clientForm.arrivalDate')} hint={t('clientForm.arrivalHint')} validationState={state('arrivalDate')} validationMessage={errors.arrivalDate}>
          <Input ref={ref('arrivalDate')} inputMode="numeric" autoComplete="off" {...text('arrivalDate')} />
        </Field>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('clientForm.languageLegend')}</legend>
        {([1, 2] as const).map((n) => (
          <div key={n} className={styles.pair}>
            <Field label={t(`clientForm.language${n}`)} validationState={n === 1 ? state('language1') : 'none'} validationMessage={n === 1 ? errors.language1 : undefined}>
              <Select ref={ref(`language${n}`)} name={`language${n}`} value={values[`language${n}`]} onChange={(_, d) => onChange({ [`language${n}`]: d.value })}>
                {languageOptions}
              </Select>
            </Field>
            <Checkbox
              checked={values[`interpreter${n}`]}
              onChange={(_, d) => onChange({ [`interpreter${n}`]: d.checked === true })}
              label={t('clientForm.interpreter', { n })}
            />
          </div>
        ))}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('clientForm.contactLegend')}</legend>
        <Field className={styles.wide} label={t('clientForm.street')} validationState={state('street')} validationMessage={errors.street}>
          <Input ref={ref('street')} autoComplete="off" {...text('street')} />
        </Field>
        <Field label={t('clientForm.postalCode')} validationState={state('postalCode')} validationMessage={errors.postalCode}>
          <Input ref={ref('postalCode')} inputMode="numeric" maxLength={5} autoComplete="off" {...text('postalCode')} />
        </Field>
        <Field label={t('clientForm.city')} validationState={state('city')} validationMessage={errors.city}>
          <Input ref={ref('city')} autoComplete="off" {...text('city')} />
        </Field>
        <Field label={t('clientForm.phone')} validationState={state('phone')} validationMessage={errors.phone}>
          <Input ref={ref('phone')} type="tel" autoComplete="off" {...text('phone')} />
        </Field>
        <Field label={t('clientForm.email')} validationState={state('email')} validationMessage={errors.email}>
          <Input ref={ref('email')} type="email" autoComplete="off" {...text('email')} />
        </Field>
      </fieldset>
    </div>
  );
}
