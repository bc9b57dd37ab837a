import type { KimApi } from '../../electron/core/api/contract';

declare global {
  interface Window {
    /** What the harness shim defines in the page; typed for page.evaluate callbacks. */
    readonly kim: KimApi;
  }
}
