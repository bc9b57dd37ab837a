import type { PolicyView } from '../contract/machine-policy-keys';
import { policyFilePath } from '../platform/policy/machine-policy';
import { machineRegistrySource } from '../platform/policy/policy-registry';
import { policyView } from '../platform/policy/policy-view';
import type { CallBasics } from './call-context';

/** The effective machine policy of this call, as the read-only view shows it and the UI locks settings by it. */
export function currentPolicyView(ctx: CallBasics): PolicyView {
  const origin = ctx.policyOrigin ?? { file: policyFilePath(), registry: machineRegistrySource()?.location ?? null };
  return policyView(ctx.machinePolicy, ctx.policySources ?? {}, origin);
}
