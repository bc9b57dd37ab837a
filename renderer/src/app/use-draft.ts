import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { registerDraftProvider, type DraftData } from './lock-coordinator';

type FlatValues = Record<string, string | number | boolean | null>;

export interface DraftState {
  /** When the restored draft was saved (ISO), or null when nothing was restored. */
  restoredAt: string | null;
  /** Forget the draft (on submit or cancel of the form). */
  discard(): Promise<void>;
}

function isBlank(values: FlatValues): boolean {
  return Object.values(values).every((v) => v === null || v === false || (typeof v === 'string' && v.trim() === ''));
}

/** Only fields the form knows, with the type it expects: a draft is data from storage, not trusted shape. */
function pickKnown<T extends FlatValues>(template: T, data: DraftData): T | null {
  const next: FlatValues = { ...template };
  let any = false;
  for (const key of Object.keys(template)) {
    const v = data[key];
    if (v !== undefined && typeof v === typeof template[key]) {
      next[key] = v;
      any = true;
    }
  }
  return any ? (next as T) : null;
}

/**
 * Keeps a form's unsaved input across a lock: offers the values to the lock routine while the form has input, and
 * restores a saved draft once after unlock. Never use it for secrets (passphrases): drafts are stored, secrets not.
 */
export function useDraft<T extends FlatValues>(formId: string, values: T, setValues: (values: T) => void): DraftState {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const latest = useRef(values);
  const stored = useRef(false);
  const setValuesRef = useRef(setValues);
  // Refs follow the latest render so the lock routine collects what is on screen right now.
  useLayoutEffect(() => {
    latest.current = values;
    setValuesRef.current = setValues;
  });

  useEffect(
    () =>
      registerDraftProvider(formId, {
        collect: () => (isBlank(latest.current) ? null : { ...latest.current }),
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
        // Input typed while the draft was loading wins over the draft.
        if (!isBlank(latest.current)) return;
        const restored = pickKnown(latest.current, draft.data);
        if (!restored) return;
        setValuesRef.current(restored);
        setRestoredAt(draft.savedAt);
      })
      .catch(() => {
        // A missing draft is not worth an error on the dashboard.
      });
    return () => {
      active = false;
    };
  }, [formId]);

  const discard = useCallback(async () => {
    setRestoredAt(null);
    if (!stored.current) return;
    await call('drafts.discard', { formId });
    stored.current = false;
  }, [formId]);

  return { restoredAt, discard };
}
