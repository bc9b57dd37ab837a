/** The only IPC channels between the Electron preload and main process (the transport of the contract). */
export const IPC_CHANNELS = {
  invoke: 'kim:invoke',
  lockRequested: 'kim:lock-requested',
} as const;
