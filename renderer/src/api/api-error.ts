import { ERROR_CODES, type ErrorCode, type ErrorParams, type ValidationIssue } from './core';

/** A refused API call, as typed data: the UI decides how to show it (see error-text.ts). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** Issues of a `validation.invalid` refusal; empty for every other code. */
  get issues(): ValidationIssue[] {
    const issues = this.params.issues;
    return this.code === 'validation.invalid' && Array.isArray(issues) ? (issues as ValidationIssue[]) : [];
  }

  get retryAfterSeconds(): number | null {
    const s = this.params.retryAfterSeconds;
    return typeof s === 'number' && s > 0 ? s : null;
  }
}

/** Turns anything thrown into an ApiError, so screens handle one type; unknown failures count as `internal`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal');
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
