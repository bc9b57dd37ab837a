import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AppError } from '../../contract/errors';
import { appendAudit } from '../../platform/audit/audit-log';
import { AUDIT_HEAD_FILE, forgetAuditHead, readAuditHeadId, syncAuditHead } from '../../platform/audit/audit-head';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { BackupFormatError, readBackupEntries, readBackupHeader, type BackupHeader } from '../../platform/vault/backup-format';
import { Keyring, KEYRING_FILE, type UnlockedSecrets } from '../../platform/vault/keyring';
import { parseRecoveryKey } from '../../platform/vault/recovery-key';
import { openRawEncrypted } from '../../platform/vault/sqlcipher';
import { DATABASE_FILE, openVaultWithSecrets, vaultState } from '../../platform/vault/vault';
import { verifyVaultCopy } from '../../platform/vault/vault-copy';
import { zeroSecrets, type VaultSecrets } from '../../platform/vault/vault-secrets';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';
import { VAULT_ENTITIES } from './entity-list';

export type RestoreCredential = { kind: 'account'; login: string; passphrase: string } | { kind: 'recovery'; recoveryKey: string };

export interface RestoreRequest {
  from: string;
  dataDir: string;
  force: boolean;
  credential: RestoreCredential;
  now: Date;
  nativeBinding?: string;
}

export interface RestoreOutcome {
  backupCreatedAt: string;
  schemaVersion: number;
  auditEntries: number;
  /** What stood in the data directory: nothing, a vault not newer than the backup, or one replaced with --force. */
  replaced: 'none' | 'not-newer' | 'forced';
  /** Where the replaced vault was kept (only after --force: it may hold work the backup lacks). */
  keptAside: string | null;
  /** The sync identity the restored vault had; it takes a new one at its next round. Null outside a network. */
  previousDevice: string | null;
}

/** The files of a vault in its data directory; anything else there (pre-migration copies, say) moves over as is. */
const VAULT_ENTRIES = new Set([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYRING_FILE, AUDIT_HEAD_FILE, 'documents']);

function formatError(error: unknown): never {
  if (error instanceof BackupFormatError) throw new AppError(`backup.${error.reason}`);
  if (error instanceof AppError) throw error;
  throw new AppError('backup.notBackup');
}

function unlockBackup(keyring: Keyring, credential: RestoreCredential): Promise<UnlockedSecrets | null> {
  if (credential.kind === 'account') return keyring.unlockAccount(credential.login, credential.passphrase);
  const key = parseRecoveryKey(credential.recoveryKey);
  try {
    return Promise.resolve(keyring.openWithRecoveryKey(key));
  } finally {
    key.fill(0);
  }
}

/** Decrypts every entry into `dir`, refusing names outside it (the reader already allows only the vault's names). */
function extractInto(from: string, databaseKey: Buffer, dir: string): Set<string> {
  const names = new Set<string>();
  let fd: number | null = null;
  readBackupEntries(from, databaseKey, {
    begin: (name) => {
      const path = resolve(dir, name);
      if (relative(dir, path).startsWith('..') || names.has(name)) throw new BackupFormatError('altered');
      names.add(name);
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      fd = openSync(path, 'wx', 0o600);
    },
    data: (piece) => {
      let off = 0;
      while (off < piece.length) off += writeSync(fd!, piece, off, piece.length - off);
    },
    end: () => {
      closeSync(fd!);
      fd = null;
    },
  });
  return names;
}

/**
 * Is the vault in the data directory newer than the backup? "Newer" is measured by the audit trail, which grows
 * with every call that reads or writes: the target's audit head (the MAC'd file beside its database, readable with
 * the audit key the backup yields, as it is the same vault) names a later entry than the backup holds. A different
 * vault, or one whose head cannot be read, cannot be compared: refused too. --force replaces it anyway.
 */
