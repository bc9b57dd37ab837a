import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Office } from '../../contract/offices';
import type { DocumentCategory } from '../../contract/case-domain';
import { berlinDate } from '../../contract/dates';
import { documentRule } from '../../contract/response-fields';
import { readShareFile, ShareError, writeNewFile } from '../../platform/files/share-io';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { plainFileKey } from '../documents/document-service';
import { decryptDocumentBytes, encryptDocumentBytes, MAX_ENCRYPTED_DOCUMENT_BYTES, readEncryptedDocument } from '../documents/document-store';
import type { DataCategory } from '../../contract/data-categories';
import { allows, grantedCategories } from './consent-scope';
import type { OwnDevice } from './own-device';
import { COPY_EXT, shareLayout } from './share-layout';
import type { SourceRow } from './sync-registry';
import { handedAway } from './handover-scope';
import type { NetworkContext } from './sync-context';

/**
 * Document contents on the share. A document's row travels in the log files like any row; its content goes as an
 * encrypted copy in the sending device's `files/` folder: one copy per document and addressed office, under a fresh
 * key that only the log files for that office carry, together with the copy's name and the document's digest. A
 * later member of the same office is sent the same copy. The receiver fetches a copy only for a row it was sent (so
 * only what it may see), checks the digest from the signed row, and stores the document under a new key of its own:
 * a copy is useless without a log file addressed to the reader, and a changed or swapped copy is refused.
 * A copy leaves the share when its document is deleted or the office it was for may no longer see it.
 */

/** What a log file tells its readers about a copy: the document, the copy's name, its key (hex). */
export interface CopyRef {
  id: string;
  name: string;
  key: string;
}

const COPY_NAME = /^[0-9a-f]{32}$/;

const copyFile = (dir: string, name: string) => join(dir, `${name}.${COPY_EXT}`);


