import { EntitySchema } from 'typeorm';

/**
 * An attachment's metadata. The bytes live encrypted in `documents/<fileId>` beside the database, under a per-file
 * key stored only here (inside SQLCipher): deleting the row and the file is secure deletion.
 */
export interface StoredDocument {
  id: string;
  clientId: string;
  caseId: string | null;
  fileName: string;
  mimeType: string;
  category: string;
  size: number;
  sha256: string;
  fileId: string;
  fileKey: string;
  createdAt: string;
  createdBy: string;
}

export const DocumentEntity = new EntitySchema<StoredDocument>({
  name: 'StoredDocument',
  tableName: 'document',
  columns: {
    id: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
    caseId: { type: 'text', name: 'case_id', nullable: true },
    fileName: { type: 'text', name: 'file_name' },
    mimeType: { type: 'text', name: 'mime_type' },
    category: { type: 'text' },
    size: { type: 'integer' },
    sha256: { type: 'text' },
    fileId: { type: 'text', name: 'file_id' },
    fileKey: { type: 'text', name: 'file_key' },
    createdAt: { type: 'text', name: 'created_at' },
    createdBy: { type: 'text', name: 'created_by' },
  },
});
