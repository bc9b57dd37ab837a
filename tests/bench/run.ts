import { cpus } from 'node:os';
import { benchCipher } from './cipher-bench';
import { benchUnlock } from './unlock-bench';

/**
 * npm run bench [-- --json] [-- --quick]: prints figures and ratios measured in this run. With --json the last line
 * is one JSON object (for tracking across commits).
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const quick = args.has('--quick');
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
  console.log(`KIM-Akte benchmarks on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);

  const unlock = await benchUnlock(quick ? 2 : 5);
  console.log(`unlock: KDF (scrypt N=2^17 r=8 p=1) median ${unlock.kdf_median_ms} ms, full unlock median ${unlock.unlock_median_ms} ms (p95 ${unlock.unlock_p95_ms} ms)`);

  const cipher = await benchCipher(quick ? 5_000 : 50_000, quick ? 3 : 5);
  console.log(
    `cipher: ${cipher.cipher_rows} rows workload plain ${cipher.plain_median_ms} ms, encrypted ${cipher.encrypted_median_ms} ms, overhead ratio ${cipher.cipher_overhead_ratio}`,
  );
  if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...unlock, ...cipher }));
}

void main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});