function compareWithTarget(dataDir: string, header: BackupHeader, auditKey: Buffer, force: boolean): RestoreOutcome['replaced'] {
  if (!existsSync(dataDir) || vaultState(dataDir) === 'uninitialised') return 'none';
  let problem: AppError | null = null;
  let targetId: string | null = null;
  try {
    targetId = Keyring.load(join(dataDir, KEYRING_FILE)).vaultId;
  } catch {
    targetId = null;
  }
  if (targetId !== null && targetId !== header.vaultId) problem = new AppError('backup.otherVault');
  else {
    const head = readAuditHeadId(dataDir, auditKey);
    const backupHead = header.auditHead?.id ?? 0;
    if (head === null) problem = new AppError('backup.targetUnknown');
    else if (head > backupHead) problem = new AppError('backup.targetNewer', { target: head, backup: backupHead });
  }
  if (!problem) return 'not-newer';
  if (!force) throw problem;
  return 'forced';
}

/**
 * Restores a backup into `dataDir`. Everything is checked before anything is replaced: the file's format and every
 * chunk (backup-format.ts), the keyring MAC, the database copy (SQLCipher and SQLite integrity, audit chain to its
 * head), the schema (a backup from a newer app is refused), the caller (an active IT administrator of the backed-up
 * vault, or the recovery key) and the age of the vault it would replace. The restored vault is assembled beside the
 * data directory, marked as restored (sync takes a new device identity at its next round, so no sequence number
 * is written twice) with an audit entry, checked again, and swapped in by renaming folders: the old vault goes
 * aside first and comes back if the swap fails. It is removed once the restored vault opened, unless --force
 * replaced a vault that may hold newer work: then it is kept and named.
 */
export async function restoreVault(req: RestoreRequest): Promise<RestoreOutcome> {
  const dataDir = resolve(req.dataDir);
  let header: BackupHeader;
  try {
    header = readBackupHeader(req.from).header;
  } catch (error) {
    formatError(error);
  }
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(dataDir)}.restoring-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { mode: 0o700 });
  let secrets: VaultSecrets | null = null;
  try {
    let keyring: Keyring;
    const headerKeyring = Buffer.from(header.keyring, 'utf8');
    try {
      const probe = join(staging, `.${KEYRING_FILE}.header`);
      const fd = openSync(probe, 'wx', 0o600);
      writeSync(fd, headerKeyring);
      closeSync(fd);
      keyring = Keyring.load(probe);
      rmSync(probe);
    } catch {
      throw new AppError('backup.altered');
    }
    const unlocked = await unlockBackup(keyring, req.credential);
    if (!unlocked) throw new AppError(req.credential.kind === 'account' ? 'unlock.failed' : 'recoveryKey.invalid');
    zeroSecrets(unlocked.next);
    zeroCategoryKeys(unlocked.categories);
    secrets = unlocked.current;
    try {
      keyring.verifyMac(secrets.database);
    } catch {
      throw new AppError('backup.altered');
    }
    let names: Set<string>;
    try {
      names = extractInto(req.from, secrets.database, staging);
    } catch (error) {
      formatError(error);
    }
    if (!names.has(DATABASE_FILE) || !names.has(KEYRING_FILE) || !readFileSync(join(staging, KEYRING_FILE)).equals(headerKeyring)) {
      throw new AppError('backup.altered');
    }
    const verified = await verifyVaultCopy(staging, secrets.database, secrets.audit, req.nativeBinding);
    const actor = checkCaller(staging, keyring, req, secrets);
    const replaced = compareWithTarget(dataDir, header, secrets.audit, req.force);
    const previousDevice = await markRestored(staging, keyring, secrets, header, actor, req);
    await verifyVaultCopy(staging, secrets.database, secrets.audit, req.nativeBinding);
    const keptAside = swapIn(staging, dataDir, replaced, req, () => {
      const db = openRawEncrypted(join(dataDir, DATABASE_FILE), secrets!.database, req.nativeBinding);
      try {
        if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('restored vault failed quick_check');
      } finally {
        db.close();
      }
    });
    return {
      backupCreatedAt: header.createdAt,
      schemaVersion: verified.schemaVersion,
      auditEntries: verified.auditEntries,
      replaced,
      keptAside,
      previousDevice,
    };
  } finally {
    zeroSecrets(secrets ?? undefined);
    rmSync(staging, { recursive: true, force: true });
  }
}

type Actor = { id: string; role: string; office: string } | null;

