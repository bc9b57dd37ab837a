import { EntitySchema } from 'typeorm';
import type { AccountRequestApproval, AccountRequestKind, AccountRequestStatus } from '../../contract/types/account-request-types';

/**
 * IT's request to create an account or reset its passphrase. Shaped to travel by sync later (id, kinds, account
 * ids, times, device): only `pendingWrap`, the new passphrase's wrap of this workstation's database key, is local.
 */
export interface AccountRequest {
  id: string;
  kind: AccountRequestKind;
  accountId: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  status: AccountRequestStatus;
  approval: AccountRequestApproval;
  decidedBy: string | null;
  decidedAt: string | null;
  /** JSON of the keyring entry (KDF parameters and wrap) while pending; null once decided. */
  pendingWrap: string | null;
  deviceId: string;
  version: number;
}

export const AccountRequestEntity = new EntitySchema<AccountRequest>({
  name: 'AccountRequest',
  tableName: 'account_request',
  columns: {
    id: { type: 'text', primary: true },
    kind: { type: 'text' },
    accountId: { type: 'text', name: 'account_id' },
    requestedBy: { type: 'text', name: 'requested_by' },
    requestedAt: { type: 'text', name: 'requested_at' },
    expiresAt: { type: 'text', name: 'expires_at' },
    status: { type: 'text' },
    approval: { type: 'text' },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    decidedAt: { type: 'text', name: 'decided_at', nullable: true },
    pendingWrap: { type: 'text', name: 'pending_wrap', nullable: true },
    deviceId: { type: 'text', name: 'device_id' },
    version: { type: 'integer', version: true },
  },
});
