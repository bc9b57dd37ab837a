import { createLogWriter } from '../logs/log-writer';

export interface AppLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppLogOptions {
  keepDays: number;
  /** Where to log when `dir` cannot be used (the policy's folder on a share that is offline, say): the app's own. */
  fallbackDir?: string;
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
  const { fallbackDir, ...writerOptions } = options;
  let writer: ReturnType<typeof createLogWriter>;
  let unusable: string | null = null;
  try {
    writer = createLogWriter({ folder: dir, ...writerOptions });
  } catch (error) {
    // Logging must never keep the app from starting: the app's own folder takes over, and the first line says why.
    if (!fallbackDir || fallbackDir === dir) throw error;
    unusable = (error as NodeJS.ErrnoException).code ?? 'unknown';
    writer = createLogWriter({ folder: fallbackDir, ...writerOptions });
  }
  const { logger, close } = writer;
  if (unusable) logger.error({ code: 'logs.folderUnavailable', reason: unusable }, 'the policy log folder cannot be used; logging to the app folder');
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    error: (message, fields) => {
      logger.error(fields ?? {}, message);
      process.stderr.write(`${new Date().toISOString()} ERROR ${message}\n`);
    },
    close,
  };
}
