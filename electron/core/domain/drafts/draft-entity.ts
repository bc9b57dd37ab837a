import { EntitySchema } from 'typeorm';

/** Unsaved form input kept across an auto-lock; inside the encrypted database, per account and form. */
export interface Draft {
  id: string;
  accountId: string;
  formId: string;
  /** JSON object of field values. */
  data: string;
  savedAt: string;
}

export const DraftEntity = new EntitySchema<Draft>({
  name: 'Draft',
  tableName: 'draft',
  columns: {
    id: { type: 'text', primary: true },
    accountId: { type: 'text', name: 'account_id' },
    formId: { type: 'text', name: 'form_id' },
    data: { type: 'text' },
    savedAt: { type: 'text', name: 'saved_at' },
  },
  uniques: [{ name: 'uq_draft_account_form', columns: ['accountId', 'formId'] }],
});
