import { createHash } from 'node:crypto';
import type { ArchivePackage } from '../../contract/types/retention-types';
import { readEncryptedDocument } from '../documents/document-store';
import { plainFileKey } from '../documents/document-service';
import type { ServiceContext } from '../service-context';
import { placeOf, protectedCategory, SYNC_ENTITIES } from '../sync/sync-registry';
import { rowsOfClients } from '../sync/sync-rows';
import { sealArchive } from './archive-crypto';
import { setArchive } from './deletion-requests';
import { AppError } from '../../contract/errors';

/** What the archive receives, inside the envelope: the file's records by kind, and its documents. */
export interface ArchiveContent {
  format: 'kim-akte-archive-content';
  version: 1;
  exportedAt: string;
  office: string;
  clientId: string;
  /** Every record of the file by kind (the sync registry's names), with its stored columns. */
  records: Record<string, Record<string, unknown>[]>;
  documents: { id: string; fileName: string; mimeType: string; sha256: string; contentBase64: string }[];
  /** Fields and documents under a category key this session does not hold (e.g. health): named, not included. */
  withheld: string[];
}

/**
 * Builds the archive package of a pending request's file (ArchivG NRW: offered before deletion) and records the
 * offer as made. Protected fields and documents are decrypted where the caller's session holds the category key;
 * otherwise they are listed as withheld, so the archive knows what it did not receive.
 */
export async function exportArchive(ctx: ServiceContext, input: { id: string; packagePassphrase: string }): Promise<ArchivePackage> {
  const m = ctx.tx;
  const [request] = (await m.query(`SELECT client_id, office, status FROM deletion_request WHERE id = ?`, [input.id])) as {
    client_id: string;
    office: string;
    status: string;
  }[];
  if (!request || request.office !== ctx.user.office) throw new AppError('record.notFound', { entity: 'deletion-request' });
  if (request.status !== 'pending') throw new AppError('deletion.notPending', { status: request.status });
  const content: ArchiveContent = {
    format: 'kim-akte-archive-content',
    version: 1,
    exportedAt: ctx.now.toISOString(),
    office: request.office,
    clientId: request.client_id,
    records: {},
    documents: [],
    withheld: [],
  };
  for (const spec of SYNC_ENTITIES.filter((e) => !e.network)) {
    const rows = await rowsOfClients(m, spec, [request.client_id]);
    if (!rows.length) continue;
    content.records[spec.entity] = rows.map((row) => {
      const id = String(row['_id']);
      const out: Record<string, unknown> = {};
      for (const [name, f] of Object.entries(spec.fields)) {
        let value = row[f.column];
        const category = protectedCategory(f, row);
        if (category && value !== null && value !== undefined) {
          if (!ctx.fields.holds(category)) {
            content.withheld.push(`${spec.entity}:${id}:${name}`);
            value = null;
          } else value = ctx.fields.decrypt(category, String(value), placeOf(spec.entity, id, name));
        }
        out[name] = value;
      }
      out['id'] = id;
      return out;
    });
  }
  const docs = (await m.query('SELECT id, category, file_name, mime_type, sha256, file_id, file_key FROM document WHERE client_id = ?', [request.client_id])) as {
    id: string;
    category: string;
    file_name: string;
    mime_type: string;
    sha256: string;
    file_id: string;
    file_key: string;
  }[];
  for (const d of docs) {
    const key = plainFileKey(ctx.fields, d, d.file_key);
    const record = content.records['document']?.find((r) => r['id'] === d.id);
    if (!key) {
      content.withheld.push(`document:${d.id}`);
      continue;
    }
    const bytes = readEncryptedDocument(ctx.dataDir, d.file_id, key, d.sha256);
    const fileName = typeof record?.['fileName'] === 'string' ? record['fileName'] : d.file_name;
    content.documents.push({ id: d.id, fileName, mimeType: d.mime_type, sha256: d.sha256, contentBase64: bytes.toString('base64') });
  }
  const sealed = await sealArchive(Buffer.from(JSON.stringify(content), 'utf8'), input.packagePassphrase);
  await setArchive(m, input.id, 'exported');
  ctx.audit.entityIds.push(input.id);
  ctx.audit.fields.push('archive:exported', `client:${request.client_id}`, `documents:${content.documents.length}`, `withheld:${content.withheld.length}`);
  return {
    fileName: `kim-akte-archiv-${ctx.now.toISOString().slice(0, 10)}-${input.id.slice(0, 8)}.kimarch`,
    packageBase64: sealed.toString('base64'),
    sha256: createHash('sha256').update(sealed).digest('hex'),
  };
}
