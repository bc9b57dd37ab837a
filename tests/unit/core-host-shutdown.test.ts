import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the worker thread: records what the host posts and when it is terminated. */
class FakeWorker extends EventEmitter {
  static last: FakeWorker;
  readonly posted: unknown[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

vi.mock('node:worker_threads', () => ({ Worker: FakeWorker }));

const { CoreHost } = await import('../../electron/main/core-host');
const quiet = { info: () => undefined, error: () => undefined };
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe('core host shutdown', () => {
  it('terminates the worker only after its closed answer, not after a status answer arriving meanwhile', async () => {
    const host = new CoreHost({ dataDir: '/nowhere', appVersion: 'test' }, quiet, () => undefined, 'worker.js');
    const worker = FakeWorker.last;
    const status = host.call('vault.status', {});
    const shutdown = host.shutdown();
    expect(worker.posted).toContainEqual({ shutdown: true });

    // The 15-second idle poll's answer lands while the worker is still locking and writing the audit head.
    worker.emit('message', { id: 1, result: { ok: true, value: { state: 'unlocked' } } });
    worker.emit('message', { log: 'info', message: 'session.lock' });
    await settle();
    expect(await status).toEqual({ ok: true, value: { state: 'unlocked' } });
    expect(worker.terminated).toBe(false);

    worker.emit('message', { closed: true });
    await shutdown;
    expect(worker.terminated).toBe(true);
  });

  it('terminates a worker that never answers after the timeout, so quitting cannot hang', async () => {
    vi.useFakeTimers();
    const host = new CoreHost({ dataDir: '/nowhere', appVersion: 'test' }, quiet, () => undefined, 'worker.js');
    const worker = FakeWorker.last;
    const shutdown = host.shutdown();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(worker.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await shutdown;
    expect(worker.terminated).toBe(true);
  });

  it('does not restart the worker when it exits during shutdown', async () => {
    let restarts = 0;
    const host = new CoreHost({ dataDir: '/nowhere', appVersion: 'test' }, quiet, () => restarts++, 'worker.js');
    const worker = FakeWorker.last;
    const shutdown = host.shutdown();
    worker.emit('exit', 0);
    await shutdown;
    expect(FakeWorker.last).toBe(worker);
    expect(restarts).toBe(0);
  });
});
