import type { DataSource, EntityManager } from 'typeorm';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { ClientNameKeyEntity } from './client-entities';
import { nameKeys } from './client-search';

/**
 * Version of the name keys that `nameKeys` computes. Raise it whenever a change to name-normalisation.ts,
 * phonetic-codes.ts or nameKeys would compute other keys for a stored name: vaults whose keys an older version wrote
 * are then rebuilt at the next unlock (migrations are frozen SQL and cannot run this code).
 * 1: folded tokens and consonant skeletons (vaults without the setting).
 * 2: sound forms after the skeleton, Daitch–Mokotoff and Kölner Phonetik keys, joined compound names.
 */
export const NAME_KEY_VERSION = 2;

/** Clients read and re-keyed per step; keeps memory flat at 50,000 clients. */
const REBUILD_BATCH = 500;

/** The version of the keys stored in this vault (1 when never recorded: written before versioning). */
export async function storedNameKeyVersion(m: EntityManager): Promise<number> {
  const v = Number(await readSetting(m, SETTING_KEYS.nameKeyVersion));
  return Number.isInteger(v) && v > 0 ? v : 1;
}

/**
 * Recomputes every client's name search keys if they were written by another version of the algorithm, in one
 * transaction (a crash leaves the old keys and the old version, so the next unlock tries again), batch by batch in
 * id order. Derived data only: no change-log entry, nothing to sync. Returns the number of clients re-keyed.
 */
export async function rebuildNameKeysIfOutdated(ds: DataSource, batch = REBUILD_BATCH): Promise<number> {
  if ((await storedNameKeyVersion(ds.manager)) === NAME_KEY_VERSION) return 0;
  return ds.transaction(async (tx) => {
    let rebuilt = 0;
    let after = '';
    for (;;) {
      const clients = (await tx.query(
        'SELECT id, family_name, given_names, alternative_names FROM client WHERE id > ? ORDER BY id LIMIT ?',
        [after, batch],
      )) as { id: string; family_name: string; given_names: string; alternative_names: string }[];
      if (clients.length === 0) break;
      const ids = clients.map((c) => c.id);
      await tx.query(`DELETE FROM client_name_key WHERE client_id IN (${ids.map(() => '?').join(',')})`, ids);
      const rows = clients.flatMap((c) =>
        nameKeys(c.family_name, c.given_names, parseNames(c.alternative_names)).map((key) => ({ clientId: c.id, key })),
      );
      // Chunked: SQLite limits the bound parameters of one statement.
      for (let i = 0; i < rows.length; i += 400) await tx.insert(ClientNameKeyEntity, rows.slice(i, i + 400));
      rebuilt += clients.length;
      after = ids[ids.length - 1]!;
    }
    await writeSetting(tx, SETTING_KEYS.nameKeyVersion, String(NAME_KEY_VERSION));
    return rebuilt;
  });
}

/** The stored JSON list of alternative names; anything else counts as none. */
function parseNames(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}
