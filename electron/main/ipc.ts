import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES } from '../core/contract/method-names';
import { isPrintMethod, type Result } from '../core/contract/methods';
import { IPC_CHANNELS } from '../core/contract/ipc-channels';
import type { AppLogger } from './app-log';
import type { CoreHost } from './core-host';
import { isOwnOrigin } from './origin';
import { toPrintedPdf, type PrintToPdf } from './print-result';

const ALLOWED = new Set<string>(METHOD_NAMES);

type SenderFacts = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: Pick<IpcMainInvokeEvent['sender'], 'mainFrame'> };

/** Checklist item 17: only our own page, in its main frame, may call the API. */
export function isTrustedSender(event: SenderFacts): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isOwnOrigin(frame.url);
}

/** The method name as it may be echoed back: strings only (never String() on caller data, which can throw). */
export function echoedMethod(method: unknown): string {
  return typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
}

/**
 * The single IPC handler: checks the sender and method name, then hands the call to the core dispatcher. The
 * answer of a print method (a print document) is rendered into a PDF here, so the page receives only the PDF.
 */
export function registerIpc(core: Pick<CoreHost, 'call'>, log: AppLogger, printPdf: PrintToPdf | null = null): void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      log.error('IPC call from an untrusted sender refused');
      return { ok: false, error: { code: 'permission.denied', params: {} } };
    }
    if (typeof method !== 'string' || !ALLOWED.has(method)) {
      return { ok: false, error: { code: 'request.unknownMethod', params: { method: echoedMethod(method) } } };
    }
    const result = await core.call(method, input);
    if (!isPrintMethod(method)) return result;
    return toPrintedPdf(result, printPdf, (reason) => log.error(`${method}: ${reason}`));
  });
}
