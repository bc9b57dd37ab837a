import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../../electron/cli/bin.cjs');
/** What `npm run cli` runs: the shipped commands plus the development-only demo-data. */
const DEV_CLI = resolve(__dirname, '../demo-data/dev-cli.ts');
const TSX_CLI = require.resolve('tsx/cli');
/** The CLI as the installed app ships it: the electron-vite bundle (`KIM-Akte.exe --cli` loads this file). */
export const BUNDLED_CLI = resolve(__dirname, '../../out/main/cli.js');

type CliRun = { code: number | null; stdout: string; stderr: string };

function run(command: string[], passphrase: string | undefined, extraEnv: Record<string, string> = {}): CliRun {
  const env = { ...process.env, ...extraEnv };
  delete env.KIM_AKTE_PASSPHRASE;
  if (passphrase !== undefined) env.KIM_AKTE_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, command, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the real kim-akte bin in a child process, as IT would, with no terminal attached. */
export function kimAkte(args: string[], passphrase?: string, extraEnv?: Record<string, string>): CliRun {
  return run([BIN, ...args], passphrase, extraEnv);
}

/** Runs the built CLI bundle with plain Node, no tsx and no sources: what ships in the installer. */
export function bundledKimAkte(args: string[], passphrase?: string, extraEnv?: Record<string, string>): CliRun {
  return run([BUNDLED_CLI, ...args], passphrase, extraEnv);
}

/** Runs the development CLI the way `npm run cli -- …` does (tsx on tests/demo-data/dev-cli.ts). */
export function devCli(args: string[], passphrase?: string): CliRun {
  return run([TSX_CLI, DEV_CLI, ...args], passphrase);
}

/** The kim-akte bin as a child process that the test may kill (crash tests). */
export function kimAkteChild(args: string[], passphrase: string): ChildProcess {
  const env = { ...process.env, KIM_AKTE_PASSPHRASE: passphrase };
  return spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
