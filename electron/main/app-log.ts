import { createLogWriter } from '../logs/log-writer';

export interface AppLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppLogOptions {
  keepDays: number;
  version: string;
  office?: string;
  maxSize?: string;
  now?: () => Date;
}

/**
 * English, one JSON line per event, in rotating files in `dir` (electron/logs/log-writer.ts). Messages are fixed
 * texts with codes and method names; fields are scrubbed of anything that could hold personal data.
 */
export function createAppLogger(dir: string, options: AppLogOptions): AppLogger & { close(): Promise<void> } {
  const { logger, close } = createLogWriter({ folder: dir, ...options });
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    error: (message, fields) => {
      logger.error(fields ?? {}, message);
      process.stderr.write(`${new Date().toISOString()} ERROR ${message}\n`);
    },
    close,
  };
}
