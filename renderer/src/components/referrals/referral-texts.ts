import type { TFunction } from 'i18next';
import { toApiError } from '../../api/api-error';
import { errorText } from '../../api/error-text';

/**
 * German text for a refused send: what exactly is missing (no consent for the partner, and why existing ones do
 * not count; or which categories the consents in force leave out), with what to do about it.
 */
export function sendErrorText(t: TFunction, error: unknown, partner: string): string {
  const e = toApiError(error);
  if (e.code !== 'referral.consentMissing') return errorText(t, error);
  const missing = Array.isArray(e.params.missing) ? (e.params.missing as string[]) : [];
  const inactive = Array.isArray(e.params.inactive) ? (e.params.inactive as string[]) : [];
  const lines =
    e.params.reason === 'noConsent'
      ? [
          t('referrals.gate.noConsent', { partner }),
          inactive.length ? t('referrals.gate.inactive', { states: inactive.map((s) => t(`referrals.gate.inactiveStates.${s}`)).join(', ') }) : '',
        ]
      : [t('referrals.gate.categories', { partner, categories: missing.map((c) => t(`dataCategories.${c}`)).join(', ') })];
  return [...lines.filter(Boolean), t('referrals.gate.hint')].join(' ');
}
