import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import type { ClientDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { issueText } from '../../api/validation-text';
import { FormAlert, StatusNotice } from '../FormAlert';
import {
  CLIENT_FIELD_ORDER,
  FIELD_MESSAGES,
  clientFormErrors,
  fieldOfIssuePath,
  fromClientDetail,
  toClientInput,
  withoutErrorsFor,
  type ClientFieldName,
  type ClientFormValues,
} from './client-form-model';
import { ClientFields } from './ClientFields';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/**
 * Stammdaten with optimistic concurrency: the save carries the version that was loaded. When someone else saved in
 * between, the core refuses; the current record is shown, and the user's own input stays available to re-apply.
 */
export function MasterDataSection({ client, onSaved }: { client: ClientDetail; onSaved: (c: ClientDetail) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState<ClientFormValues>(() => fromClientDetail(client));
  const [version, setVersion] = useState(client.version);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ClientFieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mine, setMine] = useState<ClientFormValues | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<ClientFieldName, HTMLElement | null>>>({});

  const clientErrors = clientFormErrors(t, values);
  const errors: Partial<Record<ClientFieldName, string>> = {};
  for (const f of CLIENT_FIELD_ORDER) {
    const m = serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
    if (m) errors[f] = m;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setAlert(null);
    setNotice(null);
    const first = CLIENT_FIELD_ORDER.find((f) => clientErrors[f]);
    if (first) {
      setAlert(t('errors.validation.invalid'));
      return refs.current[first]?.focus();
    }
    setBusy(true);
    try {
      const saved = await call('clients.update', { ...toClientInput(values), id: client.id, version });
      setVersion(saved.version);
      setValues(fromClientDetail(saved));
      setSubmitted(false);
      setMine(null);
      setNotice(t('clientFile.saved'));
      onSaved(saved);
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'record.staleVersion') {
        // Nothing was written. Show what is stored now, and keep the user's input one click away.
        setMine(values);
        try {
          const current = await call('clients.get', { id: client.id });
          setValues(fromClientDetail(current));
          setVersion(current.version);
          onSaved(current);
        } catch {
          // The conflict message below still tells the user what happened.
        }
        setAlert(t('clientFile.conflict'));
      } else if (e.code === 'validation.invalid') {
        const mapped: Partial<Record<ClientFieldName, string>> = {};
        for (const issue of e.issues) {
          const f = fieldOfIssuePath(issue.path);
          const override = f ? FIELD_MESSAGES[f] : undefined;
          if (f) mapped[f] ??= override ? t(override) : issueText(t, issue);
        }
        setServerErrors(mapped);
        setAlert(errorText(t, e));
      } else setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="master-title">
      <h2 id="master-title" className={styles.h2}>
        {t('clientFile.tabs.master')}
      </h2>
      <FormAlert message={alert} title={mine ? t('clientFile.conflictTitle') : undefined} />
      {mine ? (
        <div>
          <Button
            onClick={() => {
              setValues(mine);
              setMine(null);
              setAlert(null);
            }}
          >
            {t('clientFile.reapply')}
          </Button>
        </div>
      ) : null}
      <StatusNotice message={notice} />
      <ClientFields
        idPrefix="master"
        values={values}
        errors={errors}
        refs={refs}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
          setNotice(null);
          setServerErrors((e) => withoutErrorsFor(e, patch));
        }}
      />
      <div className={styles.actions}>
        {busy ? <Spinner size="tiny" label={t('common.saving')} /> : null}
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('clientFile.save')}
        </Button>
      </div>
    </form>
  );
}
