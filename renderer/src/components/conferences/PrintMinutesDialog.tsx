import { Field, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ConferenceView } from '../../api/conference-types';
import { errorText } from '../../api/error-text';
import { formatIsoDay } from '../../format/partial-date';
import { FormDialog } from '../FormDialog';
import { downloadPdf } from '../print/download-pdf';

const useStyles = makeStyles({
  text: { margin: 0 },
});

/** The value of the "own file" choice (a partner's id otherwise). */
const OWN_FILE = 'own-file';

/**
 * Prints the minutes of a conference for one recipient: a partner that took part (the core leaves out what the
 * conference's consent does not release to it) or our own file (the full minutes). One PDF per print.
 */
export function PrintMinutesDialog({ conference, onDone, onCancel }: { conference: ConferenceView; onDone: (fileName: string) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const partners = [...new Map((conference.participants ?? []).filter((p) => p.kind === 'partner' && p.partnerId).map((p) => [p.partnerId!, p.name])).entries()];
  const [recipient, setRecipient] = useState<string>(partners[0]?.[0] ?? OWN_FILE);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async () => {
    setAlert(null);
    setBusy(true);
    try {
      const pdf = await call('conferences.printMinutes', { conferenceId: conference.id, partnerId: recipient === OWN_FILE ? null : recipient });
      downloadPdf(pdf.fileName, pdf.pdfBase64);
      onDone(pdf.fileName);
    } catch (e) {
      setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('conferences.print.title', { date: formatIsoDay(conference.heldOn) })}
      intro={<p className={styles.text}>{t('conferences.print.intro')}</p>}
      alert={alert}
      busy={busy}
      busyLabel={t('conferences.print.busy')}
      submitLabel={t('conferences.print.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('conferences.print.recipient')} hint={t('conferences.print.recipientHint')} required>
        <RadioGroup value={recipient} onChange={(_, d) => setRecipient(d.value)}>
          {partners.map(([id, name]) => (
            <Radio key={id} value={id} label={t('conferences.print.forPartner', { partner: name })} />
          ))}
          <Radio value={OWN_FILE} label={t('conferences.print.ownFile')} />
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}
