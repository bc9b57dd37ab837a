import { statfsSync } from 'node:fs';

/** Free bytes available to this user on the drive holding `dir`, or null where the system does not say. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}
