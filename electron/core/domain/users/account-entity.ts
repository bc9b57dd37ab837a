import { EntitySchema } from 'typeorm';
import type { Office, Role } from '../../contract/offices';

/** A personal account on this workstation; its passphrase wrap lives in keyring.json, never here. */
export interface Account {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  office: Office;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  version: number;
  /** The approved (or applied) IT request whose one-time passphrase is in force; null once the owner chose one. */
  oneTimeRequestId: string | null;
}

export const AccountEntity = new EntitySchema<Account>({
  name: 'Account',
  tableName: 'account',
  columns: {
    id: { type: 'text', primary: true },
    login: { type: 'text', unique: true },
    displayName: { type: 'text', name: 'display_name' },
    role: { type: 'text' },
    office: { type: 'text' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    lastLoginAt: { type: 'text', name: 'last_login_at', nullable: true },
    version: { type: 'integer', version: true },
    oneTimeRequestId: { type: 'text', name: 'one_time_request_id', nullable: true },
  },
});
