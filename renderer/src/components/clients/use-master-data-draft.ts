import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { registerDraftProvider } from '../../app/lock-coordinator';
import { fromMasterDraft, masterDraftFormId, toMasterDraft, type ClientFormValues, type MasterDraft } from './client-form-model';

export interface MasterDraftState {
  /** The restored draft's save time and base version, or null when nothing was restored. */
  restored: { savedAt: string; baseVersion: number } | null;
  /** Forget the stored draft (after a save, or when the user discards the changes). */
  discard(): Promise<void>;
}

interface Options {
  clientId: string;
  /** The edit worth keeping right now, or null when the form shows the stored record unchanged. */
  pending: () => MasterDraft | null;
  /** The record as loaded: fields missing from a stored draft keep these values. */
  loaded: ClientFormValues;
  restore: (draft: MasterDraft) => void;
}

/**
 * Keeps unsaved Stammdaten edits of one client across a lock. Unlike a new-record form (use-draft), the editor is
 * never empty: it offers a draft only while its input differs from the stored record, together with the version the
 * edit started from, and after unlock restores it over the freshly loaded record. The version travels with the
 * draft so the save still goes through the optimistic-concurrency check.
 */
export function useMasterDataDraft({ clientId, pending, loaded, restore }: Options): MasterDraftState {
  const formId = masterDraftFormId(clientId);
  const [restored, setRestored] = useState<MasterDraftState['restored']>(null);
  const stored = useRef(false);
  const latest = useRef({ pending, loaded, restore });
  // The lock routine must collect what is on screen right now.
  useLayoutEffect(() => {
    latest.current = { pending, loaded, restore };
  });

  useEffect(
    () =>
      registerDraftProvider(formId, {
        collect: () => {
          const draft = latest.current.pending();
          return draft ? toMasterDraft(draft) : null;
        },
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
        // Input typed while the draft was loading wins over the draft (and replaces it at the next lock).
        if (latest.current.pending()) return;
        const restoredDraft = fromMasterDraft(draft.data, latest.current.loaded);
        if (!restoredDraft) return;
        latest.current.restore(restoredDraft);
        setRestored({ savedAt: draft.savedAt, baseVersion: restoredDraft.baseVersion });
      })
      .catch(() => {
        // Without the draft the editor still shows the stored record; nothing to tell the user.
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
