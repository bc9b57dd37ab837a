import type { SyncProgress } from '../../contract/types/network-types';

/**
 * How far a running round is, for the frame (an initial sync of a whole office takes minutes). Receiving counts the
 * files found in the members' logs and those read; sending counts the change-log entries waiting for member
 * devices and those sent. Reported on every step; nothing of it is stored.
 */
export class RoundProgress {
  private current: SyncProgress | null = null;

  constructor(private readonly report: (p: SyncProgress | null) => void = () => undefined) {}

  /** More work of `phase` found (a device's new files, a group's waiting entries). */
  expect(phase: SyncProgress['phase'], total: number): void {
    if (total <= 0) return;
    const same = this.current?.phase === phase ? this.current : { phase, done: 0, total: 0 };
    this.set({ ...same, total: same.total + total });
  }

  advance(phase: SyncProgress['phase'], by = 1): void {
    if (this.current?.phase !== phase || by <= 0) return;
    this.set({ ...this.current, done: Math.min(this.current.total, this.current.done + by) });
  }

  private set(p: SyncProgress): void {
    this.current = p;
    this.report(p);
  }
}
