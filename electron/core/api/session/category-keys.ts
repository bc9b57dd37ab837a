import type { DataSource } from 'typeorm';
import { KEY_PROTECTED_CATEGORIES, roleHoldsCategoryKey, type KeyProtectedCategory } from '../../contract/data-categories';
import { encryptPlainFields } from '../../domain/cases/protected-fields';
import { AccountEntity } from '../../domain/users/account-entity';
import { deleteSetting, readSetting, unclaimedCategoryKeySetting, writeSetting } from '../../platform/settings/settings-store';
import { zeroCategoryKeys, type CategoryKeys } from '../../platform/vault/field-cipher';
import { accountIdFor } from '../../platform/vault/keyring';
import { newKeyPair, publicKeyOf } from '../../platform/vault/sealed-box';
import type { OpenVault } from '../../platform/vault/vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';

/**
 * Keeps the category keys (platform/vault/field-cipher.ts) where they belong, after every unlock and recovery:
 * 1. A vault without them (new, or from before issue 10) gets a key pair per protected category; its private key
 *    waits in the database until an account of a reading role holds it, and older plain values are encrypted.
 * 2. Every active account whose role reads the category, and the recovery key, receives the keys this session
 *    holds; accounts whose role no longer reads it lose theirs. IT never holds them, so an account IT created
 *    receives them at the next unlock of a colleague who holds them (or when the recovery key is used).
 * 3. A waiting key is deleted from the database once an account holds it.
 * Order for crash safety: the database keeps a waiting key until the keyring that hands it out is on disk.
 */
export async function settleCategoryKeys(vault: OpenVault): Promise<void> {
  const { keyring, fields, dataSource } = vault;
  const secrets = vault.secrets();
  const waiting = await readWaitingKeys(dataSource);
  try {
    const known = keyring.categoryPublicKeys() ?? {};
    const missing = KEY_PROTECTED_CATEGORIES.filter((c) => !known[c]);
    if (missing.length) {
      const created: CategoryKeys = {};
      await dataSource.transaction(async (tx) => {
        for (const c of missing) {
          // A key written before a crash (keyring not yet saved) is taken up again: data may already be under it.
          const key = waiting[c] ? Buffer.from(waiting[c]) : newKeyPair().privateKey;
          created[c] = key;
          fields.add({ [c]: publicKeyOf(key) }, { [c]: key });
          if (!waiting[c]) await writeSetting(tx, unclaimedCategoryKeySetting(c), key.toString('base64'));
          await encryptPlainFields(tx, fields, c);
        }
      });
      const publicKeys = { ...known };
      for (const c of missing) publicKeys[c] = publicKeyOf(created[c]!);
      keyring.setCategoryPublicKeys(publicKeys, secrets.database);
      keyring.save();
      for (const c of missing) if (!waiting[c]) waiting[c] = Buffer.from(created[c]!);
      zeroCategoryKeys(created);
    }
    // Waiting keys count only if they belong to this keyring's public keys.
    const current = keyring.categoryPublicKeys() ?? {};
    for (const c of KEY_PROTECTED_CATEGORIES) {
      const w = waiting[c];
      if (w && current[c]?.equals(publicKeyOf(w))) fields.add({}, { [c]: w });
    }

    const allowed = new Map<string, KeyProtectedCategory[]>([['recovery', [...KEY_PROTECTED_CATEGORIES]]]);
    for (const a of await dataSource.manager.find(AccountEntity, { where: { active: true } })) {
      allowed.set(
        accountIdFor(keyring.vaultId, a.login),
        KEY_PROTECTED_CATEGORIES.filter((c) => roleHoldsCategoryKey(a.role, c)),
      );
    }
    const held = fields.keysFor();
    try {
      if (keyring.setCategoryGrants(allowed, held, secrets.database)) keyring.save();
    } finally {
      zeroCategoryKeys(held);
    }

    // A vault whose recovery key is still its database key (format 1, until re-keyed) keeps them: the recovery key
    // in IT's safe must still open everything.
    const holders = [...keyring.categoryHolders()].filter(([id]) => id !== 'recovery');
    const claimed = keyring.hasRecoveryKeyPair
      ? KEY_PROTECTED_CATEGORIES.filter((c) => waiting[c] && holders.some(([, cats]) => cats.includes(c)))
      : [];
    if (claimed.length) {
      await dataSource.transaction(async (tx) => {
        for (const c of claimed) await deleteSetting(tx, unclaimedCategoryKeySetting(c));
      });
    }
  } finally {
    zeroSecrets(secrets);
    zeroCategoryKeys(waiting);
  }
}

async function readWaitingKeys(dataSource: DataSource): Promise<CategoryKeys> {
  const keys: CategoryKeys = {};
  for (const c of KEY_PROTECTED_CATEGORIES) {
    const v = await readSetting(dataSource.manager, unclaimedCategoryKeySetting(c));
    if (v) keys[c] = Buffer.from(v, 'base64');
  }
  return keys;
}
