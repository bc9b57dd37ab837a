import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, so the main process's own logic runs in plain Node under vitest where the
 * Electron binary cannot be installed. Use with `vi.mock('electron', async () => (await import('./electron-stub')).electron)`.
 * It records what main registers (protocol and IPC handlers, event listeners) for the tests to drive.
 */
type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(public url = 'app://kim-akte/index.html') {
    super();
    this.mainFrame.url = url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  send(): void {}
  reload(): void {}
  /** What printToPDF answers (tests replace it) and the options it was called with. */
  printResult: () => Promise<Buffer> = () => Promise.resolve(Buffer.from('%PDF-1.7\n%fake\n'));
  printOptions: unknown[] = [];
  /** Answers for the next printToPDF calls of any web contents (windows created later included). */
  static queuedPrintResults: (() => Promise<Buffer>)[] = [];
  printToPDF(options: unknown): Promise<Buffer> {
    this.printOptions.push(options);
    return (FakeWebContents.queuedPrintResults.shift() ?? this.printResult)();
  }
}

/** A cancellable Electron event with the extra fields some events carry (url, isMainFrame). */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return Object.assign({ defaultPrevented: false }, fields, {
    preventDefault(this: { defaultPrevented: boolean }) {
      this.defaultPrevented = true;
    },
  });
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  constructor(readonly options: unknown) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return false;
  }
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {}
  focus(): void {}
}

const userData = mkdtempSync(join(tmpdir(), 'kim-akte-electron-stub-'));

class FakeApp extends EventEmitter {
  isPackaged = true;
  private readyResolve!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  enableSandbox(): void {}
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Test control: lets `whenReady()` resolve. */
  becomeReady(): void {
    this.readyResolve();
  }
  getPath(): string {
    return userData;
  }
  getAppPath(): string {
    return userData;
  }
  quit(): void {}
  /** Paths set with setPath (the headless CLI mode moves sessionData), and whether the GPU was turned off. */
  setPaths = new Map<string, string>();
  setPath(name: string, path: string): void {
    this.setPaths.set(name, path);
  }
  hardwareAccelerationDisabled = false;
  disableHardwareAcceleration(): void {
    this.hardwareAccelerationDisabled = true;
  }
  /** The codes `app.exit` was called with (the headless CLI mode ends that way). */
  exitCodes: number[] = [];
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

/** A session of its own partition: the handlers set on it, for the tests to call. */
export class FakeSession extends EventEmitter {
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (handler: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void): void => {
      this.beforeRequest = handler;
    },
  };
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }
}
export const partitions = new Map<string, FakeSession>();

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const ipcHandlers = new Map<string, Listener>();

export const electron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: (): void => undefined },
  protocol: {
    registerSchemesAsPrivileged: (): void => undefined,
    handle: (scheme: string, handler: (request: Request) => Promise<Response>): void => {
      protocolHandlers.set(scheme, handler);
    },
  },
  ipcMain: {
    handle: (channel: string, handler: Listener): void => {
      ipcHandlers.set(channel, handler);
    },
  },
  session: {
    defaultSession: Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (): void => undefined,
      setPermissionCheckHandler: (): void => undefined,
    }),
    /** One fake session per partition, recording the handlers main installs. */
    fromPartition: (partition: string): FakeSession => {
      const existing = partitions.get(partition);
      if (existing) return existing;
      const created = new FakeSession();
      partitions.set(partition, created);
      return created;
    },
  },
  powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: (): number => 0 }),
};

export { FakeBrowserWindow };
