import { Field, Input, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { HANDOVER_REASONS, type HandoverOffice, type HandoverReason, type OutputOf } from '../../api/core';
import { deletePassphraseErrorText, errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { CodeSelect } from '../CodeSelect';
import { FormDialog } from '../FormDialog';

type Preparation = OutputOf<'handovers.prepare'>;
type ConsentOption = Preparation['offices'][number]['consents'][number];

const useStyles = makeStyles({
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * Handing the file to another of our offices: the office (only those with a workstation in the sync network), the
 * consent it relies on (each says what of the file it does not release), the reason, and the user's passphrase
 * (the step cannot be undone from here). Core checks all of it again.
 */
export function HandoverDialog({ clientId, onSent, onCancel }: { clientId: string; onSent: (office: HandoverOffice) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const prep = useLoad(() => call('handovers.prepare', { clientId }), [clientId]);
  const [office, setOffice] = useState<HandoverOffice | ''>('');
  const [consentId, setConsentId] = useState('');
  const [reason, setReason] = useState<HandoverReason | ''>('moved');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ office?: string; consent?: string; reason?: string; passphrase?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const p = prep.data;
  const categories = (list: readonly string[]) => list.map((c) => t(`dataCategories.${c}`)).join(', ');
  const chosen = p?.offices.find((o) => o.office === office);
  const consentLabel = (c: ConsentOption) =>
    `${t('handovers.dialog.consentOption', { from: formatIsoDay(c.validFrom), until: c.validUntil ? t('handovers.dialog.consentUntil', { date: formatIsoDay(c.validUntil) }) : '' })}: ${
      c.missing.length ? t('handovers.dialog.consentMissing', { categories: categories(c.missing) }) : t('handovers.dialog.consentCovers')
    }`;

  const submit = async () => {
    const usable = chosen?.consents.find((c) => c.id === consentId && !c.missing.length);
    const next = {
      office: chosen?.inNetwork ? undefined : t('handovers.dialog.chooseOffice'),
      consent: chosen && !usable ? t('handovers.dialog.chooseConsent') : undefined,
      reason: reason ? undefined : t('validation.required'),
      passphrase: passphrase ? undefined : t('validation.required'),
    };
    setErrors(next);
    if (next.office || next.consent || next.reason || next.passphrase || !office || !reason) return;
    setBusy(true);
    setAlert(null);
    try {
      await call('handovers.send', { clientId, toOffice: office, consentId, reason, passphrase });
      setPassphrase('');
      onSent(office);
    } catch (e) {
      setPassphrase('');
      const problem = deletePassphraseErrorText(t, e);
      if (problem) setErrors({ passphrase: problem });
      else setAlert(errorText(t, e));
      setBusy(false);
    }
  };

  const cancel = () => {
    setPassphrase('');
    onCancel();
  };

  return (
    <FormDialog
      modalType="alert"
      title={t('handovers.dialog.title')}
      intro={t('handovers.dialog.intro')}
      alert={alert ?? (prep.error ? errorText(t, prep.error) : p && !p.networkJoined ? t('handovers.dialog.noNetwork') : null)}
      busy={busy}
      busyLabel={t('handovers.dialog.working')}
      submitLabel={t('handovers.dialog.confirm')}
      onSubmit={submit}
      onCancel={cancel}
    >
      {!p && !prep.error ? <Spinner size="small" label={t('handovers.dialog.loading')} /> : null}
      {p && p.networkJoined ? (
        <>
          <p className={styles.note}>{t('handovers.dialog.held', { categories: categories(p.heldCategories) })}</p>
          <Field label={t('handovers.dialog.office')} required validationMessage={errors.office} validationState={errors.office ? 'error' : 'none'}>
            <RadioGroup
              value={office}
              onChange={(_, d) => {
                setOffice(d.value as HandoverOffice);
                const first = p.offices.find((o) => o.office === d.value)?.consents.find((c) => !c.missing.length);
                setConsentId(first?.id ?? '');
              }}
            >
              {p.offices.map((o) => (
                <Radio key={o.office} value={o.office} disabled={!o.inNetwork} label={o.inNetwork ? t(`offices.${o.office}`) : t('handovers.dialog.notInNetwork', { office: t(`offices.${o.office}`) })} />
              ))}
            </RadioGroup>
          </Field>
          {chosen && chosen.consents.length === 0 ? (
            <p className={styles.note} role="status">
              {t('handovers.dialog.noConsent', { office: t(`offices.${chosen.office}`), categories: categories(p.heldCategories) })}
            </p>
          ) : null}
          {chosen && chosen.consents.length > 0 ? (
            <Field label={t('handovers.dialog.consent')} required validationMessage={errors.consent} validationState={errors.consent ? 'error' : 'none'}>
              <RadioGroup value={consentId} onChange={(_, d) => setConsentId(d.value)}>
                {chosen.consents.map((c) => (
                  <Radio key={c.id} value={c.id} disabled={c.missing.length > 0} label={consentLabel(c)} />
                ))}
              </RadioGroup>
            </Field>
          ) : null}
          <Field label={t('handovers.dialog.reason')} required validationMessage={errors.reason} validationState={errors.reason ? 'error' : 'none'}>
            <CodeSelect codes={HANDOVER_REASONS} value={reason} onChange={setReason} emptyLabel={t('handovers.dialog.choose')} label={(r) => t(`handovers.reasons.${r}`)} />
          </Field>
          <Field label={t('handovers.dialog.passphrase')} required validationMessage={errors.passphrase} validationState={errors.passphrase ? 'error' : 'none'}>
            <Input type="password" autoComplete="current-password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
          </Field>
        </>
      ) : null}
    </FormDialog>
  );
}
