import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { parseGermanPartial } from '../format/partial-date';

/**
 * A calendar date typed the German way (TT.MM.JJJJ), whatever the browser's or OS's locale would make of a native
 * date input. The parent keeps the text and converts it with `isoFromGerman` when saving.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  className,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
  required?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      className={className}
      label={label}
      hint={t('dates.hint')}
      required={required}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input inputMode="numeric" autoComplete="off" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** "25.12.2026" → "2026-12-25"; '' → ''; anything else (incl. 31.02.) → null. */
export function isoFromGerman(text: string): string | null {
  if (!text.trim()) return '';
  return parseGermanPartial(text, 'day');
}

/** "2026-12-25" → "25.12.2026", for prefilling a DateField. */
export function germanFromIso(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
