import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../api/case-types';
import { hrefs } from '../../app/routes';
import { formatPartialDate } from '../../format/partial-date';
import { countryName } from '../../format/world';
import { ResidenceBadge } from './ResidenceBadge';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: `${tokens.spacingVerticalM} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sub: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Likely duplicates found before saving a new client: open one of them instead, or create anyway. */
export function DuplicateDialog({ hits, onCreateAnyway, onClose }: { hits: SearchHit[]; onCreateAnyway: () => void; onClose: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return (
    <Dialog open={hits.length > 0} modalType="modal" onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-describedby="duplicates-intro">
        <DialogBody>
          <DialogTitle>{t('duplicates.title')}</DialogTitle>
          <DialogContent>
            <p id="duplicates-intro">{t('duplicates.intro', { count: hits.length })}</p>
            <ul className={styles.list} aria-label={t('duplicates.listLabel')}>
              {hits.map((h) => (
                <li key={h.id} className={styles.item}>
                  <span>
                    <strong>
                      {h.familyName}, {h.givenNames}
                    </strong>
                    <span className={styles.sub}>
                      {t('clients.born', { date: formatPartialDate(t, h.birthDate, h.birthDatePlaceholder) })}
                      {h.nationalities?.length ? ` · ${h.nationalities.map((n) => (n.length === 2 ? countryName(n, i18n.language) : t(`nationalities.${n}`))).join(', ')}` : ''}
                      {` · ${t(`offices.${h.office}`)}`}
                    </span>
                  </span>
                  <ResidenceBadge residence={h.currentResidence} />
                  <Link href={hrefs.client(h.id)} onClick={onClose}>
                    {t('duplicates.open', { name: `${h.givenNames} ${h.familyName}` })}
                  </Link>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('duplicates.back')}
            </Button>
            <Button onClick={onCreateAnyway}>{t('duplicates.createAnyway')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
