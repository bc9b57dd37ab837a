import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import type { ClientDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { issueText } from '../../api/validation-text';
import { useDraft } from '../../app/use-draft';
import { formatDate, formatTime } from '../../format/date';
import { FormAlert, StatusNotice } from '../FormAlert';
import {
  CLIENT_FIELD_ORDER,
  FIELD_MESSAGES,
  clientFormErrors,
  fieldOfIssuePath,
  fromClientDetail,
  fromMasterDraft,
  masterDraftFormId,
  sameFormValues,
  toClientInput,
  toMasterDraft,
  withoutErrorsFor,
  type ClientFieldName,
  type ClientFormValues,
  type MasterDraft,
} from './client-form-model';
import { ClientFields } from './ClientFields';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The stored record as the form shows it, with the version it has. */
interface Stored {
  values: ClientFormValues;
  version: number;
}

const storedOf = (c: ClientDetail): Stored => ({ values: fromClientDetail(c), version: c.version });

/**
 * Stammdaten with optimistic concurrency: the save carries the version that was loaded. When someone else saved in
 * between, the core refuses; the current record is shown, and the user's own input stays available to re-apply.
 * Unsaved edits survive an auto-lock as a draft of this client, together with their version, so a draft made on an
 * older state meets the same check instead of overwriting.
 */
export function MasterDataSection({ client, onSaved }: { client: ClientDetail; onSaved: (c: ClientDetail) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [stored, setStored] = useState<Stored>(() => storedOf(client));
  const [values, setValues] = useState<ClientFormValues>(stored.values);
  const [version, setVersion] = useState(client.version);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ClientFieldName, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The user's input after a refused save, with the version it was made on. */
  const [mine, setMine] = useState<MasterDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<ClientFieldName, HTMLElement | null>>>({});

  const dirty = !sameFormValues(values, stored.values);
  // Unlike a new-record form, the editor is never empty: it keeps a draft only while its input differs from the
  // stored record, with the version the edit started from, so the save still meets the version check.
  const draft = useDraft(masterDraftFormId(client.id), {
    pending: () => {
      const edit = mine ?? (dirty ? { values, baseVersion: version } : null);
      return edit ? toMasterDraft(edit) : null;
    },
    restore: (data) => {
      const d = fromMasterDraft(data, stored.values);
      if (!d) return null;
      setValues(d.values);
      setVersion(d.baseVersion);
      return { baseVersion: d.baseVersion };
    },
  });

  const clientErrors = clientFormErrors(t, values);
  const errors: Partial<Record<ClientFieldName, string>> = {};
  for (const f of CLIENT_FIELD_ORDER) {
    const m = serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
    if (m) errors[f] = m;
  }

  const showStored = (c: ClientDetail) => {
    const next = storedOf(c);
    setStored(next);
    setValues(next.values);
    setVersion(next.version);
  };

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
      showStored(saved);
      setSubmitted(false);
      setMine(null);
      setNotice(t('clientFile.saved'));
      onSaved(saved);
      await draft.discard().catch(() => undefined);
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'record.staleVersion') {
        // Nothing was written. Show what is stored now, and keep the user's input one click away.
        setMine({ values, baseVersion: version });
        try {
          const current = await call('clients.get', { id: client.id });
          showStored(current);
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

  /** Back to the stored record; the kept draft goes too. */
  const discardChanges = () => {
    setValues(stored.values);
    setVersion(stored.version);
    setMine(null);
    setSubmitted(false);
    setServerErrors({});
    setAlert(null);
    setNotice(t('clientFile.discarded'));
    void draft.discard().catch(() => undefined);
  };

  const restored = draft.restored;
  const restoredMessage = restored
    ? [
        t('drafts.restoredAt', { date: formatDate(restored.savedAt), time: formatTime(restored.savedAt) }),
        // Still on the older version: the save will meet the version check (and the conflict view).
        version !== stored.version ? t('clientFile.draftStale') : '',
      ]
        .filter(Boolean)
        .join(' ')
    : null;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="master-title">
      <h2 id="master-title" className={styles.h2}>
        {t('clientFile.tabs.master')}
      </h2>
      <StatusNotice intent="info" title={restored ? t('drafts.restored') : undefined} message={restoredMessage} />
      <FormAlert message={alert} title={mine ? t('clientFile.conflictTitle') : undefined} />
      {mine ? (
        <div>
          <Button
            onClick={() => {
              setValues(mine.values);
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
        <Button type="button" onClick={discardChanges} disabled={busy || (!dirty && !mine && !restored)}>
          {t('clientFile.discard')}
        </Button>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('clientFile.save')}
        </Button>
      </div>
    </form>
  );
}
