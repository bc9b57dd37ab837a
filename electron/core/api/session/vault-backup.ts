import { createHash, randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../contract/errors';
import type { BackupRecord } from '../../contract/types/backup-types';
import { documentsDir, FILE_ID } from '../../domain/documents/document-store';
import { appendAudit } from '../../platform/audit/audit-log';
import { auditHeadFileFor, AUDIT_HEAD_FILE, forgetAuditHead, syncAuditHead } from '../../platform/audit/audit-head';
import { replaceFileAtomic } from '../../platform/files/atomic-file';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { findActiveAccount, toSessionUser } from '../../domain/users/account-service';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';
import { VAULT_ENTITIES } from './entity-list';
import { BackupWriter, readBackupEntries } from '../../platform/vault/backup-format';
import { KEYRING_FILE } from '../../platform/vault/keyring';
import { openRawEncrypted } from '../../platform/vault/sqlcipher';
import { DATABASE_FILE, loadKeyring, openVaultWithSecrets, vaultPaths, type VaultLocation } from '../../platform/vault/vault';
import { snapshotDatabase, verifyVaultCopy } from '../../platform/vault/vault-copy';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import type { UnlockedSession } from '../call-context';

const PIECE_BYTES = 1024 * 1024;

/** Streams a file in pieces; `size` is what it held when the entry was announced. */
function readInPieces(path: string, emit: (piece: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(PIECE_BYTES);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      emit(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

export interface BackupSource {
  location: VaultLocation;
  session: UnlockedSession;
  appVersion: string;
  now: Date;
}

/**
 * Writes a backup of the unlocked vault to `to` (a new file; never overwrites): a consistent copy of the database
 * taken while the app may go on writing (vault-copy.ts), a head file made from that copy's newest audit entry, the
 * keyring and every document file, in one encrypted file (backup-format.ts). Before the file gets its name it is
 * read back whole (every chunk authenticated, every entry's digest compared with what was written), and the copy of
 * the database it holds was opened, checked (SQLCipher and SQLite integrity) and its audit chain verified.
 * Nothing of the vault is changed here; the caller records the backup (recordBackup).
 */
export async function writeVaultBackup(src: BackupSource, to: string): Promise<BackupRecord> {
  if (!isAbsolute(to)) throw new AppError('backup.folderUnavailable', { reason: 'not an absolute path' });
  if (existsSync(to)) throw new AppError('backup.targetExists');
  const folder = dirname(to);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new AppError('backup.folderUnavailable', { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  const secrets = src.session.vault.secrets();
  const paths = vaultPaths(src.location.dataDir);
  const staging = mkdtempSync(join(folder, '.kim-akte-backup-'));
  const partial = join(folder, `.${basename(to)}.${randomBytes(6).toString('hex')}.partial`);
  let writer: BackupWriter | null = null;
  try {
    const copyPath = join(staging, DATABASE_FILE);
    snapshotDatabase(paths.database, secrets.database, copyPath, src.location.nativeBinding);
    const raw = openRawEncrypted(copyPath, secrets.database, src.location.nativeBinding);
    let last: { id: number; hash: string } | undefined;
    try {
      last = raw.prepare('SELECT id, hash FROM audit_entry WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as typeof last;
    } finally {
      raw.close();
    }
    if (last) writeFileSync(join(staging, AUDIT_HEAD_FILE), auditHeadFileFor(secrets.audit, last.id, last.hash), { mode: 0o600 });
    const verified = await verifyVaultCopy(staging, secrets.database, secrets.audit, src.location.nativeBinding);

    const keyring = readFileSync(paths.keyring);
    writer = new BackupWriter(
      partial,
      {
        createdAt: src.now.toISOString(),
        appVersion: src.appVersion,
        schemaVersion: verified.schemaVersion,
        vaultId: src.session.vault.keyring.vaultId,
        office: src.session.vault.keyring.office,
        auditHead: verified.auditHead,
        keyring: keyring.toString('utf8'),
      },
      secrets.database,
    );
    const written = new Map<string, string>();
    const add = (name: string, path: string) => {
      const hash = createHash('sha256');
      writer!.addEntry(name, statSync(path).size, (emit) =>
        readInPieces(path, (piece) => {
          hash.update(piece);
          emit(piece);
        }),
      );
      written.set(name, hash.digest('hex'));
    };
    add(DATABASE_FILE, copyPath);
    add(KEYRING_FILE, paths.keyring);
    if (last) add(AUDIT_HEAD_FILE, join(staging, AUDIT_HEAD_FILE));
    // Documents after the database copy: a document's file is written before its row, and never changed, so every
    // row in the copy finds its file here.
    const docs = documentsDir(src.location.dataDir);
    const files = existsSync(docs) ? readdirSync(docs).filter((f) => FILE_ID.test(f)).sort() : [];
    for (const f of files) {
      // An erasure may remove a file between listing and reading; its row is gone from later copies too.
      if (existsSync(join(docs, f))) add(`documents/${f}`, join(docs, f));
    }
    writer.finish();
    writer = null;
    readBack(partial, secrets.database, written);
    replaceFileAtomic(partial, to);
    return { at: src.now.toISOString(), file: basename(to), bytes: statSync(to).size };
  } catch (error) {
    writer?.abort();
    rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('backup.writeFailed', { reason: (error as NodeJS.ErrnoException)?.code ?? 'unknown' });
  } finally {
    zeroSecrets(secrets);
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Reads the finished file back through the reader restore uses; any difference fails the backup. */
function readBack(path: string, databaseKey: Buffer, written: Map<string, string>): void {
  const seen = new Map<string, string>();
  let current: { name: string; hash: ReturnType<typeof createHash> } | null = null;
  readBackupEntries(path, databaseKey, {
    begin: (name) => {
      current = { name, hash: createHash('sha256') };
    },
    data: (piece) => current!.hash.update(piece),
    end: () => {
      seen.set(current!.name, current!.hash.digest('hex'));
      current = null;
    },
  });
  const same = seen.size === written.size && [...written].every(([name, digest]) => seen.get(name) === digest);
  if (!same) throw new AppError('backup.writeFailed', { reason: 'read-back mismatch' });
}

/**
 * Records a completed backup in the vault (settings key backup.last, read by backup.status and the health check)
 * with an audit entry, in one transaction. `kind` says who started it: the CLI (manual) or the app's schedule.
 */
export async function recordBackup(session: UnlockedSession, record: BackupRecord, kind: 'manual' | 'scheduled', now: Date): Promise<void> {
  const { user } = session;
  const write = () =>
    session.vault.dataSource.transaction(async (tx) => {
      await writeSetting(tx, SETTING_KEYS.lastBackup, JSON.stringify(record));
      await appendAudit(tx, { at: now, actor: { id: user.id, role: user.role, office: user.office }, action: 'vault.backup', entity: 'vault', entityId: null, fields: [kind] });
    });
  // The CLI backs up while the app writes: a transaction that read before the app's commit gets SQLITE_BUSY_SNAPSHOT
  // at once (WAL gives no wait there). The file is written and verified already; recording it is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      const busy = String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_BUSY');
      if (!busy || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 25 * attempt));
    }
  }
}

/**
 * The CLI's backup while the app may be running on the same vault: unlocks with the keyring (no session call, so
 * no write competes with the app's before the copy is taken), requires an active IT administrator, writes and
 * verifies the backup, then records it with its audit entry (retried: see recordBackup).
 */
export async function backupAsAdministrator(
  location: VaultLocation,
  credential: { login: string; passphrase: string },
  to: string,
  appVersion: string,
  now: Date,
): Promise<BackupRecord> {
  const keyring = loadKeyring(location.dataDir);
  const unlocked = await keyring.unlockAccount(credential.login, credential.passphrase);
  if (!unlocked) throw new AppError('unlock.failed');
  zeroSecrets(unlocked.next);
  zeroCategoryKeys(unlocked.categories);
  // Opening runs no migration here unless the app is older than this CLI; reads only otherwise.
  const vault = await openVaultWithSecrets(location, keyring, unlocked.current, VAULT_ENTITIES);
  zeroSecrets(unlocked.current);
  try {
    const account = await findActiveAccount(vault.dataSource.manager, credential.login);
    if (!account || account.role !== 'it-admin') throw new AppError('permission.denied', { reason: 'role' });
    const session: UnlockedSession = { vault, user: toSessionUser(account), deviceId: (await readSetting(vault.dataSource.manager, SETTING_KEYS.deviceId)) ?? 'unknown-device' };
    const record = await writeVaultBackup({ location, session, appVersion, now }, to);
    await recordBackup(session, record, 'manual', new Date());
    await syncAuditHead(vault.dataSource);
    return record;
  } finally {
    forgetAuditHead(vault.dataSource);
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}
