import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWithRecoveryKey, databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { PROTECTED_COLUMNS, protectedValues } from '../../electron/core/domain/cases/protected-fields';
import { keyringMac } from '../../electron/core/platform/vault/key-crypto';

/**
 * Turns a vault back into what app versions before category keys (issue 10, item 4) wrote: protected columns in
 * plain text, no waiting keys in the database, and a format 2 keyring without category keys whose MAC is computed
 * the way those versions computed it. For upgrade tests.
 */
export async function downgradeToPlainCategories(dataDir: string, recoveryKey: string): Promise<void> {
  const vault = await openWithRecoveryKey({ dataDir }, recoveryKey);
  try {
    await vault.dataSource.transaction(async (m) => {
      for (const c of PROTECTED_COLUMNS) {
        for (const row of await protectedValues(m, c)) {
          await m.query(`UPDATE ${c.table} SET ${c.column} = ? WHERE rowid = ?`, [vault.fields.decrypt(c.category, row.value, row.place), row.rowid]);
        }
      }
      await m.query(`DELETE FROM setting WHERE key LIKE 'vault.categoryKey.unclaimed.%'`);
    });
  } finally {
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
  const path = join(dataDir, 'keyring.json');
  const k = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    accounts: Record<string, unknown>[];
    recovery: Record<string, unknown>;
  };
  delete k.categories;
  for (const a of k.accounts) delete a.categoryGrants;
  delete k.recovery.categoryGrants;
  const accounts = [...k.accounts].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const key = databaseKeyForRecoveryKey({ dataDir }, recoveryKey);
  k.mac = keyringMac(key, JSON.stringify([k.format, k.version, k.vaultId, k.office, k.createdAt, accounts, k.recovery, k.pendingRekey ?? null]));
  key.fill(0);
  writeFileSync(path, `${JSON.stringify(k, null, 2)}\n`);
}
