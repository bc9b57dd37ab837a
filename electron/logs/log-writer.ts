import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

/** The file being written; rotated files are kim-akte-YYYYMMDD-N.log beside it. */
export const CURRENT_LOG = 'kim-akte.log';
export const LOG_FILE = /^kim-akte(-\d{8}-\d+)?\.log$/;

/**
 * Keys whose values never reach the log, whatever a caller passes by mistake: secrets, and anything that could hold
 * a person's name or text. Matched on every key of a line's fields (formatters.log), nested ones included.
 */
const REDACT_KEY = /pass|key|secret|token|name|text|data|input|note|value|content|file|email|phone|address|birth/i;
/** Field names that match REDACT_KEY but hold only technical values. */
const ALLOWED_KEYS = new Set(['errorName', 'keepDays']);
/** pino's own redaction for the keys callers most often pass; formatters.log catches the rest by pattern. */
const REDACT_PATHS = ['passphrase', 'input', 'params', 'value', '*.passphrase', '*.input', '*.value', '*.name', '*.text'];
const CENSOR = '[redacted]';

function scrub(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return CENSOR;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, REDACT_KEY.test(k) && !ALLOWED_KEYS.has(k) ? CENSOR : scrub(v, depth + 1)]));
}

export interface LogWriterOptions {
  folder: string;
  keepDays: number;
  version: string;
  /** The office from the machine policy, when IT set one. */
  office?: string;
  /** Size that also starts a new file within a day (rotating-file-stream syntax); tests make it small. */
  maxSize?: string;
  now?: () => Date;
}

export interface LogWriter {
  logger: pino.Logger;
  /** Flushes and closes the file (on quit, and in tests before the files are read). */
  close(): Promise<void>;
}

/** Deletes rotated files last written more than `keepDays` days ago; the current file is never deleted. */
export function pruneLogs(folder: string, keepDays: number, now: Date): number {
  const cutoff = now.getTime() - keepDays * 24 * 3_600_000;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (!LOG_FILE.test(name) || name === CURRENT_LOG) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < cutoff) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      // A file another process removed meanwhile.
    }
  }
  return removed;
}

const pad = (n: number) => String(n).padStart(2, '0');
function rotatedName(time: number | Date | null, index?: number): string {
  if (!time) return CURRENT_LOG;
  const d = typeof time === 'number' ? new Date(time) : time;
  return `kim-akte-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${index ?? 1}.log`;
}

/**
 * One JSON line per event (pino) in a file rotated daily and by size (rotating-file-stream), files older than
 * `keepDays` deleted at start and after each rotation. Every line carries version, machine and (when the policy
 * names it) office; fields are scrubbed of anything that could hold personal data.
 */
export function createLogWriter(opts: LogWriterOptions): LogWriter {
  const now = opts.now ?? (() => new Date());
  mkdirSync(opts.folder, { recursive: true, mode: 0o700 });
  pruneLogs(opts.folder, opts.keepDays, now());
  const stream: RotatingFileStream = createStream(rotatedName, { path: opts.folder, interval: '1d', size: opts.maxSize ?? '20M', mode: 0o600 });
  stream.on('rotated', () => pruneLogs(opts.folder, opts.keepDays, now()));
  // Logging must never take the app down: a full disk or a removed folder loses lines, not the session.
  stream.on('error', () => undefined);
  const logger = pino(
    {
      base: { version: opts.version, machine: hostname(), ...(opts.office ? { office: opts.office } : {}) },
      timestamp: () => `,"time":"${now().toISOString()}"`,
      messageKey: 'msg',
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => scrub(fields) as Record<string, unknown>,
      },
    },
    stream,
  );
  return {
    logger,
    close: () =>
      new Promise<void>((resolve) => {
        stream.end(() => resolve());
      }),
  };
}
