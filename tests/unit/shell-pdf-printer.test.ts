import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, FakeBrowserWindow, FakeWebContents, ipcHandlers, partitions } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { createPdfPrinter, mayLoad, PRINT_PARTITION } = await import('../../electron/main/pdf-printer');
const { toPrintedPdf } = await import('../../electron/main/print-result');
const { registerIpc } = await import('../../electron/main/ipc');
const { ownExportKind } = await import('../../electron/main/download-guard');
const { IPC_CHANNELS } = await import('../../electron/core/contract/ipc-channels');

const errors: string[] = [];
const log = { info: () => undefined, error: (m: string) => void errors.push(m) };
const HTML = '<!DOCTYPE html><html lang="de"><body><h1>Formular</h1></body></html>';
const DOC = { clientId: 'c', fileName: 'einwilligung-2026-12-01-abcdef12-ar.pdf', html: HTML };

beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
  errors.length = 0;
});

describe('the PDF printer of Electron main', () => {
  it('prints in a hidden, sandboxed window without JavaScript or preload, from a data: URL, tagged A4, and destroys it', async () => {
    const pdf = await createPdfPrinter(log)(HTML);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    const [win] = FakeBrowserWindow.created;
    const options = win!.options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, partition: PRINT_PARTITION });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
    expect(win!.loadedUrl.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(win!.loadedUrl.split(',')[1]!, 'base64').toString('utf8')).toBe(HTML);
    expect(win!.webContents.printOptions).toEqual([expect.objectContaining({ pageSize: 'A4', generateTaggedPDF: true, printBackground: true, preferCSSPageSize: true })]);
    expect(win!.isDestroyed()).toBe(true);
  });

  it('gives its session no permission and no request but the document itself', async () => {
    await createPdfPrinter(log)(HTML);
    const s = partitions.get(PRINT_PARTITION)!;
    let granted: boolean | null = null;
    s.permissionRequest!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(s.permissionCheck!()).toBe(false);
    const decide = (url: string) => new Promise<boolean>((resolve) => s.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await decide('data:text/html;charset=utf-8;base64,AAAA')).toBe(false);
    for (const url of ['https://evil.example/x.png', 'file:///etc/passwd', 'app://kim-akte/index.html', 'data:image/svg+xml,<svg/>']) expect(await decide(url), url).toBe(true);
    const download = fakeEvent();
    s.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
    expect(mayLoad('data:text/html;base64,')).toBe(true);
  });

  it('destroys the window when printing fails or times out, and prints one document at a time', async () => {
    const failing = createPdfPrinter(log, 50);
    FakeWebContents.queuedPrintResults.push(() => Promise.reject(new Error('renderer crashed')), () => new Promise(() => undefined));
    await expect(failing(HTML)).rejects.toThrow('renderer crashed');
    expect(FakeBrowserWindow.created[0]!.isDestroyed()).toBe(true);
    await expect(failing(HTML)).rejects.toThrow('print timed out');
    expect(FakeBrowserWindow.created[1]!.isDestroyed()).toBe(true);
    // Queued: the second print's window exists only after the first one is done.
    const printer = createPdfPrinter(log);
    let windowsWhenFirstDone = 0;
    const a = printer(HTML).then(() => (windowsWhenFirstDone = FakeBrowserWindow.created.length));
    const b = printer(HTML);
    await Promise.all([a, b]);
    expect(windowsWhenFirstDone).toBe(3);
    expect(FakeBrowserWindow.created).toHaveLength(4);
  });
});

