import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as CliMode from '../../electron/main/cli-mode';
import { electron, FakeBrowserWindow, ipcHandlers } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);
/** What the headless mode handed to the CLI; the built bundle itself is run in tests/integration/cli-bundle.test.ts. */
const cliCalls: string[][] = [];
vi.mock('../../electron/main/cli-mode', async (importOriginal) => ({
  ...(await importOriginal<typeof CliMode>()),
  loadBundledCli: () => (argv: string[]) => {
    cliCalls.push(argv);
    return Promise.resolve(7);
  },
}));

const { cliArguments, runCliMode } = await import('../../electron/main/cli-mode');
const { app } = electron;

describe('the --cli switch', () => {
  it('takes everything after --cli when it is the first argument of the installed exe', () => {
    expect(cliArguments(['C:\\Program Files\\KIM-Akte\\KIM-Akte.exe', '--cli', 'info', '--data-dir', 'D:\\v', '--user', 'it'], false)).toEqual([
      'info',
      '--data-dir',
      'D:\\v',
      '--user',
      'it',
    ]);
    expect(cliArguments(['/opt/KIM-Akte/kim-akte', '--cli'], false)).toEqual([]);
  });

  it('under `electron .` skips the app folder argument', () => {
    expect(cliArguments(['electron', 'out/main/index.js', '--cli', '--version'], true)).toEqual(['--version']);
    expect(cliArguments(['electron', '--cli', '--version'], true)).toBeNull();
  });

  it('starts the window app for any other argv, also when --cli appears later (an option value, say)', () => {
    for (const argv of [['KIM-Akte.exe'], ['KIM-Akte.exe', '--foo', '--cli'], ['KIM-Akte.exe', 'cli'], ['KIM-Akte.exe', '--CLI'], ['KIM-Akte.exe', '--cli=info']]) {
      expect(cliArguments(argv, false), argv.join(' ')).toBeNull();
    }
  });
});

describe('main started as `KIM-Akte.exe --cli …`', () => {
  const argv = process.argv;
  const lock = vi.spyOn(app, 'requestSingleInstanceLock');
  beforeAll(async () => {
    app.isPackaged = true;
    process.argv = ['C:\\Program Files\\KIM-Akte\\KIM-Akte.exe', '--cli', 'audit', 'verify', '--data-dir', 'D:\\Akte', '--user', 'it.meier'];
    await import('../../electron/main/index');
    app.becomeReady();
    await vi.waitFor(() => expect(app.exitCodes).toHaveLength(1));
  });
  afterAll(() => {
    process.argv = argv;
  });

  it('runs the bundled CLI with the arguments after --cli and exits with its code', () => {
    expect(cliCalls).toEqual([['audit', 'verify', '--data-dir', 'D:\\Akte', '--user', 'it.meier']]);
    expect(app.exitCodes).toEqual([7]);
  });

  it('keeps Chromium off the GPU and out of the window app\'s session data', () => {
    expect(app.hardwareAccelerationDisabled).toBe(true);
    expect(app.setPaths.get('sessionData')).toBe(join(app.getPath(), 'cli-session'));
  });

  it('opens no window, registers no IPC, and takes no single-instance lock (it runs beside the open app)', () => {
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(ipcHandlers.size).toBe(0);
    expect(lock).not.toHaveBeenCalled();
    expect(app.listenerCount('window-all-closed')).toBe(0);
  });
});

/** Records stderr instead of printing it, calling write callbacks as a real stream does (the mode awaits a flush). */
function captureStderr() {
  return vi.spyOn(process.stderr, 'write').mockImplementation(((_chunk: unknown, enc?: unknown, cb?: unknown) => {
    const done = typeof enc === 'function' ? enc : cb;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as typeof process.stderr.write);
}

describe('the headless mode itself', () => {
  const headless = (isPackaged: boolean) => {
    const codes: number[] = [];
    const app = {
      isPackaged,
      whenReady: () => Promise.resolve(),
      exit: (code: number) => void codes.push(code),
      getPath: () => '/tmp/user-data',
      setPath: () => undefined,
      disableHardwareAcceleration: () => undefined,
    };
    return { codes, app };
  };

  it('in a development checkout points to `npx kim-akte` and exits 2 without loading the CLI', async () => {
    const stderr = captureStderr();
    const h = headless(false);
    const load = vi.fn();
    let text = '';
    try {
      await runCliMode(h.app, ['info'], load);
      text = stderr.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      stderr.mockRestore();
    }
    expect(load).not.toHaveBeenCalled();
    expect(h.codes).toEqual([2]);
    expect(text).toMatch(/npx kim-akte/);
  });

  it('ends an uncaught error with one line and exit 1 instead of Electron\'s modal error dialog', async () => {
    const stderr = captureStderr();
    const h = headless(true);
    const before = process.listeners('uncaughtException');
    const beforeRejections = process.listeners('unhandledRejection');
    let text = '';
    try {
      await runCliMode(h.app, ['info'], () => () => {
        const handler = process.listeners('uncaughtException').find((l) => !before.includes(l))!;
        handler(new TypeError('boom in a stream callback'), 'uncaughtException');
        return Promise.resolve(0);
      });
      text = stderr.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      stderr.mockRestore();
      for (const l of process.listeners('uncaughtException')) if (!before.includes(l)) process.off('uncaughtException', l);
      for (const l of process.listeners('unhandledRejection')) if (!beforeRejections.includes(l)) process.off('unhandledRejection', l);
    }
    expect(h.codes[0]).toBe(1);
    expect(text).toBe('Error: unexpected failure (TypeError).\n');
  });

  it('a CLI bundle that cannot load (a damaged installation) exits 1 with one line naming no path or stack', async () => {
    const stderr = captureStderr();
    const h = headless(true);
    let text = '';
    try {
      await runCliMode(h.app, ['info'], () => {
        throw new Error("Cannot find module 'C:\\Program Files\\KIM-Akte\\resources\\app.asar\\out\\main\\cli.js'");
      });
      text = stderr.mock.calls.map((c) => String(c[0])).join('');
    } finally {
      stderr.mockRestore();
    }
    expect(h.codes).toEqual([1]);
    expect(text).toBe('Error: the admin CLI could not start (Error).\n');
  });
});
