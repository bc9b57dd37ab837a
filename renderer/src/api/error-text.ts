import type { TFunction } from 'i18next';
import { toApiError } from './api-error';

/**
 * German (or English) text for a failed call. Wait times are part of the message, since a throttled user must know
 * how long to wait.
 */
export function errorText(t: TFunction, error: unknown): string {
  const e = toApiError(error);
  const wait = e.retryAfterSeconds;
  switch (e.code) {
    case 'unlock.failed':
      return wait ? t('errors.unlock.failedWait', { count: wait }) : t('errors.unlock.failed');
    case 'unlock.throttled':
      return t('errors.unlock.throttled', { count: wait ?? 1 });
    case 'passphrase.wrongCurrent':
      return wait
        ? `${t('errors.passphrase.wrongCurrent')} ${t('errors.unlock.throttled', { count: wait })}`
        : t('errors.passphrase.wrongCurrent');
    case 'permission.denied':
      // The reason tells whether a consent is missing, the file is another office's, or the role sees no client data.
      return typeof e.params.reason === 'string'
        ? t(`errors.permission.reasons.${e.params.reason}`, { defaultValue: t('errors.permission.denied') })
        : t('errors.permission.denied');
    case 'policy.invalid':
      return t(e.params.source === 'registry' ? 'errors.policy.invalidRegistry' : 'errors.policy.invalid', scalarParams(e.params));
    case 'policy.officeMismatch':
      return t('errors.policy.officeMismatch', {
        vaultOffice: t(`offices.${String(e.params.vaultOffice)}`, { defaultValue: String(e.params.vaultOffice) }),
        policyOffice: t(`offices.${String(e.params.policyOffice)}`, { defaultValue: String(e.params.policyOffice) }),
      });
    case 'policy.exportNotAllowed':
      return t('errors.policy.exportNotAllowed', { kind: t(`machinePolicy.exportKinds.${String(e.params.kind)}`, { defaultValue: String(e.params.kind) }) });
    default:
      return t(`errors.${e.code}`, { ...scalarParams(e.params), defaultValue: t('errors.internal') });
  }
}

function scalarParams(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * Text for the passphrase field of a delete confirmation (re-authentication), or null when the refusal is not about
 * the passphrase. "Die bisherige Passphrase" of the generic text would be wrong here.
 */
export function deletePassphraseErrorText(t: TFunction, error: unknown): string | null {
  const e = toApiError(error);
  if (e.code === 'passphrase.wrongCurrent') {
    const wait = e.retryAfterSeconds;
    return wait ? `${t('confirmDelete.wrong')} ${t('errors.unlock.throttled', { count: wait })}` : t('confirmDelete.wrong');
  }
  if (e.code === 'unlock.throttled') return t('errors.unlock.throttled', { count: e.retryAfterSeconds ?? 1 });
  return null;
}
