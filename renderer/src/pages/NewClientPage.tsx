import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error';
import type { SearchHit } from '../api/case-types';
import { call } from '../api/client';
import type { SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { issueText } from '../api/validation-text';
import { hrefs, navigate } from '../app/routes';
import { flatDraft, useDraft } from '../app/use-draft';
import {
  CLIENT_FIELD_ORDER,
  EMPTY_CLIENT_FORM,
  FIELD_MESSAGES,
  clientFormErrors,
  fieldOfIssuePath,
  fromDraft,
  toClientInput,
  toDraft,
  withoutErrorsFor,
  type ClientFieldName,
  type ClientFormValues,
} from '../components/clients/client-form-model';
import { ClientFields } from '../components/clients/ClientFields';
import { DuplicateDialog } from '../components/clients/DuplicateDialog';
import { FormAlert, StatusNotice } from '../components/FormAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatTime } from '../format/date';

const useStyles = makeStyles({
  page: { maxWidth: '1000px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export const NEW_CLIENT_FORM_ID = 'clients.new';

/**
 * "Neue Klient:in": master data, then a duplicate check before anything is saved; the input is kept as a draft across
 * an auto-lock.
 */
export function NewClientPage({ user }: { user: SessionUser }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState<ClientFormValues>(EMPTY_CLIENT_FORM);
  const draftValues = useMemo(() => toDraft(values), [values]);
  const draft = useDraft(NEW_CLIENT_FORM_ID, flatDraft(draftValues, (d) => setValues(fromDraft(d))));
  const restoredAt = draft.restored?.savedAt ?? null;
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ClientFieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<SearchHit[]>([]);
  const refs = useRef<Partial<Record<ClientFieldName, HTMLElement | null>>>({});

  const clientErrors = clientFormErrors(t, values);
  const errors: Partial<Record<ClientFieldName, string>> = {};
  for (const f of CLIENT_FIELD_ORDER) {
    const message = serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
    if (message) errors[f] = message;
  }

  const create = async () => {
    setDuplicates([]);
    setBusy(true);
    try {
      const created = await call('clients.create', { ...toClientInput(values), office: user.office });
      await draft.discard().catch(() => undefined);
      navigate(hrefs.client(created.id));
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'validation.invalid') {
        const mapped: Partial<Record<ClientFieldName, string>> = {};
        for (const issue of e.issues) {
          const f = fieldOfIssuePath(issue.path);
          const override = f ? FIELD_MESSAGES[f] : undefined;
          if (f) mapped[f] ??= override ? t(override) : issueText(t, issue);
        }
        setServerErrors(mapped);
        const first = CLIENT_FIELD_ORDER.find((f) => mapped[f]);
        if (first) refs.current[first]?.focus();
      }
      setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAlert(null);
    const first = CLIENT_FIELD_ORDER.find((f) => clientErrors[f]);
    if (first) {
      setAlert(t('errors.validation.invalid'));
      refs.current[first]?.focus();
      return;
    }
    setBusy(true);
    try {
      const input = toClientInput(values);
      const hits = await call('clients.checkDuplicates', { familyName: input.familyName, givenNames: input.givenNames, birthDate: input.birthDate });
      setBusy(false);
      if (hits.length > 0) setDuplicates(hits);
      else await create();
    } catch (error) {
      setBusy(false);
      setAlert(errorText(t, error));
    }
  };

  const cancel = () => {
    void draft.discard().catch(() => undefined);
    navigate(hrefs.clients);
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t('clientForm.newTitle')} lead={t('clientForm.newLead', { office: t(`offices.${user.office}`) })} />
      <StatusNotice
        intent="info"
        title={restoredAt ? t('drafts.restored') : undefined}
        message={restoredAt ? t('drafts.restoredAt', { date: formatDate(restoredAt), time: formatTime(restoredAt) }) : null}
      />
      <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy} aria-label={t('clientForm.newTitle')}>
        <FormAlert message={alert} />
        <ClientFields
          idPrefix="new-client"
          values={values}
          errors={errors}
          refs={refs}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
            setServerErrors((e) => withoutErrorsFor(e, patch));
          }}
        />
        <div className={styles.actions}>
          {busy ? <Spinner size="tiny" label={t('clientForm.checking')} /> : null}
          <Button type="button" onClick={cancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {t('clientForm.create')}
          </Button>
        </div>
      </form>
      <DuplicateDialog hits={duplicates} onClose={() => setDuplicates([])} onCreateAnyway={() => void create()} />
    </div>
  );
}
