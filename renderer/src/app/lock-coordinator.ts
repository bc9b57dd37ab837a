import { call } from '../api/client';
import type { DraftRecord, LockReason } from '../api/core';

export type DraftData = DraftRecord['data'];

/** What a form with unsaved input offers the lock routine. */
export interface DraftProvider {
  /** The values to keep, or null when there is nothing worth keeping. */
  collect(): DraftData | null;
  /** Whether a draft of this form is stored already (a now-empty form must then discard it, not leave it stale). */
  hasStoredDraft(): boolean;
}

const providers = new Map<string, DraftProvider>();
let locking = false;

export const LOCK_REASON_KEY = 'kim.lockReason';

/** Registers a form's draft provider while it is mounted; returns the unregister function. */
export function registerDraftProvider(formId: string, provider: DraftProvider): () => void {
  providers.set(formId, provider);
  return () => {
    if (providers.get(formId) === provider) providers.delete(formId);
  };
}

export function isLocking(): boolean {
  return locking;
}

/**
 * The one lock routine (idle timer, OS request, "Sperren"): save drafts, lock the core, then reload the page so no
 * personal data stays in renderer memory. A failing draft save must never prevent the lock.
 */
export async function lockNow(reason: LockReason): Promise<void> {
  if (locking) return;
  locking = true;
  for (const [formId, provider] of providers) {
    try {
      const data = provider.collect();
      if (data) await call('drafts.save', { formId, data });
      else if (provider.hasStoredDraft()) await call('drafts.discard', { formId });
    } catch {
      // Locking wins over keeping a draft.
    }
  }
  try {
    await call('session.lock', {});
  } catch {
    // The reload below shows whatever state the core is in; a still-unlocked core shows the app again.
  }
  // Only the reason (not personal data) crosses the reload, so the lock screen can explain what happened.
  sessionStorage.setItem(LOCK_REASON_KEY, reason);
  window.location.reload();
}

/** Reads and forgets the reason of the last lock. */
export function takeLastLockReason(): LockReason | null {
  const reason = sessionStorage.getItem(LOCK_REASON_KEY);
  sessionStorage.removeItem(LOCK_REASON_KEY);
  return reason === 'idle' || reason === 'suspend' || reason === 'screen-lock' || reason === 'user' ? reason : null;
}
