import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { Result } from '../core/contract/methods';
import type { AppLogger } from './app-log';

interface HostConfig {
  dataDir: string;
  nativeBinding?: string;
  appVersion: string;
}

/** Time the worker gets to lock the vault and write the audit head before it is terminated on quit. */
const SHUTDOWN_TIMEOUT_MS = 3000;

type WorkerMessage =
  | { id: number; result: Result<unknown> }
  | { log: 'info' | 'error'; message: string; fields?: Record<string, unknown> }
  | { closed: true };

/**
 * Runs the core in a worker thread and relays calls to it. If the worker dies, pending calls fail with `internal`,
 * a fresh worker (locked) takes over, and `onRestart` lets the window fall back to the lock screen.
 */
export class CoreHost {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private closing = false;

  constructor(
    private readonly config: HostConfig,
    private readonly log: AppLogger,
    private readonly onRestart: () => void,
    /** The bundled worker beside main's index.js; tests point at the same built file. */
    private readonly workerFile = join(__dirname, 'core-worker.js'),
  ) {
    this.start();
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, method, input });
    });
  }

  /**
   * Asks the worker to lock the vault and write the final audit head, and terminates it only after its `closed`
   * answer (or after a timeout, so a hung worker cannot keep the app from quitting). Other messages arriving
   * meanwhile, such as the answer to a status poll, do not end the wait.
   */
  async shutdown(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    await new Promise<void>((resolve) => {
      const onMessage = (m: WorkerMessage) => {
        if (!('closed' in m)) return;
        done();
      };
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', done);
        resolve();
      };
      const timer = setTimeout(done, SHUTDOWN_TIMEOUT_MS);
      worker.on('message', onMessage);
      // A worker that is already gone will never answer.
      worker.once('exit', done);
      worker.postMessage({ shutdown: true });
    });
    await worker.terminate();
  }

  private start(): void {
    this.worker = new Worker(this.workerFile, { workerData: this.config });
    this.worker.on('message', (m: WorkerMessage) => {
      if ('id' in m) {
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
      } else if ('log' in m) {
        this.log[m.log](m.message, m.fields);
      }
    });
    this.worker.on('error', (error) => this.log.error('core worker crashed', { errorName: error.name }));
    this.worker.on('exit', (code) => {
      for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'internal', params: {} } });
      this.pending.clear();
      if (this.closing) return;
      this.log.error('core worker exited; restarting locked', { code });
      this.start();
      this.onRestart();
    });
  }
}
