import type { EntityManager } from 'typeorm';

/** Whether a document is the signed form of a recorded consent (such a document cannot be deleted). */
export async function isConsentForm(m: EntityManager, documentId: string): Promise<boolean> {
  const rows = (await m.query('SELECT 1 FROM consent WHERE document_id = ? LIMIT 1', [documentId])) as unknown[];
  return rows.length > 0;
}
