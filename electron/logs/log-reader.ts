import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_FILE } from './log-writer';

const RELATIVE = /^(\d{1,5})\s*(m|min|h|d)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
/** A date (taken as UTC midnight) or a date-time with a zone, as IT types it from a ticket. */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `--since`: an ISO date or date-time, or a span back from now (30m, 2h, 7d); null when it is neither. */
export function parseSince(text: string, now: Date): Date | null {
  const t = text.trim();
  const rel = RELATIVE.exec(t);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!);
  if (!ISO.test(t)) return null;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The time of a log line: pino's "time" field, or the leading ISO time of the older plain-text lines. */
export function lineTime(line: string): number | null {
  if (line.startsWith('{')) {
    try {
      const t = (JSON.parse(line) as { time?: unknown }).time;
      return typeof t === 'string' ? Date.parse(t) : null;
    } catch {
      return null;
    }
  }
  const m = /^(\d{4}-\d{2}-\d{2}T\S+Z)\s/.exec(line);
  return m ? Date.parse(m[1]!) : null;
}

/** Every line of every log file in `folder` written at or after `since`, oldest first (files may overlap in time). */
export function readLogLines(folder: string, since: Date): string[] {
  if (!existsSync(folder)) return [];
  const found: { at: number; seq: number; line: string }[] = [];
  let seq = 0;
  for (const name of readdirSync(folder).filter((n) => LOG_FILE.test(n))) {
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      const at = line ? lineTime(line) : null;
      if (at !== null && at >= since.getTime()) found.push({ at, seq: seq++, line });
    }
  }
  return found.sort((a, b) => a.at - b.at || a.seq - b.seq).map((f) => f.line);
}
