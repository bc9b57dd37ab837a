import { stampOf } from '../service-context';
import { isConsentForm } from '../consent/consent-queries';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { documentUploadInput } from '../../contract/schemas/client-schemas';
import type { DocumentContent, DocumentView } from '../../contract/types/client-types';
import { AppError } from '../../contract/errors';
import { KimCaseEntity } from '../cases/case-entities';
import { ClientEntity } from '../clients/client-entities';
import { MAX_DOCUMENT_BYTES, type DocumentCategory } from '../../contract/case-domain';
import { recordChange } from '../../platform/sync/change-recorder';
import { confirmCaller } from '../users/reauthentication';
import { loadKeyring } from '../../platform/vault/vault';
import { DocumentEntity, type StoredDocument } from './document-entity';
import { deleteEncryptedDocument, readEncryptedDocument, writeEncryptedDocument } from './document-store';
import { sniffMimeType } from './file-type';
import type { ServiceContext } from '../service-context';
import { DOCUMENT_DATA_CATEGORY } from '../../contract/data-categories';
import { fieldPlace } from '../../platform/vault/field-cipher';
import type { ProtectedFields } from '../service-context';

/**
 * Medical documents (category health) keep their file key and file name under the health category key
 * (field-cipher.ts): without it the file cannot be decrypted even with the database open. See PROTECTED_COLUMNS.
 */
const isHealth = (d: { category: string }) => DOCUMENT_DATA_CATEGORY[d.category as DocumentCategory] === 'health';

function protectDocument(fields: ProtectedFields, d: StoredDocument): StoredDocument {
  if (!isHealth(d)) return d;
  return {
    ...d,
    fileKey: fields.encrypt('health', d.fileKey, fieldPlace('document', d.id, 'fileKey')),
    fileName: fields.encrypt('health', d.fileName, fieldPlace('document', d.id, 'fileName')),
  };
}

/** A document file key as stored: under the health key for medical documents (a copy received by sync, too). */
export function storedFileKey(fields: ProtectedFields, d: { id: string; category: string }, keyHex: string): string {
  return isHealth(d) ? fields.encrypt('health', keyHex, fieldPlace('document', d.id, 'fileKey')) : keyHex;
}

/** A stored document file key in plain text; null when it is under the health key and this session lacks it. */
export function plainFileKey(fields: ProtectedFields, d: { id: string; category: string }, stored: string): string | null {
  if (!isHealth(d)) return stored;
  return fields.holds('health') ? fields.decrypt('health', stored, fieldPlace('document', d.id, 'fileKey')) : null;
}

/** The row with its protected fields in plain text; without the key they are blank (the caller cannot see them). */
function revealDocument(fields: ProtectedFields, d: StoredDocument): StoredDocument {
  if (!isHealth(d)) return d;
  if (!fields.holds('health')) return { ...d, fileKey: '', fileName: '' };
  return {
    ...d,
    fileKey: fields.decrypt('health', d.fileKey, fieldPlace('document', d.id, 'fileKey')),
    fileName: fields.decrypt('health', d.fileName, fieldPlace('document', d.id, 'fileName')),
  };
}

type UploadInput = z.output<typeof documentUploadInput>;

/**
 * Strict base64 (RFC 4648, standard alphabet, padded). Node's decoder silently skips invalid characters, which
 * would store a different file than the one the user picked.
 */
const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes, or why not. Size is judged from the length first, so an oversized upload is never decoded. */
function decodeBase64Strict(text: string, maxBytes: number): Buffer | 'invalid' | 'tooLarge' {
  if (text.length % 4 !== 0 || !ALPHABET.test(text)) return 'invalid';
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  if (size > maxBytes) return 'tooLarge';
  const bytes = Buffer.from(text, 'base64');
  // Catches non-zero trailing bits ("QR==" decodes like "QQ=="): only the canonical spelling of the bytes passes.
  if (bytes.length !== size || bytes.toString('base64') !== text) return 'invalid';
  return bytes;
}

/** The columns of an upload, for the sync change entry (names only; values stay in the encrypted database). */
const SYNCED_FIELDS = ['clientId', 'caseId', 'fileName', 'mimeType', 'category', 'size', 'sha256', 'fileId', 'fileKey', 'createdAt', 'createdBy'];

export function toDocumentView(d: StoredDocument): DocumentView {
  return {
    id: d.id,
    clientId: d.clientId,
    caseId: d.caseId,
    fileName: d.fileName,
    mimeType: d.mimeType,
    category: d.category as DocumentCategory,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.createdAt,
  };
}

function invalidContent(code: string): AppError {
  return new AppError('validation.invalid', { issues: [{ path: 'contentBase64', code }] });
}

