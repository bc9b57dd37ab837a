import { Button, Field, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flatDraft, useDraft } from '../app/use-draft';
import { formatDate, formatTime } from '../format/date';
import { DashboardCard } from './DashboardCard';
import { StatusNotice } from './FormAlert';

const useStyles = makeStyles({
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export const SCRATCH_NOTE_FORM_ID = 'home.scratchNote';

/**
 * "Notiz an mich": a scratch pad that lives only in memory — and, through the draft mechanism, survives a lock.
 * The smallest honest user of useDraft; case forms reuse the same hook.
 */
export function ScratchNoteCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState({ note: '' });
  const draft = useDraft(SCRATCH_NOTE_FORM_ID, flatDraft(values, setValues));
  const restoredAt = draft.restored?.savedAt ?? null;

  return (
    <DashboardCard id="scratch-note" title={t('scratchNote.title')} description={t('scratchNote.hint')}>
      <StatusNotice
        intent="info"
        title={restoredAt ? t('drafts.restored') : undefined}
        message={restoredAt ? t('drafts.restoredAt', { date: formatDate(restoredAt), time: formatTime(restoredAt) }) : null}
      />
      <Field label={t('scratchNote.label')}>
        <Textarea
          name="note"
          resize="vertical"
          rows={5}
          maxLength={20_000}
          value={values.note}
          onChange={(_, d) => setValues({ note: d.value })}
        />
      </Field>
      <div className={styles.actions}>
        <Button
          type="button"
          disabled={!values.note && !restoredAt}
          onClick={() => {
            setValues({ note: '' });
            void draft.discard();
          }}
        >
          {t('scratchNote.clear')}
        </Button>
      </div>
    </DashboardCard>
  );
}
