import type { EntityManager } from 'typeorm';
import { readSetting, SETTING_KEYS, writeSetting } from '../../electron/core/platform/settings/settings-store';

/**
 * The mark that a vault was created by demo-data, kept as a setting inside the encrypted database: it cannot be set
 * without the database key, and it travels with the vault (a copied or restored demo vault stays a demo vault).
 * demo-data adds fictional people only to vaults carrying it, so a real vault never gets demo rows mixed in.
 */
export async function markDemoVault(m: EntityManager, createdAt: Date): Promise<void> {
  await writeSetting(m, SETTING_KEYS.demoVault, JSON.stringify({ createdBy: 'demo-data', createdAt: createdAt.toISOString() }));
}

/** Whether demo-data created this vault. */
export async function isDemoVault(m: EntityManager): Promise<boolean> {
  return (await readSetting(m, SETTING_KEYS.demoVault)) !== null;
}
