import { Badge, Button, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../api/case-types';
import type { SessionUser } from '../../api/core';
import { hrefs } from '../../app/routes';
import { formatIsoDay } from '../../format/partial-date';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';
import { OpenCaseDialog } from './OpenCaseDialog';

/** The client's cases over time; only one may be open at a time. Read-only for those who may not change the file. */
export function CasesSection({ client, user, readOnly = false }: { client: ClientDetail; user: SessionUser; readOnly?: boolean }) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [dialog, setDialog] = useState(false);
  const hasOpen = client.cases.some((c) => !c.closedOn);

  return (
    <section className={s.section} aria-labelledby="cases-title">
      <h2 id="cases-title" className={s.h2}>
        {t('cases.title')}
      </h2>
      {readOnly ? null : (
        <div>
          <Button appearance="primary" onClick={() => setDialog(true)} disabledFocusable={hasOpen}>
            {t('cases.open')}
          </Button>
          {hasOpen ? <p className={s.muted}>{t('cases.onlyOneOpen')}</p> : null}
        </div>
      )}
      {client.cases.length === 0 ? (
        <p className={s.empty}>{t('cases.empty')}</p>
      ) : (
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col" className={table.th}>{t('cases.case')}</th>
              <th scope="col" className={table.th}>{t('cases.phase')}</th>
              {client.access.owner ? <th scope="col" className={table.th}>{t('cases.caseManager')}</th> : null}
              <th scope="col" className={table.th}>{t('cases.openedOn')}</th>
              <th scope="col" className={table.th}>{t('cases.closedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {client.cases.map((c) => (
              <tr key={c.id}>
                <td className={table.td}>
                  <Link href={hrefs.case(c.id)}>{t('cases.caseFrom', { date: formatIsoDay(c.openedOn) })}</Link>
                </td>
                <td className={table.td}>
                  {c.closedOn ? <Badge appearance="outline">{t('cases.closed')}</Badge> : t(`phases.${c.phase}`)}
                </td>
                {client.access.owner ? <td className={table.td}>{c.caseManagerName}</td> : null}
                <td className={table.td}>{formatIsoDay(c.openedOn)}</td>
                <td className={table.td}>{c.closedOn ? formatIsoDay(c.closedOn) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog ? <OpenCaseDialog open clientId={client.id} user={user} onClose={() => setDialog(false)} /> : null}
    </section>
  );
}
