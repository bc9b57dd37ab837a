import { Field, Input } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The administrator's own passphrase, asked again before every sensitive change (the core checks it). */
export function ConfirmPassphraseField({
  value,
  error,
  onChange,
  inputRef,
  label,
  hint,
}: {
  value: string;
  error: string | null | undefined;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
  label?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={label ?? t('accountAdmin.confirmLabel')}
      hint={hint ?? t('accountAdmin.confirmHint')}
      required
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? undefined}
    >
      <Input ref={inputRef} type="password" name="confirmPassphrase" autoComplete="current-password" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
