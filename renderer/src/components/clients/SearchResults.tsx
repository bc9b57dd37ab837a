import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../api/case-types';
import { hrefs } from '../../app/routes';
import { formatPartialDate } from '../../format/partial-date';
import { useTableStyles } from '../table-styles';
import { ResidenceBadge } from './ResidenceBadge';

const useStyles = makeStyles({
  wrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalM },
  alt: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Ranked hits of the one search box (best first, as the core ranks them). */
export function SearchResults({ hits, query }: { hits: SearchHit[]; query: string }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.wrap}>
      {hits.length === 0 ? (
        <p className={table.empty}>{t('clients.noHits', { query })}</p>
      ) : (
        <table className={table.table} aria-label={t('clients.hitsLabel', { query })}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('clients.columns.rank')}</th>
              <th scope="col" className={table.th}>{t('clients.columns.name')}</th>
              <th scope="col" className={table.th}>{t('clients.columns.birthDate')}</th>
              <th scope="col" className={table.th}>{t('clients.columns.residence')}</th>
              <th scope="col" className={table.th}>{t('clients.columns.phase')}</th>
              <th scope="col" className={table.th}>{t('clients.columns.office')}</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h, i) => (
              <tr key={h.id}>
                <td className={table.td}>{i + 1}</td>
                <td className={table.td}>
                  <Link href={hrefs.client(h.id)}>
                    {h.familyName}, {h.givenNames}
                  </Link>
                </td>
                <td className={table.td}>{formatPartialDate(t, h.birthDate, h.birthDatePlaceholder)}</td>
                <td className={table.td}>
                  <ResidenceBadge residence={h.currentResidence} />
                </td>
                <td className={table.td}>{h.openCase ? t(`phases.${h.openCase.phase}`) : t('clients.noOpenCase')}</td>
                <td className={table.td}>{t(`offices.${h.office}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
