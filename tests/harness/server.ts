import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { LOCK_REASONS, type LockReason } from '../../electron/core/contract/lock-reasons';
import { isPrintMethod, type Result } from '../../electron/core/contract/methods';
import { CoreDispatcher, type CoreLogger } from '../../electron/core/api/dispatcher';
import type { ErrorPayload } from '../../electron/core/contract/errors';
import { contentSecurityPolicy } from '../../electron/main/content-security';
import { CONTENT_TYPES } from '../../electron/main/content-types';
import { toPrintedPdf } from '../../electron/main/print-result';
import { startChromiumPdf, type ChromiumPdf } from '../helpers/chromium-pdf';

/**
 * The browser test harness: one CoreDispatcher behind a loopback HTTP bridge, so the real renderer runs in plain
 * Chromium against the real core (same schemas, permissions, audit) — only the transport differs from Electron.
 * Never shipped: it lives in tests/ and is built only by the web build.
 */

/** The app's policy, except that the harness page talks to its own origin (the loopback API) instead of IPC. */
export const HARNESS_CSP = contentSecurityPolicy("'self'");

/** Documents travel as base64 in the body: 20 MB (the core's limit) is ~26.7 MB encoded, plus the JSON around it. */
const MAX_BODY_BYTES = 28 * 1024 * 1024;

export interface HarnessOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (out/web), containing index.html and kim-shim.js. */
  webRoot: string;
  appVersion?: string;
  logger?: CoreLogger;
}

export interface Harness {
  url: string;
  token: string;
  /** Number of pages currently listening for lock requests. */
  readonly listenerCount: number;
  close(): Promise<void>;
}

class BadRequest extends Error {}

function malformed(): Result<never> {
  const error: ErrorPayload = { code: 'request.malformed', params: {} };
  return { ok: false, error };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function tokenMatches(expected: Buffer, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given, 'utf8');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new BadRequest('content type');
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BadRequest('too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    // Checked while streaming too: Content-Length may be missing (chunked) or lie.
    if (size > MAX_BODY_BYTES) throw new BadRequest('too large');
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequest('not json');
  }
}

/** Inserts the token and the shim before the app's module script, so `window.kim` exists before the app runs. */
export function injectHarness(html: string, token: string): string {
  const tags = `<meta name="kim-harness-token" content="${token}">\n    <script type="module" src="/kim-shim.js"></script>\n    `;
  const at = html.search(/<script\b[^>]*type="module"/i);
  if (at < 0) throw new Error('index.html has no module script to run the shim before');
  return html.slice(0, at) + tags + html.slice(at);
}

/** Starts the harness on 127.0.0.1; resolves once it listens. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const webRoot = resolve(options.webRoot);
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  const dispatcher = new CoreDispatcher({ dataDir: options.dataDir, appVersion: options.appVersion, logger: options.logger });
  const listeners = new Set<ServerResponse>();
  // Print methods answer with a PDF, as in Electron: the same HTML through Chromium's page.pdf, started on first use.
  let pdf: ChromiumPdf | null = null;
  const printPdf = async (html: string) => (pdf ??= await startChromiumPdf()).print(html);
  let port = 0;

  const indexHtml = injectHarness(await readFile(resolve(webRoot, 'index.html'), 'utf8'), token);

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES['.html']!,
        'Cache-Control': 'no-store',
        'Content-Security-Policy': HARNESS_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(indexHtml);
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendJson(res, 400, malformed());
      return;
    }
    const file = resolve(webRoot, '.' + decoded);
    // Anything resolving outside webRoot (../, encoded %2e%2e, absolute) is refused, as are NUL bytes.
    if (decoded.includes('\0') || !file.startsWith(webRoot + sep)) {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      if (error instanceof BadRequest) {
        sendJson(res, 400, malformed());
        req.resume();
        return;
      }
      throw error;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 400, malformed());
      return;
    }
    const result = await dispatcher.dispatch(method, (body as { input?: unknown }).input);
    sendJson(res, 200, isPrintMethod(method) ? await toPrintedPdf(result, printPdf, (reason) => options.logger?.error(`${method}: ${reason}`)) : result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  }

  function pushLockRequest(reason: LockReason): number {
    for (const res of listeners) res.write(`event: lock\ndata: ${JSON.stringify(reason)}\n\n`);
    return listeners.size;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A page on another origin cannot read responses, but DNS rebinding could make one look same-origin.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      if (!tokenMatches(tokenBytes, req.headers['x-kim-token'] as string | undefined)) {
        sendJson(res, 403, { ok: false, error: { code: 'permission.denied', params: {} } });
        req.resume();
        return;
      }
      await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      if (!tokenMatches(tokenBytes, url.searchParams.get('token'))) {
        res.writeHead(403, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      handleEvents(req, res);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test/lock-request') {
      if (!tokenMatches(tokenBytes, req.headers['x-kim-token'] as string | undefined)) {
        sendJson(res, 403, { ok: false, error: { code: 'permission.denied', params: {} } });
        req.resume();
        return;
      }
      const body = await readJsonBody(req).catch(() => null);
      const reason = (body as { reason?: unknown } | null)?.reason;
      if (typeof reason !== 'string' || !LOCK_REASONS.includes(reason as LockReason)) {
        sendJson(res, 400, malformed());
        return;
      }
      sendJson(res, 200, { delivered: pushLockRequest(reason as LockReason) });
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(res, url.pathname);
      return;
    }
    res.writeHead(405, { 'Cache-Control': 'no-store' }).end();
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', params: {} } });
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    get listenerCount() {
      return listeners.size;
    },
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await dispatcher.close();
      await pdf?.close();
    },
  };
}
