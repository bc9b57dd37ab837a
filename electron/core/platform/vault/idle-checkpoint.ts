import type { DataSource } from 'typeorm';

/** Quiet time after the last call before the WAL is folded into the database file. */
export const IDLE_CHECKPOINT_MS = 2_000;

/**
 * Runs a WAL checkpoint once the core has been idle for a while. Left to itself, SQLite checkpoints inside whichever
 * commit makes the WAL reach 1,000 pages (about every 300 audited calls), and with a full fsync of a large file that
 * call waited 0.7 to 0.9 s in the 50,000-client bench vault. `touch` after every call restarts the quiet time;
 * `run` must queue the checkpoint behind the calls (the dispatcher's queue), so it never interleaves with one.
 */
export class IdleCheckpoint {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  touch(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.delayMs);
    // Never keeps a CLI process or a test worker alive.
    this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Copies the committed WAL pages into the database file without waiting for anyone (PASSIVE); the frames are encrypted
 * already, so nothing is decrypted on the way.
 */
export async function checkpointWal(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.query('PRAGMA wal_checkpoint(PASSIVE)');
}
