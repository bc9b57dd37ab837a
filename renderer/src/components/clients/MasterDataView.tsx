import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/case-types';
import { formatPartialDate } from '../../format/partial-date';
import { countryName, languageName } from '../../format/world';
import { useSectionStyles } from '../section-styles';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  pair: { display: 'contents' },
});

/** Master data to read, for those who may see but not change the file (another office or the ABH through consent). */
export function MasterDataView({ client }: { client: ClientDetail }) {
  const s = useSectionStyles();
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const none = '–';
  const rows: [string, string][] = [
    [t('clientForm.familyName'), client.familyName],
    [t('clientForm.givenNames'), client.givenNames],
    [t('clientForm.alternativeNames'), client.alternativeNames.join(', ') || none],
    [t('clientForm.birthDate'), formatPartialDate(t, client.birthDate, client.birthDatePlaceholder)],
    [t('clientForm.gender'), client.gender ? t(`genders.${client.gender}`) : none],
    [
      t('clientForm.nationality1'),
      (client.nationalities ?? []).map((n) => (n.length === 2 ? countryName(n, i18n.language) : t(`nationalities.${n}`))).join(', ') || none,
    ],
    [
      t('clientForm.languageLegend'),
      (client.languages ?? [])
        .map((l, i) => `${languageName(l.code, i18n.language)}${l.interpreterNeeded ? ` (${t('clientForm.interpreter', { n: i + 1 })})` : ''}`)
        .join(', ') || none,
    ],
    [t('clientForm.arrivalDate'), client.arrivalDate ? formatPartialDate(t, client.arrivalDate) : none],
    [t('clientForm.street'), [client.street, [client.postalCode, client.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || none],
    [t('clientForm.phone'), client.phone ?? none],
    [t('clientForm.email'), client.email ?? none],
  ];
  return (
    <section className={s.section} aria-labelledby="master-view-title">
      <h2 id="master-view-title" className={s.h2}>
        {t('clientFile.tabs.master')}
      </h2>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