describe('print answers on their way to the page', () => {
  const okPdf = () => Promise.resolve(new Uint8Array(Buffer.from('%PDF-1.7 x')));

  it('turns a print document into a PDF and never hands the HTML or the client id on', async () => {
    const r = await toPrintedPdf({ ok: true, value: DOC }, okPdf, (m) => errors.push(m));
    expect(r).toEqual({ ok: true, value: { fileName: DOC.fileName, pdfBase64: Buffer.from('%PDF-1.7 x').toString('base64') } });
  });

  it('passes core errors through and turns anything odd into print.failed without quoting the document', async () => {
    const denied = { ok: false as const, error: { code: 'permission.denied' as const, params: {} } };
    expect(await toPrintedPdf(denied, okPdf, () => undefined)).toBe(denied);
    const failed = { ok: false, error: { code: 'print.failed', params: {} } };
    for (const value of [null, { ...DOC, fileName: 'Haddad.pdf' }, { ...DOC, fileName: '../x.pdf' }, { ...DOC, html: 42 }, { ...DOC, html: 'x'.repeat(1_600_000) }]) {
      expect(await toPrintedPdf({ ok: true, value }, okPdf, (m) => errors.push(m))).toEqual(failed);
    }
    expect(await toPrintedPdf({ ok: true, value: DOC }, () => Promise.resolve(new Uint8Array(Buffer.from('<html>'))), (m) => errors.push(m))).toEqual(failed);
    expect(await toPrintedPdf({ ok: true, value: DOC }, () => Promise.reject(new Error(`bad ${HTML}`)), (m) => errors.push(m))).toEqual(failed);
    expect(await toPrintedPdf({ ok: true, value: DOC }, null, (m) => errors.push(m))).toEqual(failed);
    expect(errors.join('\n')).not.toContain('Formular');
  });

  it('is applied by the IPC handler to print methods only', async () => {
    const calls: string[] = [];
    registerIpc({ call: async (method) => (calls.push(method), method === 'consents.printForm' ? { ok: true, value: DOC } : { ok: true, value: { html: 'kept' } }) }, log, okPdf);
    const handler = ipcHandlers.get(IPC_CHANNELS.invoke)!;
    const frame = { url: 'app://kim-akte/index.html' };
    const event = { senderFrame: frame, sender: { mainFrame: frame } } as never;
    const printed = (await (handler as (...a: unknown[]) => Promise<unknown>)(event, 'consents.printForm', { consentId: 'x' })) as { ok: true; value: Record<string, unknown> };
    expect(Object.keys(printed.value).sort()).toEqual(['fileName', 'pdfBase64']);
    expect(await (handler as (...a: unknown[]) => Promise<unknown>)(event, 'clients.get', { id: 'x' })).toEqual({ ok: true, value: { html: 'kept' } });
    expect(calls).toEqual(['consents.printForm', 'clients.get']);
  });
});

describe('the download guard and printed forms', () => {
  const contents = { getURL: () => 'app://kim-akte/index.html', mainFrame: {} } as never;
  const isOwn = (url: string) => url.startsWith('app://kim-akte');
  const item = (name: string, url = 'blob:app://kim-akte/1234') => ({ getURL: () => url, getFilename: () => name });

  it('lets exactly the printed form names through, from our own blob: URLs', () => {
    expect(ownExportKind(item('einwilligung-2026-12-01-abcdef12.pdf'), contents, null, isOwn)).toBe('print-pdf');
    expect(ownExportKind(item('einwilligung-2026-12-01-abcdef12-fa.pdf'), contents, null, isOwn)).toBe('print-pdf');
    for (const name of ['einwilligung-Haddad.pdf', 'einwilligung-2026-12-01-abcdef12.pdf.exe', 'einwilligung-2026-12-01-ABCDEF12.pdf', 'dokument.pdf', 'einwilligung-2026-12-01-abcdef12-arabic.pdf']) {
      expect(ownExportKind(item(name), contents, null, isOwn), name).toBeNull();
    }
    expect(ownExportKind(item('einwilligung-2026-12-01-abcdef12.pdf', 'blob:https://evil/1'), contents, null, isOwn)).toBeNull();
  });

  it('lets the statistics exports through by their names: the PDF report, CSV and XLSX', () => {
    expect(ownExportKind(item('kim-statistik-lunen-2025-01-01-bis-2025-12-31.pdf'), contents, null, isOwn)).toBe('print-pdf');
    expect(ownExportKind(item('kim-statistik-abh-lunen-2025-01-01-bis-2025-12-31.csv'), contents, null, isOwn)).toBe('statistics');
    expect(ownExportKind(item('kim-statistik-werne-2026-01-01-bis-2026-03-31.xlsx'), contents, null, isOwn)).toBe('statistics');
    for (const name of ['kim-statistik-lunen.csv', 'kim-statistik-lunen-2025-01-01-bis-2025-12-31.xlsm', 'kim-statistik-Haddad-2025-01-01-bis-2025-12-31.csv', 'kim-statistik-lunen-2025-01-01-bis-2025-12-31.csv.exe']) {
      expect(ownExportKind(item(name), contents, null, isOwn), name).toBeNull();
    }
  });
});
