import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { FormAlert } from '../FormAlert';
import { actionLabel, AUDIT_ACTIONS, type AuditFilterValues } from './audit-labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  fields: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, alignItems: 'flex-start' },
  select: { width: '260px' },
  date: { width: '170px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** User, period and action; applied together with "Filter anwenden" (dates are checked first). */
export function AuditFilters({ applied, onApply }: { applied: AuditFilterValues; onApply: (filters: AuditFilterValues) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const users = useLoad(() => call('audit.users', {}), []);
  const [actorId, setActorId] = useState(applied.actorId ?? '');
  const [action, setAction] = useState(applied.action ?? '');
  const [from, setFrom] = useState(applied.from ? germanFromIso(applied.from) : '');
  const [until, setUntil] = useState(applied.to ? germanFromIso(applied.to) : '');
  const [submitted, setSubmitted] = useState(false);

  const fromIso = isoFromGerman(from);
  const untilIso = isoFromGerman(until);
  const fromError = fromIso === null ? t('dates.invalid') : null;
  const untilError =
    untilIso === null ? t('dates.invalid') : fromIso && untilIso && untilIso < fromIso ? t('validation.untilBeforeFrom') : null;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (fromError || untilError) return;
    onApply({ actorId: actorId || undefined, action: action || undefined, from: fromIso || undefined, to: untilIso || undefined });
  };

  const reset = () => {
    setActorId('');
    setAction('');
    setFrom('');
    setUntil('');
    setSubmitted(false);
    onApply({});
  };

  return (
    <form className={styles.form} onSubmit={apply} noValidate aria-labelledby="audit-filters-title">
      <h3 id="audit-filters-title" className={styles.heading}>
        {t('auditView.filters.title')}
      </h3>
      <FormAlert message={users.error ? errorText(t, users.error) : null} />
      <div className={styles.fields}>
        <Field className={styles.select} label={t('auditView.filters.user')}>
          <Select name="actorId" value={actorId} onChange={(_, d) => setActorId(d.value)}>
            <option value="">{t('auditView.filters.anyUser')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {t(u.active ? 'auditView.filters.userOption' : 'auditView.filters.disabledUser', { name: u.displayName, login: u.login })}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.select} label={t('auditView.filters.action')}>
          <Select name="action" value={action} onChange={(_, d) => setAction(d.value)}>
            <option value="">{t('auditView.filters.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)}
              </option>
            ))}
          </Select>
        </Field>
        <DateField className={styles.date} label={t('auditView.filters.from')} value={from} onChange={setFrom} error={submitted ? fromError : null} />
        <DateField className={styles.date} label={t('auditView.filters.until')} value={until} onChange={setUntil} error={submitted ? untilError : null} />
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {t('auditView.filters.apply')}
        </Button>
        <Button type="button" onClick={reset}>
          {t('auditView.filters.reset')}
        </Button>
      </div>
    </form>
  );
}
