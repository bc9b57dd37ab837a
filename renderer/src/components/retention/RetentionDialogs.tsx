import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { DeletionRequestView, RetentionFileView } from '../../api/core';
import { errorText } from '../../api/error-text';
import { FormDialog } from '../FormDialog';
import { serverErrors } from '../partners/field-errors';
import { downloadFile } from '../download-file';

/** What a dialog of the retention page reports when it is done: a notice for the page's status region. */
type Done = (message: string) => void;

/** Runs a call for a dialog: busy state, German text for a refusal (per field where the core names one). */
function useDialogCall() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setAlert(null);
    try {
      await fn();
    } catch (e) {
      const byField = serverErrors(t, e);
      if (byField && Object.keys(byField).length) setErrors(byField);
      else setAlert(errorText(t, e));
      setBusy(false);
    }
  };
  return { busy, alert, errors, setErrors, run };
}

/** Datenschutz asks for a file's deletion: its period ended, or the person asked (with a reason). */
export function RequestDeletionDialog({ file, ground, onDone, onCancel }: { file: RetentionFileView; ground: 'retention' | 'subject'; onDone: Done; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const c = useDialogCall();
  const submit = async () => {
    if (ground === 'subject' && reason.trim().length < 5) {
      c.setErrors({ reason: reason.trim() ? t('validation.tooShort', { minimum: 5 }) : t('validation.required') });
      return;
    }
    c.setErrors({});
    await c.run(async () => {
      await call('deletions.request', { clientId: file.clientId, ground, reason: reason.trim() });
      onDone(t('retention.requestDialog.done'));
    });
  };
  return (
    <FormDialog
      title={t(ground === 'subject' ? 'retention.requestDialog.titleSubject' : 'retention.requestDialog.titleRetention')}
      intro={t('retention.requestDialog.intro', { name: file.name })}
      alert={c.alert}
      busy={c.busy}
      busyLabel={t('retention.requestDialog.working')}
      submitLabel={t('retention.requestDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field
        label={t('retention.requestDialog.reason')}
        hint={t(ground === 'subject' ? 'retention.requestDialog.reasonHintSubject' : 'retention.requestDialog.reasonHintRetention')}
        required={ground === 'subject'}
        validationState={c.errors.reason ? 'error' : 'none'}
        validationMessage={c.errors.reason}
      >
        <Textarea rows={3} resize="vertical" maxLength={1000} value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}

/** Datenschutz restricts processing of a file (Art. 18), with the ground. */
export function RestrictDialog({ file, onDone, onCancel }: { file: RetentionFileView; onDone: Done; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const c = useDialogCall();
  const submit = async () => {
    if (reason.trim().length < 5) {
      c.setErrors({ reason: reason.trim() ? t('validation.tooShort', { minimum: 5 }) : t('validation.required') });
      return;
    }
    c.setErrors({});
    await c.run(async () => {
      await call('restrictions.set', { clientId: file.clientId, reason: reason.trim() });
      onDone(t('retention.restrictDialog.done'));
    });
  };
  return (
    <FormDialog
      title={t('retention.restrictDialog.title')}
      intro={t('retention.restrictDialog.intro', { name: file.name })}
      alert={c.alert}
      busy={c.busy}
      busyLabel={t('retention.restrictDialog.working')}
      submitLabel={t('retention.restrictDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('retention.restrictDialog.reason')} hint={t('retention.restrictDialog.reasonHint')} required validationState={c.errors.reason ? 'error' : 'none'} validationMessage={c.errors.reason}>
        <Textarea rows={3} resize="vertical" maxLength={500} value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}

/** A question without fields (lift a restriction, record the archive's refusal, reject a request). */
export function ConfirmDialog({
  title,
  intro,
  submitLabel,
  busyLabel,
  run,
  onCancel,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  busyLabel: string;
  run: () => Promise<void>;
  onCancel: () => void;
}) {
  const c = useDialogCall();
  return (
    <FormDialog modalType="alert" title={title} intro={intro} alert={c.alert} busy={c.busy} busyLabel={busyLabel} submitLabel={submitLabel} onSubmit={() => c.run(run)} onCancel={onCancel}>
      {null}
    </FormDialog>
  );
}

/** Datenschutz builds the archive package under a passphrase for the archive, typed twice. */
export function ArchiveExportDialog({ request, fileLabel, onDone, onCancel }: { request: DeletionRequestView; fileLabel: string; onDone: Done; onCancel: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const c = useDialogCall();
  const submit = async () => {
    const errors: Record<string, string> = {};
    if (passphrase.length < 16) errors.packagePassphrase = t('retention.archiveDialog.tooShort');
    else if (passphrase !== repeat) errors.repeat = t('retention.archiveDialog.mismatch');
    c.setErrors(errors);
    if (Object.keys(errors).length) return;
    await c.run(async () => {
      const pkg = await call('deletions.exportArchive', { id: request.id, packagePassphrase: passphrase });
      // The download guard lets exactly this name through.
      downloadFile(pkg.fileName, pkg.packageBase64, 'application/octet-stream');
      setPassphrase('');
      setRepeat('');
      onDone(t('retention.archiveDialog.done', { fileName: pkg.fileName, sha: pkg.sha256.slice(0, 16) }));
    });
  };
  return (
    <FormDialog
      title={t('retention.archiveDialog.title')}
      intro={`${fileLabel}. ${t('retention.archiveDialog.intro')}`}
      alert={c.alert}
      busy={c.busy}
      busyLabel={t('retention.archiveDialog.working')}
      submitLabel={t('retention.archiveDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field
        label={t('retention.archiveDialog.passphrase')}
        hint={t('retention.archiveDialog.passphraseHint')}
        required
        validationState={c.errors.packagePassphrase ? 'error' : 'none'}
        validationMessage={c.errors.packagePassphrase}
      >
        <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
      </Field>
      <Field label={t('retention.archiveDialog.repeat')} required validationState={c.errors.repeat ? 'error' : 'none'} validationMessage={c.errors.repeat}>
        <Input type="password" autoComplete="new-password" value={repeat} onChange={(_, d) => setRepeat(d.value)} />
      </Field>
    </FormDialog>
  );
}
