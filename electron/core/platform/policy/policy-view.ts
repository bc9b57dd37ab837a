import type { MachinePolicy } from '../../contract/machine-policy';
import { POLICY_KEYS, type PolicyEntry, type PolicySources, type PolicyView } from '../../contract/machine-policy-keys';

function valueAt(policy: MachinePolicy, key: string): PolicyEntry['value'] {
  let node: unknown = policy;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node as PolicyEntry['value'];
}

/** The effective policy, key by key, with where each value came from: what users see read-only and the UI locks. */
export function policyView(policy: MachinePolicy, sources: PolicySources, where: { file: string; registry: string | null }): PolicyView {
  const entries = POLICY_KEYS.map(({ key }): PolicyEntry => {
    const value = valueAt(policy, key);
    const entry: PolicyEntry = { key, source: sources[key] ?? 'default' };
    if (value !== undefined) entry.value = Array.isArray(value) ? [...value] : value;
    return entry;
  });
  return { entries, file: where.file, registryKey: where.registry, exportsAllowed: [...policy.exports.allowed] };
}
