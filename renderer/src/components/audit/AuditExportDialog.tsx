import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { call } from '../../api/client';
import { auditExportInput, type OutputOf } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useSchemaForm } from '../../forms/use-schema-form';
import { ConfirmPassphraseField } from '../accounts/ConfirmPassphraseField';
import { FormDialog } from '../FormDialog';
import { downloadBlob } from '../download-file';
import type { AuditFilterValues } from './audit-labels';

type AuditExport = OutputOf<'audit.exportCsv'>;

/** The field of the contract's export input; the filters come from the page. */
const schema = auditExportInput.pick({ confirmPassphrase: true });

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
  const form = useSchemaForm(schema, { confirmPassphrase: '' });
  const [alert, setAlert] = useState<string | null>(null);

  const submit = form.handleSubmit(async ({ confirmPassphrase }) => {
    setAlert(null);
    try {
      const file = await call('audit.exportCsv', { ...filters, confirmPassphrase });
      downloadBlob(file.fileName, new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
      onDone(file);
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'passphrase.wrongCurrent' || e.code === 'unlock.throttled') {
        form.setValue('confirmPassphrase', '');
        const wait = e.retryAfterSeconds;
        const text = e.code === 'unlock.throttled' ? errorText(t, e) : t('auditView.export.wrongPassphrase');
        form.setError('confirmPassphrase', {
          type: 'server',
          message: wait && e.code !== 'unlock.throttled' ? `${text} ${t('errors.unlock.throttled', { count: wait })}` : text,
        });
      } else setAlert(errorText(t, e));
    }
  });

  return (
    <FormDialog
      title={t('auditView.export.title')}
      intro={t('auditView.export.intro', { count: total })}
      alert={alert}
      busy={form.formState.isSubmitting}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('auditView.export.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ConfirmPassphraseField control={form.control} label={t('auditView.export.passphrase')} />
    </FormDialog>
  );
}
