import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { deriveWrappingKey, keyringMac, newKdfParams, wrapKey } from '../../electron/core/platform/vault/key-crypto';
import { accountIdFor } from '../../electron/core/platform/vault/keyring';
import type { Office } from '../../electron/core/contract/offices';

/**
 * Writes a keyring as app versions before re-keying did (format 1): the database key wrapped directly under each
 * passphrase, no recovery record (the recovery key was the database key itself). For upgrade tests.
 */
export async function writeFormat1Keyring(
  path: string,
  office: Office,
  accounts: { login: string; passphrase: string }[],
  databaseKey: Buffer,
  now: Date,
): Promise<void> {
  const vaultId = randomUUID();
  const entries = [];
  for (const a of accounts) {
    const id = accountIdFor(vaultId, a.login);
    const kdf = newKdfParams();
    const wrappingKey = await deriveWrappingKey(a.passphrase, kdf);
    entries.push({ id, kdf, wrap: wrapKey(databaseKey, wrappingKey, `${vaultId}:${id}`) });
  }
  const data = { format: 'kim-akte-keyring', version: 1, vaultId, office, createdAt: now.toISOString(), accounts: entries };
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  const mac = keyringMac(databaseKey, JSON.stringify([data.format, data.version, data.vaultId, data.office, data.createdAt, sorted]));
  writeFileSync(path, `${JSON.stringify({ ...data, mac, throttle: {} }, null, 2)}\n`);
}
