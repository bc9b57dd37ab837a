import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/case-types';
import { formatIsoDay, formatPartialDate } from '../../format/partial-date';
import { countryName } from '../../format/world';
import { ResidenceBadge } from './ResidenceBadge';

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`, margin: `${tokens.spacingVerticalS} 0 0` },
  fact: { display: 'flex', flexDirection: 'column', gap: '2px' },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

/**
 * What a case manager must see at once: birth date (honestly partial), nationality, residence status and expiry,
 * the keeping office and the consents in force (with those about to end).
 */
export function ClientFacts({ client }: { client: ClientDetail }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const residence = client.currentResidence;
  // Absent fields are categories the caller may not see: say so instead of "unknown".
  const notShared = t('access.notShared');
  const nationality = client.nationalities
    ? client.nationalities.map((n) => (n.length === 2 ? countryName(n, i18n.language) : t(`nationalities.${n}`))).join(', ') || t('dates.unknown')
    : notShared;
  const active = client.consents.filter((c) => c.status === 'active');
  const expiring = active.filter((c) => c.expiringSoon).length;
  return (
    <dl className={styles.facts}>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('clientFile.birthDate')}</dt>
        <dd className={styles.value} data-testid="client-birth-date">
          {formatPartialDate(t, client.birthDate, client.birthDatePlaceholder)}
        </dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('clientFile.nationality')}</dt>
        <dd className={styles.value}>{nationality}</dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('clientFile.residence')}</dt>
        <dd className={styles.value}>
          {residence === undefined
            ? notShared
            : residence
              ? `${t(`residenceTypes.${residence.type}`)}${residence.legalBasis ? ` (${residence.legalBasis})` : ''}`
              : t('residence.none')}
        </dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('clientFile.validUntil')}</dt>
        <dd className={styles.value} data-testid="residence-expiry">
          {residence?.validUntil ? formatIsoDay(residence.validUntil) : '–'} <ResidenceBadge residence={residence} />
        </dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('consents.atGlance')}</dt>
        <dd className={styles.value} data-testid="consent-glance">
          {active.length ? t('consents.atGlanceCount', { count: active.length }) : t('consents.atGlanceNone')}
          {expiring ? (
            <>
              {' '}
              <Badge appearance="tint" color="warning">
                {t('consents.expiringHeader', { count: expiring })}
              </Badge>
            </>
          ) : null}
        </dd>
      </div>
      <div className={styles.fact}>
        <dt className={styles.term}>{t('clientFile.office')}</dt>
        <dd className={styles.value}>{t(`offices.${client.office}`)}</dd>
      </div>
    </dl>
  );
}
