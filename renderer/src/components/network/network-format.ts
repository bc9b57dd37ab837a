import type { TFunction } from 'i18next';
import { ApiError, isErrorCode } from '../../api/api-error';
import { errorText } from '../../api/error-text';
import { formatDate, formatTime } from '../../format/date';

/** The first block of a device id: enough to tell the few workstations of a network apart in a table or a title. */
export function shortDeviceId(deviceId: string): string {
  return deviceId.slice(0, 8);
}

/** 25.11.2026, 14:05 Uhr (Europe/Berlin). */
export function dateTimeText(t: TFunction, iso: string): string {
  return t('networkAdmin.at', { date: formatDate(iso), time: formatTime(iso) });
}

/** The German text of the error code a sync round recorded (offline or failed); unknown codes read as internal. */
export function roundErrorText(t: TFunction, code: string | null): string | null {
  if (!code) return null;
  return errorText(t, new ApiError(isErrorCode(code) ? code : 'internal'));
}

/**
 * Fired after this window changed the network's state (created, joined, synced, revoked): the sync state in the
 * frame loads again at once instead of at its next poll.
 */
export const NETWORK_CHANGED_EVENT = 'kim:network-changed';

export function announceNetworkChanged(): void {
  window.dispatchEvent(new Event(NETWORK_CHANGED_EVENT));
}
