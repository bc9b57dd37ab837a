import { ApiError, isErrorCode } from './api-error';
import type { InputOf, MethodName, PageOutputOf, Result } from './core';

type Callable = (input: unknown) => Promise<Result<unknown>>;

let onSessionLost: (() => void) | null = null;

/**
 * Called when the core answers `session.locked` to a call made while the UI believed it was unlocked (the main
 * process locked on its own, e.g. on shutdown of the core): the app then reloads into the lock screen.
 */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/** Calls one API method through `window.kim`, returning its value or throwing an ApiError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<PageOutputOf<M>> {
  const [ns, fn] = method.split('.') as [string, string];
  const api = window.kim as unknown as Record<string, Record<string, Callable> | undefined>;
  const target = api[ns]?.[fn];
  if (!target) throw new ApiError('request.unknownMethod', { method });
  let result: Result<unknown>;
  try {
    result = await target(input);
  } catch {
    // The bridge itself failed (IPC peer gone, harness down): no payload to show but "internal".
    throw new ApiError('internal');
  }
  if (result.ok) return result.value as PageOutputOf<M>;
  const code = isErrorCode(result.error?.code) ? result.error.code : 'internal';
  if (code === 'session.locked') onSessionLost?.();
  throw new ApiError(code, result.error?.params ?? {});
}
