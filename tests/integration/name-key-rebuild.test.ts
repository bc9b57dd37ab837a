import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { VAULT_ENTITIES } from '../../electron/core/api/session/entity-list';
import { nameKeys } from '../../electron/core/domain/clients/client-search';
import { NAME_KEY_VERSION, rebuildNameKeysIfOutdated } from '../../electron/core/domain/clients/name-key-rebuild';
import { SETTING_KEYS } from '../../electron/core/platform/settings/settings-store';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { loadKeyring, openVaultWithSecrets } from '../../electron/core/platform/vault/vault';
import { parseRecoveryKey } from '../../electron/core/platform/vault/recovery-key';
import { CASE_MANAGER, caseWorkerVault, clientInput } from '../helpers/case-worker';
import { nameKeysV1 } from '../helpers/name-keys-v1';
import { call, tempDir } from '../helpers/temp-vault';

const PEOPLE: [family: string, given: string, alternatives: string[]][] = [
  ['Hoxha', 'Xhevdet', []],
  ['Al-Hassan', 'Fatimah', ['Alhasan']],
  ['Tsybulskyi', 'Oleksandr', []],
  ['Kahsay', 'Yonas Tesfay', []],
  ['Müller', 'Yusuf', []],
];

/** name key rows of the vault file, as `client id → sorted keys`. */
function storedKeys(dbPath: string, key: Buffer): Map<string, string[]> {
  const db = openRawEncrypted(dbPath, key);
  try {
    const rows = db.prepare('SELECT client_id, key FROM client_name_key ORDER BY client_id, key').all() as { client_id: string; key: string }[];
    const byClient = new Map<string, string[]>();
    for (const r of rows) byClient.set(r.client_id, [...(byClient.get(r.client_id) ?? []), r.key]);
    return byClient;
  } finally {
    db.close();
  }
}

/** Rewrites the vault file as an app before name key version 2 left it: version 1 keys, no version setting. */
function downgradeToVersion1(dbPath: string, key: Buffer): void {
  const db = openRawEncrypted(dbPath, key);
  try {
    db.transaction(() => {
      const clients = db.prepare('SELECT id, family_name, given_names, alternative_names FROM client').all() as {
        id: string;
        family_name: string;
        given_names: string;
        alternative_names: string;
      }[];
      db.prepare('DELETE FROM client_name_key').run();
      const insert = db.prepare('INSERT INTO client_name_key (client_id, key) VALUES (?, ?)');
      for (const c of clients) {
        for (const k of nameKeysV1(c.family_name, c.given_names, JSON.parse(c.alternative_names) as string[])) insert.run(c.id, k);
      }
      db.prepare('DELETE FROM setting WHERE key = ?').run(SETTING_KEYS.nameKeyVersion);
    })();
  } finally {
    db.close();
  }
}

function versionSetting(dbPath: string, key: Buffer): string | null {
  const db = openRawEncrypted(dbPath, key);
  try {
    return (db.prepare('SELECT value FROM setting WHERE key = ?').get(SETTING_KEYS.nameKeyVersion) as { value: string } | undefined)?.value ?? null;
  } finally {
    db.close();
  }
}

const sorted = (keys: string[]) => [...new Set(keys)].sort();

describe('name keys written by an older version are rebuilt at unlock', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: CoreDispatcher;
  let key: Buffer;
  let recoveryKey: string;
  let dbPath: string;
  const ids = new Map<string, string>();

  beforeEach(async () => {
    tmp = tempDir();
    const made = await caseWorkerVault(tmp.dir);
    core = made.core;
    recoveryKey = made.recoveryKey;
    key = databaseKeyForRecoveryKey({ dataDir: tmp.dir }, made.recoveryKey);
    dbPath = join(tmp.dir, 'vault.db');
    ids.clear();
    for (const [family, given, alternativeNames] of PEOPLE) {
      ids.set(family, (await call(core, 'clients.create', clientInput(family, given, { alternativeNames }))).id);
    }
    await call(core, 'session.lock');
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('a new vault records the current version, and its keys are the current ones', () => {
    expect(versionSetting(dbPath, key)).toBe(String(NAME_KEY_VERSION));
    const stored = storedKeys(dbPath, key);
    for (const [family, given, alternatives] of PEOPLE) expect(stored.get(ids.get(family)!)).toEqual(sorted(nameKeys(family, given, alternatives)));
  });

  it('replaces every client’s version 1 keys by the current ones and records the version, so variant search finds them', async () => {
    downgradeToVersion1(dbPath, key);
    const before = storedKeys(dbPath, key);
    expect(before.get(ids.get('Hoxha')!)).toEqual(sorted(nameKeysV1('Hoxha', 'Xhevdet', [])));
    expect(before.get(ids.get('Hoxha')!)).not.toEqual(sorted(nameKeys('Hoxha', 'Xhevdet', [])));

    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    // Version 1 keys had no rule for Albanian xh or German dsch: only the rebuilt keys find this spelling.
    const hits = await call(core, 'clients.search', { query: 'Dschevdet Hodscha' });
    expect(hits[0]?.id).toBe(ids.get('Hoxha'));
    await call(core, 'session.lock');

    expect(versionSetting(dbPath, key)).toBe(String(NAME_KEY_VERSION));
    const after = storedKeys(dbPath, key);
    expect(after.size).toBe(PEOPLE.length);
    for (const [family, given, alternatives] of PEOPLE) expect(after.get(ids.get(family)!)).toEqual(sorted(nameKeys(family, given, alternatives)));
  });

  it('rebuilds batch by batch across batch boundaries, and does nothing once the version is current', async () => {
    downgradeToVersion1(dbPath, key);
    // Opened below the API floor, which would rebuild the keys on the way in.
    const keyring = loadKeyring(tmp.dir);
    const unlocked = keyring.openWithRecoveryKey(parseRecoveryKey(recoveryKey))!;
    const vault = await openVaultWithSecrets({ dataDir: tmp.dir }, keyring, unlocked.current, VAULT_ENTITIES);
    try {
      expect(await rebuildNameKeysIfOutdated(vault.dataSource, 2)).toBe(PEOPLE.length);
      expect(await rebuildNameKeysIfOutdated(vault.dataSource, 2)).toBe(0);
    } finally {
      vault.forgetKey();
      await vault.dataSource.destroy();
    }
    const after = storedKeys(dbPath, key);
    for (const [family, given, alternatives] of PEOPLE) expect(after.get(ids.get(family)!)).toEqual(sorted(nameKeys(family, given, alternatives)));
  });

  it('rebuilds keys that a newer version wrote, too: a key version other than this code’s is never searched', async () => {
    const db = openRawEncrypted(dbPath, key);
    db.prepare('UPDATE setting SET value = ? WHERE key = ?').run(String(NAME_KEY_VERSION + 1), SETTING_KEYS.nameKeyVersion);
    db.prepare('DELETE FROM client_name_key WHERE key LIKE ?').run('d:%');
    db.close();
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    await call(core, 'session.lock');
    expect(versionSetting(dbPath, key)).toBe(String(NAME_KEY_VERSION));
    const after = storedKeys(dbPath, key);
    for (const [family, given, alternatives] of PEOPLE) expect(after.get(ids.get(family)!)).toEqual(sorted(nameKeys(family, given, alternatives)));
  });
});
