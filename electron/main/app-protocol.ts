import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './content-security';
import { CONTENT_TYPES } from './content-types';

/** Must run before the app is ready: app:// is a standard, secure origin (unlike file://, which is one big origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404 });

/** The file under `base` that an app:// path names, or null for anything that would leave it or cannot be read. */
function fileFor(base: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (relative.includes('\0')) return null;
  const file = normalize(join(base, relative));
  return file.startsWith(base) ? file : null;
}

/** The app:// request handler: the built renderer from `root`, never anything outside it, always under our CSP. */
export function rendererHandler(root: string): (request: Request) => Promise<Response> {
  const base = normalize(root + sep);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const file = fileFor(base, url.pathname);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return notFound();
    }
  };
}

/** Serves the built renderer from `root` under app://kim-akte/. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(root));
}
