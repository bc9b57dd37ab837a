import { AppError } from '../../contract/errors';
import { ShareError } from '../../platform/files/share-io';

/** A share problem as the API reports it: offline or read-only, with the system's error code for IT's log. */
export function shareAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ShareError && error.reason === 'readOnly') return new AppError('network.shareReadOnly');
  const code = (error as { code?: unknown })?.code;
  const reason = error instanceof ShareError ? error.reason : typeof code === 'string' ? code : 'unknown';
  return new AppError('network.shareUnreachable', { reason: String(reason).slice(0, 40) });
}

/** Whether an error came from the share's file system (and not from a fault in our own code). */
export function isShareFailure(error: unknown): boolean {
  if (error instanceof ShareError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Runs share I/O and reports any failure as a share AppError (never a crash, never a message quoting a path). */
export async function onShare<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw isShareFailure(error) ? shareAppError(error) : error;
  }
}
