import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { protocolHandlers } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).electron);

const { serveRenderer } = await import('../../electron/main/app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/content-security');

/** A built renderer in out/renderer, with a secret beside it that app:// must never serve. */
const tmp = mkdtempSync(join(tmpdir(), 'kim-akte-protocol-'));
const root = join(tmp, 'out', 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>KIM-Akte</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(tmp, 'out', 'secret.txt'), 'SECRET');
writeFileSync(join(tmp, 'secret.txt'), 'SECRET');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

serveRenderer(root);
const handler = protocolHandlers.get('app')!;
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the built renderer with its content type, the CSP, nosniff and no caching', async () => {
    for (const [url, type] of [
      ['app://kim-akte/', 'text/html; charset=utf-8'],
      ['app://kim-akte/index.html', 'text/html; charset=utf-8'],
      ['app://kim-akte/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://kim-akte/assets/index-abc.css', 'text/css; charset=utf-8'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type')).toBe(type);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });

  it.each([
    'app://kim-akte/../secret.txt',
    'app://kim-akte/../../secret.txt',
    'app://kim-akte/../../etc/passwd',
    'app://kim-akte/%2e%2e/secret.txt',
    'app://kim-akte/%2E%2E/%2E%2E/secret.txt',
    'app://kim-akte/..%2fsecret.txt',
    'app://kim-akte/..%2f..%2fsecret.txt',
    'app://kim-akte/assets/..%2f..%2f..%2fsecret.txt',
    'app://kim-akte/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kim-akte/..%5c..%5csecret.txt',
    'app://kim-akte/%252e%252e/secret.txt',
    'app://kim-akte/index.html%00.js',
    'app://kim-akte/%E0%A4%A',
    'app://kim-akte/assets/',
    'app://kim-akte/missing.js',
  ])('refuses %s without serving anything outside out/renderer', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('serves only the kim-akte host and only GET', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://kim-akte/index.html', 'POST')).status).toBe(404);
  });
});
