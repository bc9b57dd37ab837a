import type { ExportKind } from './machine-policy';

/**
 * Every setting of the machine policy as IT writes it (dotted, as in error messages, the registry's subkeys and the
 * read-only view), with the kind of value it takes. The registry stores text and numbers only, so its values are
 * converted by this kind before the schema validates them; a unit test checks the list against the schema.
 */
export const POLICY_KEYS = [
  { key: 'dataFolder', kind: 'text' },
  { key: 'office', kind: 'text' },
  { key: 'accounts.requireApproval', kind: 'boolean' },
  { key: 'sync.intervalSeconds', kind: 'integer' },
  { key: 'sync.shareFolder', kind: 'text' },
  { key: 'lock.idleMinutes', kind: 'integer' },
  { key: 'lock.maxIdleMinutes', kind: 'integer' },
  { key: 'logs.folder', kind: 'text' },
  { key: 'logs.keepDays', kind: 'integer' },
  { key: 'exports.allowed', kind: 'list' },
  { key: 'backup.folder', kind: 'text' },
  { key: 'backup.intervalHours', kind: 'integer' },
  { key: 'backup.keep', kind: 'integer' },
  { key: 'retention.clientYears', kind: 'integer' },
  { key: 'retention.contactYears', kind: 'integer' },
  { key: 'retention.vacuumAfterDeletion', kind: 'boolean' },
] as const satisfies readonly { key: string; kind: 'text' | 'integer' | 'boolean' | 'list' }[];

export type PolicyKey = (typeof POLICY_KEYS)[number]['key'];
export type PolicyKeyKind = (typeof POLICY_KEYS)[number]['kind'];

/** Where the effective value of a key came from: IT's file, IT's registry value (wins over the file), or the default. */
export type PolicySource = 'file' | 'registry' | 'default';

/** One key of the effective policy as users see it (read-only) and the UI locks it. */
export interface PolicyEntry {
  key: PolicyKey;
  /** The effective value; absent when the key is unset and has no default (the app decides, e.g. the user profile). */
  value?: string | number | boolean | string[];
  source: PolicySource;
}

/**
 * The effective machine policy as the renderer sees it: every key with its value and source, and the two things
 * the screens act on directly. Folders and the office are not personal data.
 */
export interface PolicyView {
  entries: PolicyEntry[];
  /** Where the file is looked for (also when none exists), and the registry key on Windows. */
  file: string;
  registryKey: string | null;
  exportsAllowed: ExportKind[];
}

/** True when IT set the key (file or registry): the UI shows the setting locked. */
export function policySets(view: Pick<PolicyView, 'entries'>, key: PolicyKey): boolean {
  return view.entries.some((e) => e.key === key && e.source !== 'default');
}

/** A key's effective value, or undefined when unset. */
export function policyValue(view: Pick<PolicyView, 'entries'>, key: PolicyKey): PolicyEntry['value'] {
  return view.entries.find((e) => e.key === key)?.value;
}

/** The keys IT set and where (the loader's answer); keys not listed have their default. */
export type PolicySources = Partial<Record<PolicyKey, 'file' | 'registry'>>;
