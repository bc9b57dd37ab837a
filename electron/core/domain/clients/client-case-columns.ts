/**
 * The client list filters and sorts on client columns only: the phase and case manager of a client's current case
 * (the open one, else the latest) are copied onto the client row, like the current residence status.
 */
export const REFRESH_CLIENT_CASE_COLUMNS = `
  UPDATE client SET
    case_phase = (SELECT k.phase FROM kim_case k WHERE k.client_id = client.id
                  ORDER BY k.closed_on IS NOT NULL, k.opened_on DESC, k.id DESC LIMIT 1),
    case_manager_id = (SELECT k.case_manager_id FROM kim_case k WHERE k.client_id = client.id
                       ORDER BY k.closed_on IS NOT NULL, k.opened_on DESC, k.id DESC LIMIT 1)`;

/** The covering index each sort reads when no phase, manager or expiry filter narrows the list (migration 0006). */
export const CLIENT_SORT_INDEX = {
  name: 'ix_client_list_name',
  updated: 'ix_client_list_updated',
  birthDate: 'ix_client_list_birth',
  statusExpiry: 'ix_client_list_until',
} as const;
