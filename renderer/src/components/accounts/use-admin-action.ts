import { useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccountSummary } from '../../api/core';
import { useSchemaForm } from '../../forms/use-schema-form';
import { adminFailure, type AdminField } from './admin-failure';

/** The fields every account dialog may have, named as in the API input. */
type AdminValues = { confirmPassphrase: string; displayName?: string; newPassphrase?: string };
const FORM_FIELD: Record<AdminField, keyof AdminValues> = { confirm: 'confirmPassphrase', displayName: 'displayName', next: 'newPassphrase' };

/**
 * The form of an account dialog (always with the administrator's confirmation passphrase) and one call at a time:
 * `submit` places a refusal at its field or in the alert, empties a wrong confirmation, and reloads the list when
 * it is out of date.
 */
export function useAdminForm<S extends z.ZodType<FieldValues & { confirmPassphrase: string }, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  onOutdated: () => void,
) {
  const { t } = useTranslation();
  const form = useSchemaForm(schema, defaultValues);
  const [alert, setAlert] = useState<string | null>(null);
  // The shared fields by name; the dialog's own schema decides which of them exist.
  const fields = form as unknown as UseFormReturn<AdminValues>;

  const submit = (run: (values: z.output<S>) => Promise<AccountSummary>, onDone: (updated: AccountSummary) => void) =>
    form.handleSubmit(async (values) => {
      setAlert(null);
      try {
        onDone(await run(values));
      } catch (error) {
        const failure = adminFailure(t, error);
        if (failure.clearConfirm) fields.setValue('confirmPassphrase', '');
        if (failure.reload) onOutdated();
        if (failure.field) fields.setError(FORM_FIELD[failure.field], { type: 'server', message: failure.message });
        else setAlert(failure.message);
      }
    });

  return { form, alert, busy: form.formState.isSubmitting, submit };
}
