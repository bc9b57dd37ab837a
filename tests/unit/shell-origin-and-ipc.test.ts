import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, ipcHandlers } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { isOwnOrigin, rendererEntry } = await import('../../electron/main/origin');
const { isTrustedSender, registerIpc } = await import('../../electron/main/ipc');
const { IPC_CHANNELS } = await import('../../electron/core/contract/ipc-channels');

const DEV = 'http://localhost:5173/';

/** Sets the process up like `npm run dev` (unpackaged, electron-vite dev server) or like an installed build. */
function runAs(mode: 'packaged' | 'dev'): void {
  electron.app.isPackaged = mode === 'packaged';
  vi.stubEnv('ELECTRON_RENDERER_URL', DEV);
  vi.stubEnv('NODE_ENV_ELECTRON_VITE', 'development');
}

afterEach(() => vi.unstubAllEnvs());

describe('own origin', () => {
  it('in a packaged build trusts app://kim-akte only, even with the dev server variables set', () => {
    runAs('packaged');
    expect(isOwnOrigin('app://kim-akte/index.html')).toBe(true);
    expect(isOwnOrigin('app://kim-akte/assets/index.js')).toBe(true);
    expect(isOwnOrigin('http://localhost:5173/')).toBe(false);
    expect(rendererEntry()).toBe('app://kim-akte/index.html');
  });

  it('refuses look-alikes of app://kim-akte', () => {
    runAs('packaged');
    for (const url of [
      'app://kim-akte.evil/index.html',
      'app://evil/index.html',
      'app://kim-akte:8080/index.html',
      'app://user@kim-akte/index.html',
      'https://kim-akte/index.html',
      'file:///kim-akte/index.html',
      'blob:app://kim-akte/1234',
      'not a url',
      '',
    ]) {
      expect(isOwnOrigin(url), url).toBe(false);
    }
  });

  it('in `npm run dev` also trusts the electron-vite dev server, and loads from it', () => {
    runAs('dev');
    expect(isOwnOrigin('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isOwnOrigin('app://kim-akte/index.html')).toBe(true);
    expect(isOwnOrigin('http://localhost:5174/')).toBe(false);
    expect(rendererEntry()).toBe(DEV);
  });

  it('trusts no dev server outside electron-vite development mode or off the loopback interface', () => {
    electron.app.isPackaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', DEV);
    vi.stubEnv('NODE_ENV_ELECTRON_VITE', 'production');
    expect(isOwnOrigin(DEV)).toBe(false);
    vi.stubEnv('NODE_ENV_ELECTRON_VITE', 'development');
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    expect(isOwnOrigin('https://evil.example/')).toBe(false);
    expect(rendererEntry()).toBe('app://kim-akte/index.html');
  });
});

describe('IPC sender check', () => {
  beforeEach(() => runAs('packaged'));
  const mainFrame = { url: 'app://kim-akte/index.html' };
  const event = (senderFrame: { url: string } | null, main = mainFrame) => ({ senderFrame, sender: { mainFrame: main } }) as never;

  it('accepts our page in its main frame', () => {
    expect(isTrustedSender(event(mainFrame))).toBe(true);
  });

  it('refuses a subframe, even one of our own origin, a foreign origin, the dev server in a packaged build, and a gone frame', () => {
    expect(isTrustedSender(event({ url: 'app://kim-akte/index.html' }))).toBe(false);
    expect(isTrustedSender(event({ url: 'blob:app://kim-akte/1234' }))).toBe(false);
    const foreign = { url: 'https://evil.example/' };
    expect(isTrustedSender(event(foreign, foreign))).toBe(false);
    const dev = { url: DEV };
    expect(isTrustedSender(event(dev, dev))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false);
  });

  it('answers through the one IPC handler: untrusted senders get permission.denied, odd method names request.unknownMethod', async () => {
    const calls: string[] = [];
    const errors: string[] = [];
    registerIpc({ call: async (method) => (calls.push(method), { ok: true, value: null }) }, { info: () => undefined, error: (m) => errors.push(m) });
    const handler = ipcHandlers.get(IPC_CHANNELS.invoke)! as (e: unknown, m: unknown, i: unknown) => Promise<unknown>;

    const foreign = { url: 'https://evil.example/' };
    expect(await handler(event(foreign, foreign), 'vault.status', {})).toEqual({ ok: false, error: { code: 'permission.denied', params: {} } });
    expect(errors).toEqual(['IPC call from an untrusted sender refused']);

    const hostile = { toString: () => { throw new Error('boom'); } };
    expect(await handler(event(mainFrame), hostile, {})).toEqual({ ok: false, error: { code: 'request.unknownMethod', params: { method: '(object)' } } });
    expect(await handler(event(mainFrame), 'nope', {})).toMatchObject({ error: { code: 'request.unknownMethod', params: { method: 'nope' } } });

    expect(await handler(event(mainFrame), 'vault.status', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['vault.status']);
  });
});
