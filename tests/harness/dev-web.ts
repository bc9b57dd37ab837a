import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHarness } from './server';
import { CONFLICT_STAFF, seedSyncConflict } from './sync-conflict-seed';

/**
 * `npm run dev:web`: the renderer in a normal browser against the real core, for UI work without Electron.
 * Builds the web bundle unless KIM_AKTE_SKIP_BUILD=1, then serves it on 127.0.0.1:5174. KIM_AKTE_SEED=sync-conflict
 * first sets up two synced Lünen workstations with open sync conflicts under the data directory (once) and serves
 * the first one.
 */
// The package is CommonJS (tsx runs this file as CJS): __dirname, and no top-level await.
const repo = resolve(__dirname, '../..');
const webRoot = resolve(repo, 'out/web');
const dataDir = resolve(process.env.KIM_AKTE_DATA_DIR ?? resolve(repo, '.kim-data/dev-web'));

if (process.env.KIM_AKTE_SKIP_BUILD !== '1' || !existsSync(resolve(webRoot, 'index.html'))) {
  execFileSync('npx', ['vite', 'build', '--config', resolve(repo, 'tests/harness/vite.web.config.ts')], {
    cwd: repo,
    stdio: 'inherit',
  });
}
/** The vault to serve: the data directory, or the first workstation of a seeded conflict network in it. */
async function vaultDir(): Promise<string> {
  if (process.env.KIM_AKTE_SEED !== 'sync-conflict') return dataDir;
  const first = resolve(dataDir, 'lunen-1');
  if (!existsSync(resolve(first, 'vault.db'))) {
    console.log('Setting up two Lünen workstations with sync conflicts …');
    await seedSyncConflict(dataDir);
  }
  const { login, passphrase } = CONFLICT_STAFF.first;
  console.log(`Sign in as ${login} / ${passphrase}`);
  return first;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const harness = await startHarness({
    dataDir: await vaultDir(),
    port: Number(process.env.KIM_AKTE_DEV_PORT ?? 5174),
    webRoot,
    appVersion: 'dev-web',
    logger: { info: (m) => console.log(`[core] ${m}`), error: (m) => console.error(`[core] ${m}`) },
  });
  console.log(`KIM-Akte (browser harness) on ${harness.url}`);
  console.log(`Data directory: ${dataDir}`);
  console.log(`Lock request:   curl -X POST -H 'X-Kim-Token: ${harness.token}' -H 'Content-Type: application/json' -d '{"reason":"suspend"}' ${harness.url}__test/lock-request`);

  const stop = async (): Promise<void> => {
    await harness.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
