import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../../electron/cli/bin.cjs');

/** Runs the real kim-akte bin in a child process, as IT would, with no terminal attached. */
export function kimAkte(args: string[], passphrase?: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.KIM_AKTE_PASSPHRASE;
  if (passphrase !== undefined) env.KIM_AKTE_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
