import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text';
import { FormDialog } from '../FormDialog';

/** A question before a step (archive, remove, decide a proposal), with an optional note; the step runs on submit. */
export function ConfirmNoteDialog({
  title,
  intro,
  submitLabel,
  noteLabel,
  run,
  onDone,
  onCancel,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  /** Shown when the step takes a note (deciding a proposal). */
  noteLabel?: string;
  run: (note: string | null) => Promise<string>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setAlert(null);
    try {
      onDone(await run(note.trim() || null));
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };
  return (
    <FormDialog title={title} intro={intro} alert={alert} busy={busy} busyLabel={t('partners.form.saving')} submitLabel={submitLabel} onSubmit={submit} onCancel={onCancel} modalType="alert">
      {noteLabel ? (
        <Field label={noteLabel}>
          <Textarea value={note} rows={2} maxLength={500} onChange={(_, d) => setNote(d.value)} />
        </Field>
      ) : null}
    </FormDialog>
  );
}
