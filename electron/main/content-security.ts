/**
 * The Content-Security-Policy of every app page: only our own scripts, no inline script, no remote anything.
 * Inline styles are allowed because Fluent UI (Griffel) injects its CSS at runtime.
 */
export function contentSecurityPolicy(connectSrc: "'none'" | "'self'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // PDF preview: the page shows a document it decrypted through the API as a blob: URL in Chromium's viewer.
    'frame-src blob:',
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** In Electron the page talks only over IPC, so it may not connect anywhere. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

export const APP_SCHEME = 'app';
export const APP_HOST = 'kim-akte';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
