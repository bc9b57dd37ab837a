import type { LockReason } from './lock-reasons';
import { METHOD_NAMES } from './method-names';
import type { KimApi, MethodName, Result } from './methods';

export type Invoke = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
export type SubscribeLock = (listener: (reason: LockReason) => void) => () => void;

/**
 * Builds the nested `window.kim` object from the method list over any transport (IPC in preload, HTTP in the
 * harness shim), so both expose exactly the allow-listed methods and nothing else.
 */
export function buildKimApi(invoke: Invoke, onLockRequested: SubscribeLock): KimApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [ns, fn] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][fn] = (input: unknown) => invoke(name, input === undefined ? {} : input);
  }
  for (const ns of Object.values(api)) Object.freeze(ns);
  return Object.freeze({ ...api, onLockRequested }) as unknown as KimApi;
}
