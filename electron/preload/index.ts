import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { LOCK_REASONS, type LockReason } from '../core/contract/lock-reasons';
import type { MethodName } from '../core/contract/methods';
import { buildKimApi } from '../core/contract/kim-api';
import { IPC_CHANNELS } from '../core/contract/ipc-channels';

/**
 * Exposes exactly one object, window.kim, with the allow-listed API methods. No ipcRenderer, no Electron objects,
 * no process.env cross the bridge; listeners receive only a validated lock reason, never the IPC event.
 */
const kim = buildKimApi(
  (method: MethodName, input: unknown) => ipcRenderer.invoke(IPC_CHANNELS.invoke, method, input),
  (listener) => {
    const handler = (_event: IpcRendererEvent, reason: unknown) => {
      if (LOCK_REASONS.includes(reason as LockReason)) listener(reason as LockReason);
    };
    ipcRenderer.on(IPC_CHANNELS.lockRequested, handler);
    return () => ipcRenderer.off(IPC_CHANNELS.lockRequested, handler);
  },
);

contextBridge.exposeInMainWorld('kim', kim);
