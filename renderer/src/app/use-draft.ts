import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { registerDraftProvider, type DraftData } from './lock-coordinator';

/** How one form keeps its input across a lock. */
export interface DraftBinding<R> {
  /** The input worth keeping right now, or null when the form shows nothing unsaved. */
  pending: () => DraftData | null;
  /**
   * Puts a stored draft back into the form; returns what the banner needs (null when the draft fits nothing).
   * Stored data is not trusted shape: pick only known fields with the expected type.
   */
  restore: (data: DraftData) => R | null;
}

export interface DraftState<R> {
  /** The restored draft's save time (ISO) and what `restore` returned, or null when nothing was restored. */
  restored: { savedAt: string; value: R } | null;
  /** Forget the stored draft (after a save, or when the user discards the input). */
  discard(): Promise<void>;
}

/**
 * Keeps a form's unsaved input across a lock: offers it to the lock routine while there is any, and restores a
 * stored draft once after unlock. Input typed while the draft was loading wins over the draft (and replaces it at
 * the next lock). Never use it for secrets (passphrases): drafts are stored, secrets not.
 */
export function useDraft<R>(formId: string, binding: DraftBinding<R>): DraftState<R> {
  const [restored, setRestored] = useState<DraftState<R>['restored']>(null);
  const stored = useRef(false);
  const latest = useRef(binding);
  // The lock routine must collect what is on screen right now.
  useLayoutEffect(() => {
    latest.current = binding;
  });

  useEffect(
    () =>
      registerDraftProvider(formId, {
        collect: () => latest.current.pending(),
        hasStoredDraft: () => stored.current,
      }),
    [formId],
  );

  useEffect(() => {
    let active = true;
    call('drafts.get', { formId })
      .then((draft) => {
        if (!active || !draft) return;
        stored.current = true;
        if (latest.current.pending()) return;
        const value = latest.current.restore(draft.data);
        if (value !== null) setRestored({ savedAt: draft.savedAt, value });
      })
      .catch(() => {
        // Without the draft the form shows what it would anyway; nothing worth an error.
      });
    return () => {
      active = false;
    };
  }, [formId]);

  const discard = useCallback(async () => {
    setRestored(null);
    if (!stored.current) return;
    await call('drafts.discard', { formId });
    stored.current = false;
  }, [formId]);

  return { restored, discard };
}

type FlatValues = Record<string, string | number | boolean | null>;

function isBlank(values: FlatValues): boolean {
  return Object.values(values).every((v) => v === null || v === false || (typeof v === 'string' && v.trim() === ''));
}

/**
 * The binding of a new-record form with flat values: kept while anything is filled in, restored field by field
 * (only fields the form knows, with the type it expects).
 */
export function flatDraft<T extends FlatValues>(values: T, setValues: (values: T) => void): DraftBinding<true> {
  return {
    pending: () => (isBlank(values) ? null : { ...values }),
    restore: (data) => {
      const next: FlatValues = { ...values };
      let any = false;
      for (const key of Object.keys(values)) {
        const v = data[key];
        if (v !== undefined && typeof v === typeof values[key]) {
          next[key] = v;
          any = true;
        }
      }
      if (!any) return null;
      setValues(next as T);
      return true;
    },
  };
}
