import { EntitySchema } from 'typeorm';

/** A local change to domain data, ordered by hybrid logical clock; the sync issue ships these to other offices. */
export interface ChangeEntry {
  id: number;
  entity: string;
  entityId: string;
  /** JSON array of the changed field names. */
  fields: string;
  hlc: string;
  deviceId: string;
  operation: 'upsert' | 'delete';
}

export const ChangeEntryEntity = new EntitySchema<ChangeEntry>({
  name: 'ChangeEntry',
  tableName: 'change_entry',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    entity: { type: 'text' },
    entityId: { type: 'text', name: 'entity_id' },
    fields: { type: 'text' },
    hlc: { type: 'text' },
    deviceId: { type: 'text', name: 'device_id' },
    operation: { type: 'text' },
  },
});
