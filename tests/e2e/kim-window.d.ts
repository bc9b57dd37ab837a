import type { KimApi } from '../../electron/core/contract/methods';

declare global {
  interface Window {
    /** What the harness shim defines in the page; typed for page.evaluate callbacks. */
    readonly kim: KimApi;
  }
}