/** Decodes and checks the content before anything touches the disk. */
function acceptContent(input: UploadInput): Buffer {
  const bytes = decodeBase64Strict(input.contentBase64, MAX_DOCUMENT_BYTES);
  if (bytes === 'invalid') throw invalidContent('invalid_format');
  if (bytes === 'tooLarge') throw new AppError('document.tooLarge', { maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024) });
  if (bytes.length === 0) throw invalidContent('too_small');
  if (sniffMimeType(bytes) !== input.mimeType) throw new AppError('document.typeMismatch');
  return bytes;
}

/** The client must exist; a case, when given, must be one of this client's and still open (closed cases are read-only). */
async function requireOwner(tx: EntityManager, clientId: string, caseId: string | undefined): Promise<void> {
  if (!(await tx.existsBy(ClientEntity, { id: clientId }))) throw new AppError('record.notFound', { entity: 'client' });
  if (caseId === undefined) return;
  const kase = await tx.findOneBy(KimCaseEntity, { id: caseId, clientId });
  if (!kase) throw new AppError('record.notFound', { entity: 'case' });
  if (kase.closedOn) throw new AppError('case.closed');
}

async function findDocument(tx: EntityManager, id: string): Promise<StoredDocument> {
  const doc = await tx.findOneBy(DocumentEntity, { id });
  if (!doc) throw new AppError('record.notFound', { entity: 'document' });
  return doc;
}

/**
 * Stores an attachment. The file is written before the row, and removed again if the row cannot be inserted:
 * a row without its file would be an unreadable document, a file without its row is an orphan.
 */
export async function uploadDocument(ctx: ServiceContext, input: UploadInput): Promise<DocumentView> {
  const { tx } = ctx;
  const bytes = acceptContent(input);
  await requireOwner(tx, input.clientId, input.caseId);

  const dataDir = ctx.dataDir;
  const written = writeEncryptedDocument(dataDir, bytes);
  // The file exists before its row; if the call's transaction fails for any reason, the file goes too.
  ctx.onRollback(() => deleteEncryptedDocument(dataDir, written.fileId));
  const doc: StoredDocument = {
    id: randomUUID(),
    clientId: input.clientId,
    caseId: input.caseId ?? null,
    fileName: input.fileName,
    mimeType: input.mimeType,
    category: input.category,
    size: written.size,
    sha256: written.sha256Hex,
    fileId: written.fileId,
    fileKey: written.fileKeyHex,
    createdAt: ctx.now.toISOString(),
    createdBy: ctx.user.id,
  };
  await tx.insert(DocumentEntity, protectDocument(ctx.fields, doc));
  await recordChange(tx, stampOf(ctx), { entity: 'document', entityId: doc.id, fields: SYNCED_FIELDS });
  ctx.audit.entityIds.push(doc.id);
  return toDocumentView(doc);
}

export async function readDocument(ctx: ServiceContext, id: string): Promise<DocumentContent> {
  const { tx } = ctx;
  const doc = revealDocument(ctx.fields, await findDocument(tx, id));
  // Audited before decrypting: an attempt to open a damaged document is still an access to that record.
  ctx.audit.entityIds.push(doc.id);
  const bytes = readEncryptedDocument(ctx.dataDir, doc.fileId, doc.fileKey, doc.sha256);
  return { id: doc.id, clientId: doc.clientId, category: doc.category as DocumentCategory, fileName: doc.fileName, mimeType: doc.mimeType, contentBase64: bytes.toString('base64'), sha256: doc.sha256 };
}

/**
 * Deletes the key row (the secure part) and, once that has committed, the ciphertext file. Asks for the caller's
 * own passphrase first (re-authentication, throttled like an unlock): a wrong one deletes nothing.
 */
export async function deleteDocument(ctx: ServiceContext, { id, passphrase }: { id: string; passphrase: string }): Promise<null> {
  const { tx } = ctx;
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), passphrase);
  const doc = await findDocument(tx, id);
  // The signed form is the proof of a consent; it goes only with the consent record.
  if (await isConsentForm(tx, doc.id)) throw new AppError('document.inUse');
  await tx.delete(DocumentEntity, { id: doc.id });
  await recordChange(tx, stampOf(ctx), { entity: 'document', entityId: doc.id, fields: [], operation: 'delete' });
  ctx.audit.entityIds.push(doc.id);
  ctx.afterCommit(() => deleteEncryptedDocument(ctx.dataDir, doc.fileId));
  return null;
}

export async function listDocuments(m: EntityManager, fields: ProtectedFields, where: { clientId: string } | { caseId: string }): Promise<DocumentView[]> {
  const rows = await m.find(DocumentEntity, { where, order: { createdAt: 'DESC', id: 'ASC' } });
  return rows.map((d) => toDocumentView(revealDocument(fields, d)));
}
