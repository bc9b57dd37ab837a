import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { toApiError } from '../api/api-error';
import { issueText, type IssueOverrides } from '../api/validation-text';

type Issue = { code: string; input?: unknown; minimum?: unknown; maximum?: unknown; params?: unknown };

/**
 * Refinements of the contract name their failure in the message (`before_from`, `no_party`, `required`): the text
 * shown for them, unless the field overrides the `custom` code.
 */
const REFINEMENT_TEXT: Record<string, string> = {
  before_from: 'validation.untilBeforeFrom',
  required: 'validation.required',
};

/**
 * A form schema's own check may name its text as `params.key` (an i18n key, with the other params as its values),
 * e.g. a German date that is no date.
 */
function paramText(t: TFunction, params: unknown): string | undefined {
  if (params && typeof params === 'object' && 'key' in params && typeof params.key === 'string') return t(params.key, params);
  return undefined;
}

/** German text for an issue of the form's own check: the same wording as for the core's `validation.invalid`. */
function formIssueText(t: TFunction, issue: Issue, overrides?: IssueOverrides): string {
  const text = paramText(t, issue.params);
  if (text) return text;
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
  const resolve = zodResolver(schema, {
    error: (issue) => formIssueText(t, issue, overrides[String(issue.path?.[0] ?? '')]),
  }) as Resolver<z.input<S>, unknown, z.output<S>>;
  // A refinement's message (set by the contract) outranks the error map above; translate it here.
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, options) => {
    const result = await resolve(values, context, options);
    for (const [field, error] of Object.entries(result.errors)) {
      if (!error || error.type !== 'custom' || typeof error.message !== 'string') continue;
      const key = overrides[field]?.custom ?? REFINEMENT_TEXT[error.message];
      if (key) error.message = t(key);
    }
    return result;
  };
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
}

/**
 * Places the core's `validation.invalid` issues on the form's fields (by top-level path; `fieldOf` renames API
 * fields to form fields, `null` drops one). Returns false when the error is something else or no issue found a
 * field, so the caller shows it in the alert instead.
 */
export function applyServerIssues<T extends FieldValues>(
  t: TFunction,
  form: Pick<UseFormReturn<T, unknown, unknown>, 'setError'>,
  error: unknown,
  fieldOf: Partial<Record<string, Path<T> | null>> | ((apiField: string) => Path<T> | null),
  overrides: Partial<Record<string, IssueOverrides>> = {},
): boolean {
  const e = toApiError(error);
  if (e.code !== 'validation.invalid') return false;
  let placed = false;
  const seen = new Set<string>();
  for (const issue of e.issues) {
    const apiField = issue.path.split('.')[0] ?? '';
    const field = typeof fieldOf === 'function' ? fieldOf(apiField) : fieldOf[apiField];
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const custom = issue.code === 'custom' ? overrides[field]?.custom : undefined;
    form.setError(field, { type: 'server', message: custom ? t(custom) : issueText(t, issue, overrides[field]) });
    placed = true;
  }
  return placed;
}
