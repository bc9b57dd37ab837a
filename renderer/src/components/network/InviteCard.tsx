import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { networkInviteInput, OFFICES, type InvitationView, type Office } from '../../api/core';
import { errorText } from '../../api/error-text';
import { SelectField } from '../../forms/fields';
import { applyServerIssues, useSchemaForm } from '../../forms/use-schema-form';
import { formatDate, formatTime } from '../../format/date';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import { FormDialog } from '../FormDialog';
import { downloadBlob } from '../download-file';
import { dateTimeText } from './network-format';
import { useNetworkStyles } from './network-styles';

const useStyles = makeStyles({
  surface: { maxWidth: '680px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  codeLabel: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  code: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    listStyleType: 'none',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    justifyContent: 'center',
  },
  group: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.12em',
  },
});

/** The file the new workstation's IT chooses in "Netz beitreten". */
export function invitationFileName(office: Office): string {
  return `einladung-${office}.kimnet`;
}

/** Hands the invitation file to the browser/Electron as a download; the object URL is released later. */
function downloadInvitation(invitation: InvitationView): string {
  const fileName = invitationFileName(invitation.office);
  downloadBlob(fileName, new Blob([invitation.file], { type: 'application/octet-stream' }));
  return fileName;
}

/**
 * "Arbeitsplatz einladen": the dialog asks for the new workstation's office, then shows the invitation once (code,
 * expiry, the network's fingerprint, the file to save). The page gets a notice when the result is closed.
 */
export function InviteCard({ ownOffice, onInvited }: { ownOffice: Office; onInvited: (message: string) => void }) {
  const styles = useNetworkStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);

  const close = (invitation: InvitationView | null) => {
    setOpen(false);
    if (invitation) {
      onInvited(t('networkAdmin.invite.done', { office: t(`offices.${invitation.office}`), date: formatDate(invitation.expiresAt), time: formatTime(invitation.expiresAt) }));
    }
    // The dialog was mounted only while open: focus goes back to the button that opened it.
    window.setTimeout(() => openButton.current?.focus(), 0);
  };

  return (
    <DashboardCard id="network-invite" title={t('networkAdmin.invite.title')} description={t('networkAdmin.invite.description')}>
      <div className={styles.cardActions}>
        <Button ref={openButton} onClick={() => setOpen(true)}>
          {t('networkAdmin.invite.open')}
        </Button>
      </div>
      {open ? <InviteDialog defaultOffice={OFFICES.find((o) => o !== ownOffice) ?? ownOffice} onClose={close} /> : null}
    </DashboardCard>
  );
}

function InviteDialog({ defaultOffice, onClose }: { defaultOffice: Office; onClose: (invitation: InvitationView | null) => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(networkInviteInput, { office: defaultOffice });
  const [alert, setAlert] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationView | null>(null);

  const submit = form.handleSubmit(async ({ office }) => {
    setAlert(null);
    try {
      setInvitation(await call('network.invite', { office }));
    } catch (e) {
      if (!applyServerIssues(t, form, e, { office: 'office' })) setAlert(errorText(t, e));
    }
  });

  if (invitation) return <InvitationDialog invitation={invitation} onFinished={() => onClose(invitation)} />;
  return (
    <FormDialog
      title={t('networkAdmin.invite.title')}
      intro={t('networkAdmin.invite.intro')}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('networkAdmin.invite.working')}
      submitLabel={t('networkAdmin.invite.submit')}
      onSubmit={submit}
      onCancel={() => onClose(null)}
    >
      <SelectField control={form.control} name="office" label={t('networkAdmin.invite.office')} required>
        {OFFICES.map((o) => (
          <option key={o} value={o}>
            {t(`offices.${o}`)}
          </option>
        ))}
      </SelectField>
    </FormDialog>
  );
}

/**
 * The invitation, shown once: the code in large groups to read out on the phone, its expiry, the network's
 * fingerprint to compare, and the file to save. 'alert': Escape or a click outside does not close it by accident.
 */
function InvitationDialog({ invitation, onFinished }: { invitation: InvitationView; onFinished: () => void }) {
  const styles = useStyles();
  const network = useNetworkStyles();
  const { t } = useTranslation();
  const titleId = useId();
  const codeLabelId = useId();
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Dialog open modalType="alert">
      <DialogSurface className={styles.surface} aria-labelledby={titleId}>
        <DialogBody>
          <DialogTitle id={titleId}>{t('networkAdmin.invite.resultTitle', { office: t(`offices.${invitation.office}`) })}</DialogTitle>
          <DialogContent className={styles.content}>
            <FormAlert intent="warning" title={t('networkAdmin.invite.separateTitle')} message={t('networkAdmin.invite.separate')} />
            <p id={codeLabelId} className={styles.codeLabel}>
              {t('networkAdmin.invite.codeLabel')}
            </p>
            <ol className={styles.code} aria-labelledby={codeLabelId} data-testid="invitation-code">
              {invitation.code.split('-').map((group, i) => (
                <li key={i}>
                  <code className={styles.group}>{group}</code>
                </li>
              ))}
            </ol>
            <dl className={network.facts}>
              <dt className={network.term}>{t('networkAdmin.invite.expires')}</dt>
              <dd className={network.value}>{dateTimeText(t, invitation.expiresAt)}</dd>
              <dt className={network.term}>{t('networkAdmin.invite.networkFingerprint')}</dt>
              <dd className={network.value}>
                <code className={network.mono} data-testid="invitation-network-fingerprint">
                  {invitation.networkFingerprint}
                </code>
              </dd>
            </dl>
            <p className={network.text}>
              <strong>{t('networkAdmin.invite.onceTitle')}:</strong> {t('networkAdmin.invite.once')}
            </p>
            <StatusNotice message={saved ? t('networkAdmin.invite.saved', { fileName: saved }) : null} />
          </DialogContent>
          <DialogActions>
            <Button type="button" onClick={() => setSaved(downloadInvitation(invitation))}>
              {t('networkAdmin.invite.save')}
            </Button>
            <Button type="button" appearance="primary" onClick={onFinished}>
              {t('networkAdmin.invite.finish')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