/** An account restores only if the backed-up vault knows it as an active IT administrator; the recovery key is IT's. */
function checkCaller(staging: string, keyring: Keyring, req: RestoreRequest, secrets: VaultSecrets): Actor {
  if (req.credential.kind === 'recovery') return null;
  const db = openRawEncrypted(join(staging, DATABASE_FILE), secrets.database, req.nativeBinding);
  try {
    const row = db.prepare('SELECT id, role, office, active FROM account WHERE login = ?').get(req.credential.login) as
      | { id: string; role: string; office: string; active: number }
      | undefined;
    if (!row || row.role !== 'it-admin' || !row.active) throw new AppError('backup.notAdmin');
    return { id: row.id, role: row.role, office: row.office };
  } finally {
    db.close();
  }
}

/**
 * Opens the assembled vault as the app would (migrations of an older backup run here, on the copy), records the
 * restore in its audit trail and, in a network, marks it so that sync takes a new device identity.
 */
async function markRestored(staging: string, keyring: Keyring, secrets: VaultSecrets, header: BackupHeader, actor: Actor, req: RestoreRequest): Promise<string | null> {
  let vault;
  try {
    vault = await openVaultWithSecrets({ dataDir: staging, nativeBinding: req.nativeBinding }, keyring, { database: Buffer.from(secrets.database), audit: Buffer.from(secrets.audit) }, VAULT_ENTITIES);
  } catch (error) {
    // A backup from a newer app: refused like the vault itself would be (nothing was replaced yet).
    if (error instanceof AppError && error.code === 'vault.schemaTooNew') throw new AppError('backup.schemaTooNew', error.params);
    throw error;
  }
  try {
    const previousDevice = await vault.dataSource.transaction(async (tx) => {
      const inNetwork = (await readSetting(tx, SETTING_KEYS.networkId)) !== null;
      const device = inNetwork ? await readSetting(tx, SETTING_KEYS.deviceId) : null;
      if (inNetwork) await writeSetting(tx, SETTING_KEYS.syncRestored, JSON.stringify({ at: req.now.toISOString(), backupCreatedAt: header.createdAt }));
      await appendAudit(tx, {
        at: req.now,
        actor,
        action: 'vault.restore',
        entity: 'vault',
        entityId: null,
        fields: [`backup:${header.createdAt}`, req.force ? 'forced' : 'checked'],
      });
      return device;
    });
    await syncAuditHead(vault.dataSource);
    return previousDevice;
  } finally {
    forgetAuditHead(vault.dataSource);
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}

/**
 * Puts the restored folder in place of the data directory. Two renames in one parent folder; if the second fails
 * the first is undone, so the data directory is always either the old vault or the restored one. On Windows a
 * running app holds its files open and the first rename fails: nothing changes.
 */
function swapIn(staging: string, dataDir: string, replaced: RestoreOutcome['replaced'], req: RestoreRequest, check: () => void): string | null {
  const aside = `${dataDir}.replaced-${req.now.toISOString().replace(/[:.]/g, '-')}`;
  const hadTarget = existsSync(dataDir);
  try {
    if (hadTarget) renameSync(dataDir, aside);
  } catch (error) {
    throw new AppError('backup.replaceFailed', { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  try {
    renameSync(staging, dataDir);
  } catch (error) {
    if (hadTarget) renameSync(aside, dataDir);
    throw new AppError('backup.replaceFailed', { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  try {
    check();
  } catch (error) {
    // The restored vault does not open where it now lies: the old one goes back, the restored one is dropped.
    rmSync(dataDir, { recursive: true, force: true });
    if (hadTarget) renameSync(aside, dataDir);
    throw new AppError('backup.replaceFailed', { reason: (error as Error).message.slice(0, 60) });
  }
  if (!hadTarget) return null;
  // What else IT kept in the data directory (pre-migration copies, say) stays with the vault.
  for (const entry of readdirSync(aside)) {
    if (!VAULT_ENTRIES.has(entry) && !existsSync(join(dataDir, entry))) renameSync(join(aside, entry), join(dataDir, entry));
  }
  if (replaced === 'forced') return aside;
  rmSync(aside, { recursive: true, force: true });
  return null;
}

