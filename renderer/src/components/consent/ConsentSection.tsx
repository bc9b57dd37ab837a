import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail, ConsentView } from '../../api/case-types';
import { DATA_CATEGORIES } from '../../api/core';
import { formatIsoDay } from '../../format/partial-date';
import { StatusNotice } from '../FormAlert';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';
import { ConsentDialog } from './ConsentDialog';
import { PrintConsentDialog } from './PrintConsentDialog';
import { PolicyExportButton } from '../PolicyExportButton';
import { RevokeConsentDialog } from './RevokeConsentDialog';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { margin: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  cell: { textAlign: 'center' },
  toolbar: { display: 'flex', justifyContent: 'flex-end' },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'stretch' },
});

const STATUS_COLOR = { active: 'success', pending: 'informative', expired: 'warning', revoked: 'danger' } as const;

/** Parties an active consent shares categories with: our offices by name, external agencies as written. */
function sharedByParty(consents: ConsentView[], officeName: (o: string) => string): Map<string, Set<string>> {
  const shared = new Map<string, Set<string>>();
  for (const c of consents.filter((x) => x.status === 'active')) {
    for (const party of [...c.parties.map(officeName), ...c.partners.map((p) => p.name), ...c.agencies]) {
      const set = shared.get(party) ?? new Set<string>();
      for (const category of c.categories) set.add(category);
      shared.set(party, set);
    }
  }
  return shared;
}

/** The consents of a client: who may see what at a glance, the full list, and recording or revoking one. */
export function ConsentSection({ client, onChanged }: { client: ClientDetail; onChanged: (c: ClientDetail) => void }) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ConsentView | null>(null);
  const [printing, setPrinting] = useState<ConsentView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shared = sharedByParty(client.consents, (o) => t(`offices.${o}`));
  const canWrite = client.access.canWrite;

  return (
    <section className={s.section} aria-labelledby="consent-title">
      <h2 id="consent-title" className={s.h2}>
        {t('consents.title')}
      </h2>
      <p className={s.empty}>{t('consents.lead')}</p>
      <StatusNotice message={notice} />
      {canWrite ? (
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={() => setAdding(true)}>
            {t('consents.add')}
          </Button>
        </div>
      ) : null}

      <h3 className={s.h3}>{t('consents.overviewTitle')}</h3>
      {shared.size === 0 ? (
        <p className={s.empty}>{t('consents.noActive')}</p>
      ) : (
        <table className={table.table} data-testid="consent-overview">
          <caption className={s.muted}>{t('consents.overviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('consents.party')}</th>
              {DATA_CATEGORIES.map((c) => (
                <th key={c} scope="col" className={table.th}>{t(`dataCategories.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...shared.entries()].map(([party, categories]) => (
              <tr key={party}>
                <th scope="row" className={table.td}>{party}</th>
                {DATA_CATEGORIES.map((c) => (
                  <td key={c} className={`${table.td} ${styles.cell}`}>
                    {categories.has(c) ? (
                      <Badge appearance="tint" color="success">{t('consents.granted')}</Badge>
                    ) : (
                      <span className={s.muted}>{t('consents.notGranted')}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className={s.h3}>{t('consents.listTitle')}</h3>
      {client.consents.length === 0 ? (
        <p className={s.empty}>{t('consents.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('consents.listTitle')}>
          {client.consents.map((c) => (
            <li key={c.id} className={styles.item} data-testid="consent-item">
              <div>
                <p className={styles.line}>
                  <strong>{c.purpose}</strong>
                </p>
                <div className={styles.badges}>
                  <Badge appearance="filled" color={STATUS_COLOR[c.status]}>{t(`consents.status.${c.status}`)}</Badge>
                  {c.expiringSoon && c.validUntil ? (
                    <Badge appearance="tint" color="warning">{t('consents.expiringSoon', { date: formatIsoDay(c.validUntil) })}</Badge>
                  ) : null}
                  {c.categories.map((k) => (
                    <Badge key={k} appearance="outline">{t(`dataCategories.${k}`)}</Badge>
                  ))}
                </div>
                <p className={styles.line}>
                  {[...c.parties.map((o) => t(`offices.${o}`)), ...c.partners.map((p) => p.name), ...c.agencies].join(' · ')}
                </p>
                <p className={`${styles.line} ${s.muted}`}>
                  {t('consents.validity', { from: formatIsoDay(c.validFrom), until: c.validUntil ? formatIsoDay(c.validUntil) : t('consents.unlimited') })}
                  {' · '}
                  {t(`consents.forms.${c.form}`)}
                  {c.oralRecord ? ` – ${c.oralRecord}` : ''}
                  {c.recordedByName ? ` · ${t('consents.recordedBy', { name: c.recordedByName })}` : ''}
                </p>
                {c.revocation ? (
                  <p className={`${styles.line} ${s.muted}`}>
                    {t('consents.revokedOn', { date: formatIsoDay(c.revocation.on), form: t(`consents.forms.${c.revocation.form}`), name: c.revocation.byName })}
                    {c.revocation.note ? ` – ${c.revocation.note}` : ''}
                  </p>
                ) : null}
              </div>
              {canWrite && !c.revocation ? (
                <div className={styles.actions}>
                  <PolicyExportButton method="consents.printForm" onClick={() => setPrinting(c)} aria-label={t('consents.print.actionFor', { purpose: c.purpose })}>
                    {t('consents.print.action')}
                  </PolicyExportButton>
                  <Button onClick={() => setRevoking(c)} aria-label={`${t('consents.revoke')}: ${c.purpose}`}>
                    {t('consents.revoke')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <ConsentDialog
          client={client}
          onSaved={(next) => {
            setAdding(false);
            setNotice(t('consents.saved'));
            onChanged(next);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {printing ? (
        <PrintConsentDialog
          client={client}
          consent={printing}
          onDone={(fileName) => {
            setPrinting(null);
            setNotice(t('consents.print.done', { fileName }));
          }}
          onCancel={() => setPrinting(null)}
        />
      ) : null}
      {revoking ? (
        <RevokeConsentDialog
          consent={revoking}
          onRevoked={(next) => {
            setRevoking(null);
            setNotice(t('consents.revoked'));
            onChanged(next);
          }}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
