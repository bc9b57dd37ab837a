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

/** What the Fluent control inside a labelled field gets from the form: value as text, change, blur, ref, name. */
interface Bound {
  ref: (el: HTMLElement | null) => void;
  name: string;
  value: string;
  onChange: (_: unknown, d: { value: string }) => void;
  onBlur: () => void;
}

/** Controller + Fluent Field with the form's error; `render` draws the Fluent input bound to the field. */
function LabelledField<T extends FieldValues>({ control, name, label, hint, required, className, render }: Base<T> & { render: (bound: Bound) => ReactNode }) {
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
          {render({
            ref: field.ref,
            name: field.name,
            value: (field.value as string | null | undefined) ?? '',
            onChange: (_, d) => field.onChange(d.value),
            onBlur: field.onBlur,
          })}
        </Field>
      )}
    />
  );
}

export function TextField<T extends FieldValues>({
  type,
  autoComplete,
  inputMode,
  maxLength,
  spellCheck,
  autoCapitalize,
  readOnly,
  ...base
}: Base<T> & Pick<InputProps, 'type' | 'autoComplete' | 'inputMode' | 'maxLength' | 'spellCheck' | 'autoCapitalize' | 'readOnly'>) {
  return (
    <LabelledField
      {...base}
      render={(bound) => (
        <Input {...bound} type={type} autoComplete={autoComplete} inputMode={inputMode} maxLength={maxLength} spellCheck={spellCheck} autoCapitalize={autoCapitalize} readOnly={readOnly} />
      )}
    />
  );
}

export function TextAreaField<T extends FieldValues>({ rows, maxLength, ...base }: Base<T> & { rows?: number; maxLength?: number }) {
  return <LabelledField {...base} render={(bound) => <Textarea {...bound} rows={rows} maxLength={maxLength} />} />;
}

export function SelectField<T extends FieldValues>({ disabled, children, ...base }: Base<T> & { disabled?: boolean; children: ReactNode }) {
  return (
    <LabelledField
      {...base}
      render={(bound) => (
        <Select {...bound} disabled={disabled}>
          {children}
        </Select>
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
