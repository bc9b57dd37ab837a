import { Field, Input } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AccountSummary } from '../../api/core';
import { passphraseProblem, usePassphraseAssessment } from '../passphrase-assessment';
import { PassphraseStrengthMeter } from '../PassphraseStrengthMeter';
import { FormDialog } from '../FormDialog';
import { ConfirmPassphraseField } from './ConfirmPassphraseField';
import { useAdminAction } from './use-admin-action';

/**
 * Sets a new passphrase for a colleague (forgotten, or after re-enabling). The strength rules are the core's own
 * (same policy module), judged against the account's login, name and office as the core does.
 */
export function AccountResetDialog({
  account,
  onDone,
  onCancel,
  onOutdated,
}: {
  account: AccountSummary;
  onDone: (updated: AccountSummary) => void;
  onCancel: () => void;
  onOutdated: () => void;
}) {
  const { t } = useTranslation();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const nextRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const action = useAdminAction(onOutdated);
  const refs = { next: nextRef };

  const userInputs = useMemo(() => [account.login, account.displayName, account.office], [account]);
  const assessment = usePassphraseAssessment(next, userInputs);
  const problem = passphraseProblem(assessment);
  const nextError = problem ? t(problem.key, { minimum: problem.minimum }) : undefined;
  const repeatError = !repeat ? t('validation.required') : repeat !== next ? t('validation.passphraseMismatch') : undefined;

  const submit = async () => {
    if (action.blocked([[nextRef, nextError], [repeatRef, repeatError], [action.confirmRef, action.confirmError]])) return;
    const updated = await action.run((confirmPassphrase) => call('accounts.resetPassphrase', { id: account.id, newPassphrase: next, confirmPassphrase }), refs);
    if (updated) onDone(updated);
  };

  const shownNext = action.shown('next', nextError);
  const shownRepeat = action.shown(null, repeatError);
  return (
    <FormDialog
      title={t('accountAdmin.resetDialog.title', { login: account.login })}
      intro={t('accountAdmin.resetDialog.intro', { name: account.displayName })}
      alert={action.alert}
      busy={action.busy}
      busyLabel={t('accountAdmin.working')}
      submitLabel={t('accountAdmin.resetDialog.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field
        label={t('accountAdmin.resetDialog.next')}
        hint={t('accountAdmin.resetDialog.nextHint')}
        required
        validationState={shownNext ? 'error' : 'none'}
        validationMessage={shownNext}
      >
        <Input
          ref={nextRef}
          type="password"
          name="newPassphrase"
          autoComplete="new-password"
          value={next}
          onChange={(_, d) => {
            setNext(d.value);
            action.clearServerError('next');
          }}
        />
      </Field>
      <PassphraseStrengthMeter assessment={assessment} id="reset-strength" />
      <Field label={t('accountAdmin.resetDialog.repeat')} required validationState={shownRepeat ? 'error' : 'none'} validationMessage={shownRepeat}>
        <Input ref={repeatRef} type="password" name="repeat" autoComplete="new-password" value={repeat} onChange={(_, d) => setRepeat(d.value)} />
      </Field>
      <ConfirmPassphraseField
        value={action.confirm}
        error={action.shown('confirm', action.confirmError)}
        onChange={action.setConfirm}
        inputRef={action.confirmRef}
      />
    </FormDialog>
  );
}
