import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CurrentResidence } from '../../api/case-types';
import { formatIsoDay } from '../../format/partial-date';

/**
 * The current residence status at a glance. Expiry is said in words ("läuft in 20 Tagen ab", "abgelaufen"), not only
 * by colour. `undefined` means the caller may not see the residence category: then there is nothing to show (and
 * "kein Aufenthaltsstatus erfasst" would be untrue).
 */
export function ResidenceBadge({ residence }: { residence: CurrentResidence | null | undefined }) {
  const { t } = useTranslation();
  if (residence === undefined) return null;
  if (!residence) return <Badge appearance="outline" color="informative">{t('residence.none')}</Badge>;
  const expired = residence.daysLeft !== null && residence.daysLeft < 0;
  if (expired) return <Badge appearance="filled" color="danger">{t('residence.expiredOn', { date: formatIsoDay(residence.validUntil) })}</Badge>;
  if (residence.expiringSoon)
    return (
      <Badge appearance="filled" color="warning">
        {t('residence.expiresIn', { count: residence.daysLeft ?? 0, date: formatIsoDay(residence.validUntil) })}
      </Badge>
    );
  return (
    <Badge appearance="tint" color="success">
      {residence.validUntil ? t('residence.validUntil', { date: formatIsoDay(residence.validUntil) }) : t('residence.unlimited')}
    </Badge>
  );
}
