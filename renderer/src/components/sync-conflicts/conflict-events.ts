import { useEffect, useState } from 'react';
import { call } from '../../api/client';

/** Sent on window when this window settled a sync conflict, so the navigation's count follows. */
export const SYNC_CONFLICTS_CHANGED_EVENT = 'kim:sync-conflicts-changed';

export function announceConflictsChanged(): void {
  window.dispatchEvent(new Event(SYNC_CONFLICTS_CHANGED_EVENT));
}

/**
 * The number of open conflicts for the navigation, asked on mount and after a decision in this window; not polled,
 * since every list is an audited read. Null when the role settles none (or the call failed).
 */
export function useOpenConflictCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    const load = (): void => {
      call('conflicts.list', {}).then(
        (list) => active && setCount(list.length),
        () => active && setCount(null),
      );
    };
    load();
    window.addEventListener(SYNC_CONFLICTS_CHANGED_EVENT, load);
    return () => {
      active = false;
      window.removeEventListener(SYNC_CONFLICTS_CHANGED_EVENT, load);
    };
  }, [enabled]);
  return enabled ? count : null;
}
