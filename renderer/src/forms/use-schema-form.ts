import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueText, type IssueOverrides } from '../api/validation-text';

type Issue = { code: string; input?: unknown; minimum?: unknown; maximum?: unknown };

/** German text for an issue of the form's own check: the same wording as for the core's `validation.invalid`. */
function formIssueText(t: TFunction, issue: Issue, overrides?: IssueOverrides): string {
  // An empty field is "required", not "at least 2 characters": say what is missing, not the rule.
  if (typeof issue.input === 'string' && issue.input.trim() === '' && !overrides?.[issue.code]) return t('validation.required');
  const bound = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  return issueText(t, { code: issue.code, minimum: bound(issue.minimum), maximum: bound(issue.maximum) }, overrides);
}

/**
 * react-hook-form driven by a zod schema built from the contract's schemas, with German issue texts. Errors show
 * from the first submit on and then follow the input (a changed field is checked again, which also drops the
 * core's stale error for it). Focus after a failed submit is FormDialog's job, so the hook does not move it.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  overrides: Partial<Record<string, IssueOverrides>> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const { t } = useTranslation();
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, {
      error: (issue) => formIssueText(t, issue, overrides[String(issue.path?.[0] ?? '')]),
    }),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
}
