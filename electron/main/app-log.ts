import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface AppLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Keys whose values never reach the log, whatever a caller passes by mistake. */
const REDACT = /pass|key|secret|token|name|text|data|input/i;

function redact(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, REDACT.test(k) && k !== 'errorName' ? '[redacted]' : v]));
  return ` ${JSON.stringify(safe)}`;
}

/** English, one line per event, in the user's log folder. Messages carry codes and method names, no personal data. */
export function createAppLogger(dir: string): AppLogger {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kim-akte.log');
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const line = `${new Date().toISOString()} ${level} ${message}${redact(fields)}\n`;
    try {
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
    if (level === 'ERROR') process.stderr.write(line);
  };
  return { info: (m, f) => write('INFO', m, f), error: (m, f) => write('ERROR', m, f) };
}
