import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { QUARANTINE_FOLDER } from '../../contract/health-domain';
import { documentsDir } from '../documents/document-store';

/**
 * A file younger than this is never called orphaned: an upload writes its file just before its row commits, and
 * the CLI may check while the app is running on the same vault.
 */
export const ORPHAN_MIN_AGE_MS = 10 * 60 * 1000;

export interface DocumentFileScan {
  /** Names of files in documents/ that no document row names (or half-written temp files), older than the grace time. */
  orphans: string[];
  /** Document rows whose file is not in documents/. */
  missing: number;
}

/** Compares the documents folder with the document rows; names and counts only, never content. */
export async function scanDocumentFiles(m: EntityManager, dataDir: string, now: Date): Promise<DocumentFileScan> {
  const rows = (await m.query('SELECT file_id FROM document')) as { file_id: string }[];
  const known = new Set(rows.map((r) => r.file_id));
  const dir = documentsDir(dataDir);
  const present = new Set<string>();
  const orphans: string[] = [];
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    if (!entry.isFile()) continue;
    present.add(entry.name);
    if (known.has(entry.name)) continue;
    const mtime = statSync(join(dir, entry.name)).mtimeMs;
    if (now.getTime() - mtime >= ORPHAN_MIN_AGE_MS) orphans.push(entry.name);
  }
  let missing = 0;
  for (const id of known) if (!present.has(id)) missing++;
  return { orphans: orphans.sort(), missing };
}

/** Files waiting in the quarantine folder from earlier repairs. */
export function countQuarantined(dataDir: string): number {
  const root = join(dataDir, QUARANTINE_FOLDER);
  if (!existsSync(root)) return 0;
  let count = 0;
  for (const run of readdirSync(root, { withFileTypes: true })) {
    if (run.isDirectory()) count += readdirSync(join(root, run.name)).length;
  }
  return count;
}

/**
 * Moves orphaned files into quarantine/<time>/ inside the data folder (same drive, so a rename): never deleted by the
 * app, IT decides. Each file is checked again just before its move, so a row committed meanwhile keeps its file.
 */
export async function quarantineOrphans(m: EntityManager, dataDir: string, now: Date): Promise<{ moved: number; folder: string | null }> {
  const { orphans } = await scanDocumentFiles(m, dataDir, now);
  if (!orphans.length) return { moved: 0, folder: null };
  const relative = join(QUARANTINE_FOLDER, now.toISOString().replace(/[:.]/g, '-'));
  const target = join(dataDir, relative);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  let moved = 0;
  for (const name of orphans) {
    const still = (await m.query('SELECT 1 FROM document WHERE file_id = ?', [name])) as unknown[];
    if (still.length) continue;
    renameSync(join(documentsDir(dataDir), name), join(target, name));
    moved++;
  }
  return { moved, folder: relative };
}
