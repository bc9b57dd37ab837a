import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import type { OutputOf } from '../../api/core';
import { errorText } from '../../api/error-text';
import { ConfirmPassphraseField } from '../accounts/ConfirmPassphraseField';
import { FormDialog } from '../FormDialog';
import type { AuditFilterValues } from './audit-labels';

type AuditExport = OutputOf<'audit.exportCsv'>;

/** Hands the CSV to the browser/Electron as a download; the object URL is released once the click is handled. */
function download(file: AuditExport): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The filtered trail as CSV, after the officer re-enters the passphrase (the core checks it and audits the export). */
export function AuditExportDialog({
  filters,
  total,
  onDone,
  onCancel,
}: {
  filters: AuditFilterValues & { entityId?: string };
  total: number;
  onDone: (file: AuditExport) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const clientError = passphrase ? null : t('validation.required');
  const submit = async () => {
    setSubmitted(true);
    setAlert(null);
    if (clientError) return inputRef.current?.focus();
    setBusy(true);
    try {
      const file = await call('audit.exportCsv', { ...filters, confirmPassphrase: passphrase });
      setBusy(false);
      download(file);
      onDone(file);
    } catch (error) {
      setBusy(false);
      const e = toApiError(error);
      if (e.code === 'passphrase.wrongCurrent' || e.code === 'unlock.throttled') {
        setPassphrase('');
        const wait = e.retryAfterSeconds;
        const text = e.code === 'unlock.throttled' ? errorText(t, e) : t('auditView.export.wrongPassphrase');
        setFieldError(wait && e.code !== 'unlock.throttled' ? `${text} ${t('errors.unlock.throttled', { count: wait })}` : text);
        inputRef.current?.focus();
      } else setAlert(errorText(t, e));
    }
  };

  return (
    <FormDialog
      title={t('auditView.export.title')}
      intro={t('auditView.export.intro', { count: total })}
      alert={alert}
      busy={busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('auditView.export.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ConfirmPassphraseField
        label={t('auditView.export.passphrase')}
        value={passphrase}
        error={fieldError ?? (submitted ? clientError : null)}
        onChange={(v) => {
          setPassphrase(v);
          setFieldError(null);
        }}
        inputRef={inputRef}
      />
    </FormDialog>
  );
}