async function exists(ctx: NetworkContext, path: string): Promise<boolean> {
  try {
    return (await ctx.io.fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The copy of a document (a row as read by sync-rows.ts) for `office`: the one already on the share, or a new one
 * written now. Null when the document's key is held under the health key and this session lacks it (the file waits).
 * A copy written in a transaction that then fails is removed again; if even that fails it is an unreadable orphan.
 */
export async function copyFor(ctx: NetworkContext, own: OwnDevice, row: SourceRow, office: Office): Promise<CopyRef | null> {
  const id = String(row['id']);
  const dir = shareLayout(own.share).copiesDir(own.deviceId);
  const [known] = (await ctx.tx.query('SELECT name, key FROM sync_blob WHERE document_id = ? AND office = ?', [id, office])) as { name: string; key: string }[];
  if (known && (await exists(ctx, copyFile(dir, known.name)))) return { id, name: known.name, key: known.key };
  const fileKey = plainFileKey(ctx.fields, { id, category: String(row['category']) }, String(row['file_key']));
  if (fileKey === null) return null;
  const plain = readEncryptedDocument(ctx.dataDir, String(row['file_id']), fileKey, String(row['sha256']));
  const { file, keyHex } = encryptDocumentBytes(plain);
  plain.fill(0);
  const name = randomBytes(16).toString('hex');
  await writeNewFile(ctx.io.fs, dir, `${name}.${COPY_EXT}`, file, { sleep: ctx.io.sleep });
  const fs = ctx.io.fs;
  ctx.onRollback(() => void fs.unlink(copyFile(dir, name)).catch(() => undefined));
  await ctx.tx.query('INSERT OR REPLACE INTO sync_blob (document_id, office, name, key, created_at) VALUES (?, ?, ?, ?, ?)', [
    id,
    office,
    name,
    keyHex,
    ctx.now.toISOString(),
  ]);
  return { id, name, key: keyHex };
}

/**
 * The plaintext of a received document from the sender's copy: 'missing' while the copy is not on the share (it is
 * written before the log file that names it, so only a damaged share loses one), 'invalid' when it is not the
 * document the signed row describes.
 */
export async function fetchCopy(ctx: NetworkContext, own: OwnDevice, sender: string, ref: CopyRef, sha256: string): Promise<Buffer | 'missing' | 'invalid'> {
  if (!COPY_NAME.test(ref.name)) return 'invalid';
  let bytes: Buffer | null;
  try {
    bytes = await readShareFile(ctx.io.fs, copyFile(shareLayout(own.share).copiesDir(sender), ref.name), MAX_ENCRYPTED_DOCUMENT_BYTES, { sleep: ctx.io.sleep });
  } catch (error) {
    if (error instanceof ShareError && error.reason === 'tooLarge') return 'invalid';
    throw error;
  }
  if (!bytes) return 'missing';
  try {
    return decryptDocumentBytes(bytes, ref.key, sha256);
  } catch {
    return 'invalid';
  }
}

/**
 * Whether copies may have gone stale since the last check: a document was deleted or a consent changed in the
 * change log since then, or a day has passed (a consent ends by its date). An idle round costs one range probe.
 */
async function copiesMayBeStale(ctx: NetworkContext): Promise<{ stale: boolean; upto: number; today: string }> {
  const today = berlinDate(ctx.now);
  const [{ upto }] = (await ctx.tx.query('SELECT COALESCE(MAX(id), 0) AS upto FROM change_entry')) as [{ upto: number }];
  const last = JSON.parse((await readSetting(ctx.tx, SETTING_KEYS.syncCopiesChecked)) ?? '{"upto":-1,"on":""}') as { upto: number; on: string };
  if (last.on !== today || last.upto < 0) return { stale: true, upto, today };
  const [changed] = (await ctx.tx.query(
    `SELECT 1 FROM change_entry WHERE id > ? AND ((entity = 'document' AND operation = 'delete') OR entity = 'consent') LIMIT 1`,
    [last.upto],
  )) as unknown[];
  return { stale: changed !== undefined, upto, today };
}

/**
 * Removes this device's copies that nobody may fetch any more: of documents deleted here, and for another office
 * whose consents no longer grant the document's category. Looks only when copies may have gone stale. Returns how
 * many were removed.
 */
export async function removeStaleCopies(ctx: NetworkContext, own: OwnDevice): Promise<number> {
  const check = await copiesMayBeStale(ctx);
  if (!check.stale) return 0;
  const removed = await removeCopies(ctx, own);
  // A copy that could not be removed now (locked) is tried again with the next change or the next day.
  await writeSetting(ctx.tx, SETTING_KEYS.syncCopiesChecked, JSON.stringify({ upto: check.upto, on: check.today }));
  return removed;
}

async function removeCopies(ctx: NetworkContext, own: OwnDevice): Promise<number> {
  const copies = (await ctx.tx.query(
    `SELECT b.document_id, b.office, b.name, b.kept_until, d.client_id, d.category FROM sync_blob b LEFT JOIN document d ON d.id = b.document_id`,
  )) as { document_id: string; office: Office; name: string; kept_until: string | null; client_id: string | null; category: DocumentCategory | null }[];
  const today = berlinDate(ctx.now);
  if (!copies.length) return 0;
  // Copies for the office a file was handed to are its to fetch, whatever consents say (handover-scope.ts).
  const handed = await handedAway(ctx.tx, [...new Set(copies.map((c) => c.client_id).filter((c): c is string => c !== null))], own.office);
  const grants = new Map<Office, Map<string, Set<DataCategory>>>();
  const stale: typeof copies = [];
  for (const c of copies) {
    if (c.kept_until !== null && c.kept_until >= today) continue;
    if (c.client_id !== null && handed.get(c.client_id) === c.office) continue;
    if (c.client_id === null || c.category === null) {
      stale.push(c);
      continue;
    }
    if (c.office === own.office) continue;
    let granted = grants.get(c.office);
    if (!granted) {
      const clients = [...new Set(copies.filter((x) => x.office === c.office && x.client_id).map((x) => x.client_id!))];
      grants.set(c.office, (granted = await grantedCategories(ctx.tx, clients, c.office, today)));
    }
    const categories = granted.get(c.client_id);
    if (!categories || !allows({ owner: false, categories }, documentRule(c.category))) stale.push(c);
  }
  const dir = shareLayout(own.share).copiesDir(own.deviceId);
  let removed = 0;
  for (const c of stale) {
    try {
      await ctx.io.fs.unlink(copyFile(dir, c.name));
    } catch (error) {
      // A copy locked by a virus scanner or a share that dropped out: tried again next round.
      if ((error as { code?: string }).code !== 'ENOENT') continue;
    }
    await ctx.tx.query('DELETE FROM sync_blob WHERE document_id = ? AND office = ?', [c.document_id, c.office]);
    removed++;
  }
  return removed;
}
