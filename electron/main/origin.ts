import { app } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './content-security';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The electron-vite dev server, trusted only in `npm run dev`: an unpackaged app started by electron-vite in
 * development mode, serving from the loopback interface. A packaged build ignores ELECTRON_RENDERER_URL, so an
 * environment variable set on the workstation can never make it load, or grant the API to, a foreign page.
 */
export function devServerUrl(isPackaged: boolean, env: Env): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  if (isPackaged || env.NODE_ENV_ELECTRON_VITE !== 'development' || !url) return null;
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && loopback ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Whether `url` belongs to our page: app://kim-akte, or the dev server's origin when one is given. Scheme and host
 * are compared directly because Node's URL gives every non-special scheme (app:) the opaque origin "null".
 */
export function matchesOwnOrigin(url: string, devServer: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  return devServer !== null && parsed.origin === new URL(devServer).origin;
}

/** The origin check of this process: packaged builds trust only app://kim-akte. */
export function isOwnOrigin(url: string): boolean {
  return matchesOwnOrigin(url, devServerUrl(app.isPackaged, process.env));
}

/** Where the renderer comes from: app://kim-akte, or the electron-vite dev server in `npm run dev`. */
export function rendererEntry(): string {
  return devServerUrl(app.isPackaged, process.env) ?? `${APP_ORIGIN}/index.html`;
}
