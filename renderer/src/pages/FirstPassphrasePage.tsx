import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toApiError } from '../api/api-error';
import { call } from '../api/client';
import { changePassphraseInput, type SessionUser } from '../api/core';
import { errorText } from '../api/error-text';
import { lockNow } from '../app/lock-coordinator';
import { CenteredShell } from '../components/CenteredShell';
import { FormAlert } from '../components/FormAlert';
import { repeatMatches, useNewPassphraseSchema, usePassphraseAssessment } from '../components/passphrase-assessment';
import { formatDate, formatTime } from '../format/date';
import { TextField } from '../forms/fields';
import { NewPassphraseFields } from '../forms/new-passphrase-fields';
import { applyServerIssues, useSchemaForm } from '../forms/use-schema-form';

const useStyles = makeStyles({
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  text: { margin: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const EMPTY = { currentPassphrase: '', newPassphrase: '', repeat: '' };

interface Props {
  user: SessionUser & { passphraseChange: NonNullable<SessionUser['passphraseChange']> };
  onChanged: () => void;
}

/**
 * The first screen after signing in with a passphrase IT set: who set it and when, and the form to choose one's
 * own. The core refuses every data method until then, so nothing else of the app is loaded here.
 */
export function FirstPassphrasePage({ user, onChanged }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const notice = user.passphraseChange;
  const userInputs = useMemo(() => [user.login, user.displayName, user.office], [user]);
  const newPassphrase = useNewPassphraseSchema(userInputs);
  const schema = useMemo(
    () =>
      repeatMatches(
        changePassphraseInput.extend({ newPassphrase, repeat: z.string().min(1) }).superRefine((v, ctx) => {
          if (v.newPassphrase && v.newPassphrase === v.currentPassphrase)
            ctx.addIssue({ code: 'custom', path: ['newPassphrase'], input: v.newPassphrase, params: { key: 'firstPassphrase.sameAsOneTime' } });
        }),
      ),
    [newPassphrase],
  );
  const form = useSchemaForm(schema, EMPTY);
  const [alert, setAlert] = useState<string | null>(null);
  const assessment = usePassphraseAssessment(form.watch('newPassphrase'), userInputs);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = form.handleSubmit(async ({ currentPassphrase, newPassphrase: next }) => {
    setAlert(null);
    try {
      await call('session.changePassphrase', { currentPassphrase, newPassphrase: next });
      form.reset(EMPTY);
      onChanged();
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'passphrase.wrongCurrent') {
        form.setValue('currentPassphrase', '');
        form.setError('currentPassphrase', { type: 'server', message: errorText(t, e) });
      } else if (e.code === 'passphrase.tooWeak') {
        form.setError('newPassphrase', { type: 'server', message: t('validation.passphraseTooWeak') });
      } else if (e.code === 'passphrase.reused') {
        form.setError('newPassphrase', { type: 'server', message: errorText(t, e) });
      } else {
        applyServerIssues(t, form, e, { currentPassphrase: 'currentPassphrase', newPassphrase: 'newPassphrase' });
        setAlert(errorText(t, e));
      }
    }
  });

  const when = { date: formatDate(notice.setAt), time: formatTime(notice.setAt), by: notice.setBy };
  return (
    <CenteredShell width={560}>
      <h1 className={styles.h1} ref={headingRef} tabIndex={-1}>
        {t('firstPassphrase.title')}
      </h1>
      <form className={styles.form} onSubmit={submit} noValidate aria-busy={form.formState.isSubmitting}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(notice.kind === 'create' ? 'firstPassphrase.createdTitle' : 'firstPassphrase.resetTitle')}</MessageBarTitle>
            {t(notice.kind === 'create' ? 'firstPassphrase.created' : 'firstPassphrase.reset', when)}{' '}
            {notice.approvedBy ? t('firstPassphrase.approvedBy', { name: notice.approvedBy }) : t('firstPassphrase.notApproved')}
          </MessageBarBody>
        </MessageBar>
        <p className={styles.text}>{t('firstPassphrase.intro')}</p>
        <p className={styles.text}>{t('firstPassphrase.notYou')}</p>
        <FormAlert message={alert} />
        <TextField control={form.control} name="currentPassphrase" label={t('firstPassphrase.current')} required type="password" autoComplete="current-password" />
        <NewPassphraseFields
          control={form.control}
          assessment={assessment}
          meterId="first-passphrase-strength"
          labels={{ next: t('firstPassphrase.next'), hint: t('changePassphrase.nextHint'), repeat: t('firstPassphrase.repeat') }}
        />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={form.formState.isSubmitting}>
            {t('firstPassphrase.submit')}
          </Button>
          <Button type="button" onClick={() => void lockNow('user')}>
            {t('firstPassphrase.lock')}
          </Button>
          {form.formState.isSubmitting ? <Spinner size="tiny" label={t('firstPassphrase.submitting')} /> : null}
        </div>
      </form>
    </CenteredShell>
  );
}
