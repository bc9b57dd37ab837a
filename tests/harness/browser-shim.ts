/// <reference lib="dom" />
import type { MethodName, Result } from '../../electron/core/contract/methods';
import { LOCK_REASONS, type LockReason } from '../../electron/core/contract/lock-reasons';
import { buildKimApi } from '../../electron/core/contract/kim-api';

/**
 * The harness twin of the Electron preload: defines `window.kim` over loopback HTTP (calls) and Server-Sent Events
 * (lock requests). Built into kim-shim.js by the web build and injected by the harness server; never part of the
 * production renderer bundle.
 */

const token = document.querySelector<HTMLMetaElement>('meta[name="kim-harness-token"]')?.content ?? '';

async function invoke(method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kim-Token': token },
      body: JSON.stringify({ input }),
      cache: 'no-store',
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    // The UI only knows Result payloads; a dropped connection is an internal failure, like a dead IPC peer.
    return { ok: false, error: { code: 'internal', params: {} } };
  }
}

const lockListeners = new Set<(reason: LockReason) => void>();
let events: EventSource | null = null;

function onLockRequested(listener: (reason: LockReason) => void): () => void {
  lockListeners.add(listener);
  if (!events) {
    events = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    events.addEventListener('lock', (event) => {
      const reason = JSON.parse((event as MessageEvent<string>).data) as unknown;
      if (typeof reason !== 'string' || !LOCK_REASONS.includes(reason as LockReason)) return;
      for (const l of [...lockListeners]) l(reason as LockReason);
    });
  }
  return () => {
    lockListeners.delete(listener);
  };
}

Object.defineProperty(window, 'kim', {
  value: buildKimApi(invoke, onLockRequested),
  writable: false,
  configurable: false,
  enumerable: true,
});
