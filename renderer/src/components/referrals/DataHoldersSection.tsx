import { useTranslation } from 'react-i18next';
import type { ClientDetail, DataHolderView } from '../../api/case-types';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { ListSection } from '../ListSection';

/**
 * Read-only: which partners of the directory hold (or may receive) which data of the person, from consents that
 * name them, referrals sent to them and conference minutes printed for them. The keeping office's overview of its
 * own disclosures.
 */
export function DataHoldersSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const holders = useLoad(() => call('referrals.dataHolders', { clientId: client.id }), [client.id, client.consents.length]);
  const source = (s: DataHolderView['sources'][number]) =>
    s.kind === 'referral'
      ? t('referrals.holders.referral', { date: formatIsoDay(s.on) })
      : s.kind === 'minutes'
        ? t('referrals.holders.minutes', { date: formatIsoDay(s.on) })
        : t(s.active ? 'referrals.holders.consent' : 'referrals.holders.consentInactive', { date: formatIsoDay(s.on) });
  return (
    <ListSection<DataHolderView>
      id="data-holders"
      title={t('referrals.holders.title')}
      lead={<p>{t('referrals.holders.intro')}</p>}
      items={holders.data ?? []}
      itemKey={(h) => h.partnerId}
      emptyText={holders.error ? errorText(t, holders.error) : t('referrals.holders.empty')}
      columns={[
        { header: t('referrals.holders.partner'), cell: (h) => h.partnerName },
        { header: t('referrals.holders.categories'), cell: (h) => (h.categories.length ? h.categories.map((c) => t(`dataCategories.${c}`)).join(', ') : t('referrals.holders.none')) },
        {
          header: t('referrals.holders.sources'),
          cell: (h) => (
            <ul>
              {h.sources.map((s) => (
                <li key={`${s.kind}-${s.id}`}>
                  {source(s)}: {s.categories.map((c) => t(`dataCategories.${c}`)).join(', ')}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
