import { parentPort, workerData } from 'node:worker_threads';
import { CoreDispatcher } from '../core/api/dispatcher';

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
  logger: {
    info: (message, fields) => port.postMessage({ log: 'info', message, fields }),
    error: (message, fields) => port.postMessage({ log: 'error', message, fields }),
  },
});

port.on('message', (request: CoreRequest | { shutdown: true }) => {
  if ('shutdown' in request) {
    void core.close().finally(() => port.postMessage({ closed: true }));
    return;
  }
  void core.dispatch(request.method, request.input).then((result) => port.postMessage({ id: request.id, result }));
});
