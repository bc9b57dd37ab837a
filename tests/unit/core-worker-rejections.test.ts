import { describe, expect, it, vi } from 'vitest';

/**
 * The worker entry with its thread port and the core stubbed: whatever the core does, each request gets exactly
 * one answer, and failures are logged by kind only.
 */
const { port, behaviour } = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  class FakePort extends EventEmitter {
    readonly sent: unknown[] = [];
    postMessage(message: unknown): void {
      this.sent.push(message);
    }
  }
  return { port: new FakePort(), behaviour: { dispatch: (_m: unknown): Promise<unknown> => Promise.resolve(null), close: () => Promise.resolve() } };
});

vi.mock('node:worker_threads', () => ({ parentPort: port, workerData: { dataDir: '/nowhere', appVersion: 'test' } }));
vi.mock('../../electron/core/api/dispatcher', () => ({
  CoreDispatcher: class {
    dispatch(method: unknown) {
      return behaviour.dispatch(method);
    }
    close() {
      return behaviour.close();
    }
  },
}));

await import('../../electron/main/core-worker');

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const answerTo = (id: number) => port.sent.find((m) => (m as { id?: number }).id === id);

describe('core worker', () => {
  it('relays the answer of a call', async () => {
    behaviour.dispatch = () => Promise.resolve({ ok: true, value: { state: 'locked' } });
    port.emit('message', { id: 1, method: 'vault.status', input: {} });
    await settle();
    expect(answerTo(1)).toEqual({ id: 1, result: { ok: true, value: { state: 'locked' } } });
  });

  it('answers a rejected call with internal and logs its kind, not its message', async () => {
    behaviour.dispatch = () => Promise.reject(new TypeError('SELECT * FROM client WHERE name = "Haddad"'));
    port.emit('message', { id: 2, method: 'clients.get', input: {} });
    await settle();
    expect(answerTo(2)).toEqual({ id: 2, result: { ok: false, error: { code: 'internal', params: {} } } });
    const logged = JSON.stringify(port.sent.filter((m) => (m as { log?: string }).log === 'error'));
    expect(logged).toContain('TypeError');
    expect(logged).not.toContain('Haddad');
  });

  it('keeps serving after a rejection', async () => {
    behaviour.dispatch = () => Promise.resolve({ ok: true, value: null });
    port.emit('message', { id: 3, method: 'session.lock', input: {} });
    await settle();
    expect(answerTo(3)).toEqual({ id: 3, result: { ok: true, value: null } });
  });

  it('still answers closed when locking on shutdown fails', async () => {
    behaviour.close = () => Promise.reject(new Error('disk gone'));
    port.emit('message', { shutdown: true });
    await settle();
    expect(port.sent).toContainEqual({ closed: true });
  });
});
