import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../electron/cli/main';
import { loadBundledCli, runCliMode } from '../../electron/main/cli-mode';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { BUNDLED_CLI, bundledKimAkte } from '../helpers/cli';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';

/**
 * The admin CLI as the installer ships it: out/main/cli.js from `electron-vite build` (the build `npm test` runs
 * first), run by plain Node with no tsx and no sources. The packaged app's `--cli` mode loads this same file.
 */
const COORDINATOR = { login: 'ko.lange', displayName: 'Katrin Lange', role: 'koordination' as const, passphrase: 'Sieben Kraniche landen 2027 am Cappenberger See' };

/** Every command path a program registers ("audit verify", "network create" …), with its options. */
function commandTree(program: Command, prefix = ''): string[] {
  return program.commands.flatMap((c) => {
    const path = `${prefix}${c.name()}`;
    const options = c.options.map((o) => o.flags).join(' ');
    return [`${path}: ${options}`, ...commandTree(c, `${path} `)];
  });
}

describe('the built admin CLI bundle', () => {
  const tmp = tempDir();
  const dataDir = join(tmp.dir, 'vault');
  const stats = (user: string, passphrase: string, from = '2026-01-01', to = '2026-12-31') =>
    bundledKimAkte(['stats', '--data-dir', dataDir, '--user', user, '--from', from, '--to', to, '--json'], passphrase);

  beforeAll(() => {
    if (!existsSync(BUNDLED_CLI)) throw new Error('out/main/cli.js missing: npm test builds it first (electron-vite build)');
  });
  afterAll(() => tmp.cleanup());

  it('carries exactly the commands and options electron/cli/main.ts registers (a stale build fails here)', () => {
    const bundled = createRequire(__filename)(BUNDLED_CLI) as { buildProgram: typeof buildProgram };
    const fromSources = commandTree(buildProgram(() => undefined));
    expect(commandTree(bundled.buildProgram(() => undefined))).toEqual(fromSources);
    const help = bundledKimAkte(['--help']);
    expect(help.code).toBe(0);
    for (const top of buildProgram(() => undefined).commands) expect(help.stdout).toContain(top.name());
  });

  it('requires only Node built-ins and packages the installer ships (dependencies), never a dev tool or a source file', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const outMain = dirname(BUNDLED_CLI);
    const files = readdirSync(outMain, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js'));
    const required = new Set<string>();
    for (const f of files) {
      for (const [, spec] of readFileSync(join(f.parentPath, f.name), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) required.add(spec!);
    }
    for (const spec of required) {
      if (spec.startsWith('./') || spec.startsWith('../')) {
        expect(spec, 'bundles refer to their chunks only').toMatch(/^\.\.?\/(chunks\/)?[\w.-]+\.js$/);
        continue;
      }
      if (spec.startsWith('node:') || builtinModules.includes(spec) || spec === 'electron') continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(pkg.dependencies, `${spec} required by the bundle`).toHaveProperty([name]);
    }
  });

  it('init creates a vault and prints the recovery key; a second init exits 5 and touches nothing', () => {
    const init = ['init', '--data-dir', dataDir, '--office', 'werne', '--admin-user', 'it.meier', '--admin-name', 'Jonas Meier'];
    const r = bundledKimAkte(init, ADMIN_PASSPHRASE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recovery key: [0-9A-F]{8}(-[0-9A-F]{8}){7}$/m);
    expect(existsSync(join(dataDir, 'vault.db'))).toBe(true);
    const again = bundledKimAkte(init, ADMIN_PASSPHRASE);
    expect(again.code).toBe(5);
    expect(again.stderr).toBe('Error: A vault already exists in this data directory; it was not touched.\n');
  });

  it('info unlocks the real vault and prints its office and schema version as JSON', () => {
    const r = bundledKimAkte(['info', '--data-dir', dataDir, '--user', 'it.meier'], ADMIN_PASSPHRASE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ office: 'werne', schemaVersion: SCHEMA_VERSION, counts: { accounts: 1 } });
  });

  it('audit verify reports an intact chain with exit 0', () => {
    const r = bundledKimAkte(['audit', 'verify', '--data-dir', dataDir, '--user', 'it.meier'], ADMIN_PASSPHRASE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toBe('');
  });

  it('stats: figures as JSON for Koordination (0), refused for IT (1), a reversed period is a usage error (2)', async () => {
    const core = new CoreDispatcher({ dataDir });
    try {
      await call(core, 'session.unlock', { login: 'it.meier', passphrase: ADMIN_PASSPHRASE });
      await enrolAccount(core, { login: 'it.meier', passphrase: ADMIN_PASSPHRASE }, COORDINATOR);
    } finally {
      await core.close();
    }
    const ok = stats(COORDINATOR.login, COORDINATOR.passphrase);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ office: 'werne' });
    const denied = stats('it.meier', ADMIN_PASSPHRASE);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toBe('');
    expect(stats(COORDINATOR.login, COORDINATOR.passphrase, '2026-12-31', '2026-01-01').code).toBe(2);
  }, 120_000);

  it('runs in-process the way the packaged app runs it (`--cli`: loadBundledCli beside main, exit through app.exit)', async () => {
    const codes: number[] = [];
    const lines: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, enc?: unknown, cb?: unknown) => {
      lines.push(String(chunk));
      const done = typeof enc === 'function' ? enc : cb;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as typeof process.stdout.write);
    vi.stubEnv('KIM_AKTE_PASSPHRASE', ADMIN_PASSPHRASE);
    try {
      const app = {
        isPackaged: true,
        whenReady: () => Promise.resolve(),
        exit: (code: number) => void codes.push(code),
        getPath: () => tmp.dir,
        setPath: () => undefined,
        disableHardwareAcceleration: () => undefined,
      };
      await runCliMode(app, ['info', '--data-dir', dataDir, '--user', 'it.meier'], () => loadBundledCli(dirname(BUNDLED_CLI)));
    } finally {
      stdout.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(codes).toEqual([0]);
    expect(JSON.parse(lines.join(''))).toMatchObject({ office: 'werne', schemaVersion: SCHEMA_VERSION });
  });

  it.each([
    [['info', '--data-dir', dataDir, '--user', 'it.meier'], 'falsche Passphrase', 3, /^Error: Wrong user name or passphrase\.\n$/],
    [['info', '--data-dir', join(tmp.dir, 'none'), '--user', 'it.meier'], ADMIN_PASSPHRASE, 4, /No vault exists/],
    [['info', '--data-dir', dataDir, '--user', 'it.meier'], undefined, 2, /KIM_AKTE_PASSPHRASE/],
    [['frobnicate'], undefined, 2, /unknown command/],
  ])('bad input %j exits with its code, one clear line and no stack trace', (args, passphrase, code, message) => {
    const r = bundledKimAkte(args, passphrase);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
