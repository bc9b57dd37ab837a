import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { toApiError } from '../../api/api-error';
import { issueText, issuesByField } from '../../api/validation-text';

/** Wording for fields whose generic text would not say what is wrong (a pattern, not a length). */
const FIELD_TEXT: Record<string, string> = {
  postalCode: 'partners.form.postalCodeInvalid',
  phone: 'partners.form.phoneInvalid',
  email: 'partners.form.emailInvalid',
};

function textFor(t: TFunction, field: string, issue: { code: string; minimum?: number; maximum?: number }, input: unknown): string {
  if (typeof input === 'string' && input.trim() === '') return t('validation.required');
  if (FIELD_TEXT[field] && issue.code !== 'too_big') return t(FIELD_TEXT[field]);
  return issueText(t, issue);
}

/** The form's own check with a contract schema: German text per top-level field, or the parsed value. */
export function checkWith<S extends z.ZodType>(t: TFunction, schema: S, values: Record<string, unknown>): { value: z.output<S> } | { errors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const bound = (v: unknown) => (typeof v === 'number' ? v : undefined);
    errors[field] ??= textFor(
      t,
      field,
      { code: issue.code, minimum: 'minimum' in issue ? bound(issue.minimum) : undefined, maximum: 'maximum' in issue ? bound(issue.maximum) : undefined },
      values[field],
    );
  }
  return { errors };
}

/** The core's `validation.invalid` issues by field (same texts), or null for another refusal. */
export function serverErrors(t: TFunction, error: unknown, prefix = ''): Record<string, string> | null {
  const e = toApiError(error);
  if (e.code !== 'validation.invalid') return null;
  // A proposal nests the fields under 'partner.' or 'contact.': the form's fields are the inner ones.
  const issues = e.issues.map((i) => (prefix && i.path.startsWith(prefix) ? { ...i, path: i.path.slice(prefix.length) } : i));
  const byField = issuesByField(t, issues);
  for (const field of Object.keys(byField)) if (FIELD_TEXT[field]) byField[field] = t(FIELD_TEXT[field]);
  return byField;
}
