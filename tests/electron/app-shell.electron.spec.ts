import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { METHOD_NAMES } from '../../electron/core/contract/method-names';
import { electronBinary, MAIN_ENTRY, SKIP_MESSAGE } from './electron-binary';

const binary = electronBinary();
test.skip(!binary, SKIP_MESSAGE);

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kim-akte-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [MAIN_ENTRY, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, KIM_AKTE_DATA_DIR: dataDir },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('loads from app:// under a strict CSP: no eval, no inline script', async () => {
  expect(page.url()).toBe('app://kim-akte/index.html');
  const csp = await page.evaluate(() => {
    let evalBlocked = false;
    try {
      eval('1');
    } catch {
      evalBlocked = true;
    }
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return { evalBlocked, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(csp).toEqual({ evalBlocked: true, inlineRan: false });
});

test('exposes exactly window.kim with the contract methods, and nothing of Node or Electron', async () => {
  const seen = await page.evaluate(() => {
    const kim = (window as unknown as { kim: Record<string, Record<string, unknown>> }).kim;
    const methods = Object.entries(kim).flatMap(([ns, fns]) => (typeof fns === 'object' ? Object.keys(fns).map((f) => `${ns}.${f}`) : []));
    const w = window as unknown as Record<string, unknown>;
    return { methods: methods.sort(), require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer };
  });
  expect(seen).toEqual({ methods: [...METHOD_NAMES].sort(), require: 'undefined', process: 'undefined', ipc: 'undefined' });
});

test('opens the setup wizard on a fresh workstation and answers API calls through IPC', async () => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const status = await page.evaluate(() => (window as unknown as { kim: { vault: { status(i: object): Promise<unknown> } } }).kim.vault.status({}));
  expect(status).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
});

test('blocks navigation away from the app and new windows', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://kim-akte/index.html');
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
