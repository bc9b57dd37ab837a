import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { HANDOVER_ROLES, type HandoverOffice, type SessionUser } from '../../api/core';
import { hrefs, navigate } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { StatusNotice } from '../FormAlert';
import { AcceptHandoverDialog } from './AcceptHandoverDialog';
import { HandoverDialog } from './HandoverDialog';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  history: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The file's hand-overs for the keeping office's case managers: a file handed to this office waits here to be taken
 * over; otherwise the last hand-over is noted, and the file can be handed to another office. After handing it over
 * the file is no longer this office's: the page says so and leads back to the list.
 */
export function HandoverPanel({ clientId, user, onHandedOver, onAccepted }: { clientId: string; user: SessionUser; onHandedOver: () => void; onAccepted: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const list = useLoad(() => call('handovers.list', { clientId }), [clientId]);
  const [dialog, setDialog] = useState<'send' | 'accept' | null>(null);
  const [sentTo, setSentTo] = useState<HandoverOffice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!HANDOVER_ROLES.includes(user.role)) return null;

  if (sentTo) {
    return (
      <MessageBar intent="success" data-testid="handover-sent">
        <MessageBarBody>{t('handovers.sent', { office: t(`offices.${sentTo}`) })}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => navigate(hrefs.clients)}>{t('handovers.toList')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  const last = list.data?.at(-1);
  const pending = last && last.toOffice === user.office && !last.acceptedAt ? last : null;
  return (
    <>
      <StatusNotice message={notice} />
      {pending ? (
        <MessageBar intent="warning" data-testid="handover-pending">
          <MessageBarBody>
            {t('handovers.pending', { office: t(`offices.${pending.fromOffice}`), date: formatIsoDay(pending.handedOn), reason: t(`handovers.reasons.${pending.reason}`) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => setDialog('accept')}>
              {t('handovers.accept')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <p className={styles.history}>
          {last && !pending
            ? t('handovers.history', {
                office: t(`offices.${last.fromOffice}`),
                date: formatIsoDay(last.handedOn),
                reason: t(`handovers.reasons.${last.reason}`),
                accepted: last.acceptedByName ? t('handovers.acceptedBy', { name: last.acceptedByName }) : '',
              })
            : null}
        </p>
        {pending ? null : <Button onClick={() => setDialog('send')}>{t('handovers.open')}</Button>}
      </div>
      {dialog === 'send' ? (
        <HandoverDialog
          clientId={clientId}
          onCancel={() => setDialog(null)}
          onSent={(office) => {
            setDialog(null);
            setSentTo(office);
            onHandedOver();
          }}
        />
      ) : null}
      {dialog === 'accept' && pending ? (
        <AcceptHandoverDialog
          handover={pending}
          user={user}
          onCancel={() => setDialog(null)}
          onAccepted={() => {
            setDialog(null);
            setNotice(t('handovers.accepted'));
            list.reload();
            onAccepted();
          }}
        />
      ) : null}
    </>
  );
}
