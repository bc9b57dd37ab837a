import { EntitySchema } from 'typeorm';

/** Workstation-wide key/value settings (office, device id, clock state, idle lock). */
export interface Setting {
  key: string;
  value: string;
}

export const SettingEntity = new EntitySchema<Setting>({
  name: 'Setting',
  tableName: 'setting',
  columns: {
    key: { type: 'text', primary: true },
    value: { type: 'text' },
  },
});
