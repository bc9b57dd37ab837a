import { Field, Input } from '@fluentui/react-components';
import { Controller, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** The administrator's own passphrase, asked again before every sensitive change (the core checks it). */
export function ConfirmPassphraseField<T extends FieldValues & { confirmPassphrase: string }>({
  control,
  label,
  hint,
}: {
  control: Control<T, unknown, unknown>;
  label?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      name={'confirmPassphrase' as never}
      control={control as unknown as Control<{ confirmPassphrase: string }>}
      render={({ field, fieldState }) => (
        <Field
          label={label ?? t('accountAdmin.confirmLabel')}
          hint={hint ?? t('accountAdmin.confirmHint')}
          required
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={fieldState.error?.message}
        >
          <Input
            ref={field.ref}
            type="password"
            name="confirmPassphrase"
            autoComplete="current-password"
            value={field.value}
            onChange={(_, d) => field.onChange(d.value)}
            onBlur={field.onBlur}
          />
        </Field>
      )}
    />
  );
}
