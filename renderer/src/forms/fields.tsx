import { Field, Input, Select, Textarea, type InputProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { DateField } from '../components/DateField';

/**
 * Fluent fields wired to a react-hook-form through Controller (Fluent's Input keeps its own value state, so a DOM
 * write by register() would not stick). The field's error is the form's: the check of the schema or the core's.
 */
interface Base<T extends FieldValues> {
  control: Control<T, unknown, unknown>;
  name: FieldPathByValue<T, string | null | undefined>;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  required,
  className,
  type,
  autoComplete,
  inputMode,
  maxLength,
  spellCheck,
  autoCapitalize,
}: Base<T> & Pick<InputProps, 'type' | 'autoComplete' | 'inputMode' | 'maxLength' | 'spellCheck' | 'autoCapitalize'>) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Field
          className={className}
          label={label}
          hint={hint}
          required={required}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={fieldState.error?.message}
        >
          <Input
            ref={field.ref}
            name={field.name}
            type={type}
            autoComplete={autoComplete}
            inputMode={inputMode}
            maxLength={maxLength}
            spellCheck={spellCheck}
            autoCapitalize={autoCapitalize}
            value={(field.value as string | null | undefined) ?? ''}
            onChange={(_, d) => field.onChange(d.value)}
            onBlur={field.onBlur}
          />
        </Field>
      )}
    />
  );
}

export function TextAreaField<T extends FieldValues>({ control, name, label, hint, required, className, rows, maxLength }: Base<T> & { rows?: number; maxLength?: number }) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Field
          className={className}
          label={label}
          hint={hint}
          required={required}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={fieldState.error?.message}
        >
          <Textarea
            ref={field.ref}
            name={field.name}
            rows={rows}
            maxLength={maxLength}
            value={(field.value as string | null | undefined) ?? ''}
            onChange={(_, d) => field.onChange(d.value)}
            onBlur={field.onBlur}
          />
        </Field>
      )}
    />
  );
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  required,
  className,
  disabled,
  children,
}: Base<T> & { disabled?: boolean; children: ReactNode }) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Field
          className={className}
          label={label}
          hint={hint}
          required={required}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={fieldState.error?.message}
        >
          <Select
            ref={field.ref}
            name={field.name}
            disabled={disabled}
            value={(field.value as string | null | undefined) ?? ''}
            onChange={(_, d) => field.onChange(d.value)}
            onBlur={field.onBlur}
          >
            {children}
          </Select>
        </Field>
      )}
    />
  );
}

/** A German date text field (TT.MM.JJJJ); the form schema parses it (germanDay / optionalGermanDay). */
export function DateTextField<T extends FieldValues>({ control, name, label, required, className }: Omit<Base<T>, 'hint'>) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <DateField
          className={className}
          label={label}
          required={required}
          value={(field.value as string | null | undefined) ?? ''}
          error={fieldState.error?.message}
          onChange={(text) => field.onChange(text)}
        />
      )}
    />
  );
}
