import { parentPort, workerData } from 'node:worker_threads';
import { CoreDispatcher } from '../core/api/dispatcher';
import type { Result } from '../core/contract/methods';

/**
 * Worker thread hosting the core (TypeORM over synchronous SQLite), so a long query never blocks the main process
 * and its windows. Plain Node: no Electron imports here.
 */
interface WorkerConfig {
  dataDir: string;
  nativeBinding?: string;
  appVersion: string;
}

export interface CoreRequest {
  id: number;
  method: unknown;
  input: unknown;
}

const config = workerData as WorkerConfig;
const port = parentPort!;
const core = new CoreDispatcher({
  dataDir: config.dataDir,
  nativeBinding: config.nativeBinding,
  appVersion: config.appVersion,
  backgroundSync: true,
  scheduledBackup: true,
  logger: {
    info: (message, fields) => port.postMessage({ log: 'info', message, fields }),
    error: (message, fields) => port.postMessage({ log: 'error', message, fields }),
  },
});

/** What the host gets for a call that failed outside the dispatcher's own error handling. */
const INTERNAL: Result<never> = { ok: false, error: { code: 'internal', params: {} } };

/** Logs the kind of error only: messages may quote SQL values or input (personal data). */
function logFailure(message: string, error: unknown): void {
  port.postMessage({ log: 'error', message, fields: { errorName: error instanceof Error ? error.name : typeof error } });
}

function answer(id: number, result: Result<unknown>): void {
  try {
    port.postMessage({ id, result });
  } catch (error) {
    // A value that cannot cross the thread boundary must still end the caller's wait.
    logFailure('core answer could not be sent', error);
    port.postMessage({ id, result: INTERNAL });
  }
}

port.on('message', (request: CoreRequest | { shutdown: true }) => {
  if ('shutdown' in request) {
    void core
      .close()
      .catch((error: unknown) => logFailure('core close failed', error))
      .finally(() => port.postMessage({ closed: true }));
    return;
  }
  // Every call gets an answer: an unhandled rejection would leave the renderer waiting and take the worker down.
  void core
    .dispatch(request.method, request.input)
    .catch((error: unknown): Result<unknown> => {
      logFailure('core call failed unexpectedly', error);
      return INTERNAL;
    })
    .then((result) => answer(request.id, result));
});
