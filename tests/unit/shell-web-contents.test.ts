import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electron, fakeEvent, FakeBrowserWindow, FakeWebContents } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);
// The core worker is not started here: main's wiring is under test, not the core.
vi.mock('../../electron/main/core-host', () => ({
  CoreHost: class {
    call() {
      return Promise.resolve({ ok: true, value: { state: 'locked', idleLockMinutes: 10 } });
    }
    shutdown() {
      return Promise.resolve();
    }
  },
}));

const { app, session } = electron;
const logFile = join(app.getPath(), 'logs', 'kim-akte.log');

/** The log's JSON lines once `count` lines `msg` have reached the file (the logger writes through a stream, not at once). */
async function logLinesAfter(msg: string, count = 1): Promise<{ lines: Record<string, unknown>[]; text: string }> {
  for (let i = 0; i < 200; i++) {
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    if (lines.filter((l) => l.msg === msg).length >= count) return { lines, text };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line "${msg}" in ${logFile}`);
}

/** Starts main as Electron would: the module runs, then the app becomes ready. */
beforeAll(async () => {
  await import('../../electron/main/index');
  app.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
  expect(FakeBrowserWindow.created).toHaveLength(1);
});

/** Any web contents the app creates, announced the way Electron announces it. */
function createdContents(url = 'app://kim-akte/index.html'): FakeWebContents {
  const contents = new FakeWebContents(url);
  app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

function navigate(contents: FakeWebContents, event: string, fields: { url: string; isMainFrame?: boolean }): boolean {
  const e = fakeEvent(fields);
  contents.emit(event, e, fields.url);
  return !e.defaultPrevented;
}

describe('guards on every web contents', () => {
  it('are installed for web contents other than the main window too', () => {
    const contents = createdContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(event), event).toBeGreaterThan(0);
    }
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('keep the main frame on app://kim-akte', () => {
    const contents = createdContents();
    expect(navigate(contents, 'will-navigate', { url: 'app://kim-akte/index.html' })).toBe(true);
    expect(navigate(contents, 'will-navigate', { url: 'https://example.org/' })).toBe(false);
    expect(navigate(contents, 'will-frame-navigate', { url: 'https://example.org/', isMainFrame: true })).toBe(false);
    expect(navigate(contents, 'will-frame-navigate', { url: 'blob:app://kim-akte/1', isMainFrame: true })).toBe(false);
    expect(navigate(contents, 'will-redirect', { url: 'https://example.org/', isMainFrame: true })).toBe(false);
  });

  it('let subframes show only our PDF preview, never foreign pages', () => {
    const contents = createdContents();
    const frame = (url: string) => navigate(contents, 'will-frame-navigate', { url, isMainFrame: false });
    expect(frame('blob:app://kim-akte/5b1d0c2e-7a0e-4f0e-9d8c-2b8e4e1f0a11')).toBe(true);
    expect(frame('about:blank')).toBe(true);
    expect(frame('https://example.org/')).toBe(false);
    expect(frame('blob:https://example.org/1')).toBe(false);
    expect(frame('data:text/html,<script>1</script>')).toBe(false);
    expect(frame('file:///etc/passwd')).toBe(false);
  });

  it('deny new windows and webviews', () => {
    const contents = createdContents();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://kim-akte/index.html' })).toEqual({ action: 'deny' });
    expect(navigate(contents, 'will-attach-webview', { url: 'https://example.org/' })).toBe(false);
  });
});

describe('downloads', () => {
  const page = new FakeWebContents('app://kim-akte/index.html');
  const download = (url: string, fileName: string, contents: FakeWebContents | null = page, frame: unknown = page.mainFrame) => {
    const event = fakeEvent();
    const item = Object.assign(new FakeWebContents(), { getURL: () => url, getFilename: () => fileName });
    session.defaultSession.emit('will-download', event, item, contents, frame);
    return { allowed: !event.defaultPrevented, item };
  };

  it('lets the audit CSV export of our page through and logs it without personal data', async () => {
    const { allowed, item } = download('blob:app://kim-akte/0f4c', 'audit-2026-11-03.csv');
    expect(allowed).toBe(true);
    item.emit('done', fakeEvent(), 'completed');
    const { lines } = await logLinesAfter('export download finished');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'export download started', kind: 'audit-csv' }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'export download finished', kind: 'audit-csv', state: 'completed' }));
  });

  it('cancels everything else and logs neither URL nor file name', async () => {
    const refused = [
      download('blob:app://kim-akte/77aa', 'Bescheid Haddad.pdf'), // "save" in the PDF preview: a decrypted document
      download('https://example.org/tool.exe', 'tool.exe'),
      download('data:text/csv,a;b', 'audit-2026-11-03.csv'),
      download('blob:https://example.org/1', 'audit-2026-11-03.csv'),
      download('blob:app://kim-akte/0f4c', 'audit-2026-11-03.csv', new FakeWebContents('https://example.org/')),
      download('blob:app://kim-akte/0f4c', 'audit-2026-11-03.csv', page, { url: 'app://kim-akte/index.html' }), // a subframe
      download('blob:app://kim-akte/0f4c', 'audit-2026-11-03.csv', null),
    ];
    expect(refused.map((r) => r.allowed)).toEqual(refused.map(() => false));
    const { lines, text } = await logLinesAfter('download refused', refused.length);
    const refusedLines = () => lines.filter((l) => l.msg === 'download refused');
    expect(refusedLines()).toContainEqual(expect.objectContaining({ scheme: 'blob' }));
    expect(refusedLines()).toContainEqual(expect.objectContaining({ scheme: 'https' }));
    expect(text).not.toMatch(/Haddad|tool\.exe|example\.org/);
  });
});
