import type { KimApi } from './core';

declare global {
  interface Window {
    /** Provided by the Electron preload or, in the browser harness, by the loopback shim. */
    readonly kim: KimApi;
  }
}
