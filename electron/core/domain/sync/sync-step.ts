import type { NetworkContext } from './sync-context';

/**
 * Runs one chunk of a round in its own transaction (with audit entries in it), so a long round never holds the
 * database for long and a crash loses at most the chunk in flight. Built by the API floor (api/call-context).
 */
export type SyncStep = <T>(fn: (ctx: NetworkContext) => Promise<T>) => Promise<T>;

/** What a round reports (the CLI prints it as JSON). */
export interface RoundCounts {
  sent: number;
  received: number;
  applied: number;
  conflicts: number;
  rejected: number;
}
