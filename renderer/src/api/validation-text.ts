import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ValidationIssue } from './core';

/** Per-field wording that is more helpful than the generic text for a given zod issue code. */
export type IssueOverrides = Partial<Record<string, string>>;

/**
 * German text for one zod issue, whether it came from the form's own check or from a `validation.invalid` payload
 * of the core (same schemas, same codes).
 */
export function issueText(t: TFunction, issue: Pick<ValidationIssue, 'code' | 'minimum' | 'maximum'>, overrides: IssueOverrides = {}): string {
  const override = overrides[issue.code];
  if (override) return t(override, { minimum: issue.minimum, maximum: issue.maximum });
  switch (issue.code) {
    case 'too_small':
      return issue.minimum !== undefined && issue.minimum > 1
        ? t('validation.tooShort', { minimum: issue.minimum })
        : t('validation.required');
    case 'too_big':
      return t('validation.tooLong', { maximum: issue.maximum });
    case 'invalid_value':
      return t('validation.chooseOne');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** Validates one value with a shared schema; returns the first issue's text or null. */
export function checkField(t: TFunction, schema: z.ZodType, value: unknown, overrides?: IssueOverrides): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  // An empty field is "required", not "at least 2 characters": say what is missing, not the rule.
  if (typeof value === 'string' && value.trim() === '') return t('validation.required');
  const issue = parsed.error.issues[0];
  if (!issue) return t('validation.invalid');
  const bound = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  return issueText(
    t,
    {
      code: issue.code,
      minimum: 'minimum' in issue ? bound(issue.minimum) : undefined,
      maximum: 'maximum' in issue ? bound(issue.maximum) : undefined,
    },
    overrides,
  );
}

/** Maps core issues to form fields by their top-level path; issues on unknown fields are returned under ''. */
export function issuesByField(t: TFunction, issues: ValidationIssue[], overrides: Record<string, IssueOverrides> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    out[field] ??= issueText(t, issue, overrides[field]);
  }
  return out;
}
