import { Field, Select, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { OutputOf, SessionUser } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { FormDialog } from '../FormDialog';

type HandoverView = OutputOf<'handovers.list'>[number];

/** Taking a handed-over file over: its open cases and Wiedervorlagen go to the chosen case manager (the caller by default). */
export function AcceptHandoverDialog({ handover, user, onAccepted, onCancel }: { handover: HandoverView; user: SessionUser; onAccepted: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const managers = useLoad(() => call('accounts.caseManagers', {}), []);
  // Until the user picks one: the caller if a case manager here, else the first.
  const [picked, setPicked] = useState('');
  const managerId = picked || (managers.data?.find((m) => m.id === user.id)?.id ?? managers.data?.[0]?.id ?? '');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!managerId) return;
    setBusy(true);
    setAlert(null);
    try {
      await call('handovers.accept', { id: handover.id, caseManagerId: managerId });
      onAccepted();
    } catch (e) {
      setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('handovers.acceptDialog.title')}
      intro={t('handovers.acceptDialog.intro')}
      alert={alert ?? (managers.error ? errorText(t, managers.error) : null)}
      busy={busy}
      busyLabel={t('handovers.acceptDialog.working')}
      submitLabel={t('handovers.acceptDialog.confirm')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {managers.data ? (
        <Field label={t('handovers.acceptDialog.caseManager')} required>
          <Select value={managerId} onChange={(_, d) => setPicked(d.value)}>
            {managers.data.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Spinner size="small" label={t('handovers.acceptDialog.loading')} />
      )}
    </FormDialog>
  );
}
