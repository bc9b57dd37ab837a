import type { PolicyView } from '../contract/machine-policy-keys';
import { readMachinePolicy } from '../platform/policy/machine-policy';
import { machineRegistrySource } from '../platform/policy/policy-registry';
import { policyView } from '../platform/policy/policy-view';

/**
 * `kim-akte policy check`: a policy file read and validated exactly as the app does at start, optionally with this
 * machine's registry values merged in (Windows). Throws `policy.invalid` naming the key and the rule.
 */
export function checkPolicyFile(file: string, withRegistry: boolean): PolicyView {
  const registry = withRegistry ? machineRegistrySource() : null;
  const loaded = readMachinePolicy(file, registry);
  return policyView(loaded.policy, loaded.sources, { file, registry: loaded.registry });
}

/** Whether this machine has a registry layer (Windows). */
export function hasPolicyRegistry(): boolean {
  return machineRegistrySource() !== null;
}
