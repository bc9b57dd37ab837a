import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, englishMessage } from '../../core/contract/errors';
import { POLICY_KEYS } from '../../core/contract/machine-policy-keys';
import { checkPolicyFile, hasPolicyRegistry } from '../../core/api/policy-check';
import { EXIT } from '../core-call';
import { CliError } from '../passphrase-input';

function shown(value: unknown): string {
  if (value === undefined) return '(unset)';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Validates a policy file for IT before rollout, with the app's own reader and schema: names the key and the rule
 * of the first problem (exit 11), or lists every key with its effective value and whether the file sets it. With
 * --registry (Windows), this machine's registry values are merged in as the app would.
 */
export function policyCheckCommand(opts: { file: string; registry?: boolean; json?: boolean }, out: (line: string) => void): void {
  const file = resolve(opts.file);
  if (!existsSync(file)) throw new CliError(`The policy file ${file} does not exist.`, EXIT.policyInvalid);
  if (!statSync(file).isFile()) throw new CliError(`${file} is not a file.`, EXIT.policyInvalid);
  if (opts.registry && !hasPolicyRegistry()) throw new CliError('--registry works on Windows only: there is no registry on this machine.', EXIT.usage);
  let view;
  try {
    view = checkPolicyFile(file, opts.registry === true);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(englishMessage(error.toPayload()), EXIT.policyInvalid);
    throw error;
  }
  if (opts.json) {
    out(JSON.stringify({ file, valid: true, entries: view.entries }, null, 2));
    return;
  }
  const set = view.entries.filter((e) => e.source !== 'default').length;
  out(`The policy file ${file} is valid: it sets ${set} of ${POLICY_KEYS.length} keys.`);
  for (const e of view.entries) out(`  ${e.key} = ${shown(e.value)}  (${e.source === 'default' ? 'default' : e.source})`);
}
