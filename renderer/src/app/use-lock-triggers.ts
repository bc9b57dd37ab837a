import { useEffect } from 'react';
import { lockNow } from './lock-coordinator';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
const CHECK_INTERVAL_MS = 5_000;

/**
 * While the session is unlocked: lock after `idleLockMinutes` without keyboard or pointer activity, and whenever
 * the main process asks (OS suspend, screen lock). Both go through the same lock routine, which saves drafts first.
 */
export function useLockTriggers(enabled: boolean, idleLockMinutes: number): void {
  useEffect(() => {
    if (!enabled) return;
    return window.kim.onLockRequested((reason) => void lockNow(reason));
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !(idleLockMinutes > 0)) return;
    let lastActivity = Date.now();
    // pointermove fires constantly: only a timestamp is written, the check runs on a coarse interval.
    const onActivity = (): void => {
      lastActivity = Date.now();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleLockMinutes * 60_000) void lockNow('idle');
    }, CHECK_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [enabled, idleLockMinutes]);
}
