import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import type { CaseDetail, CaseManagerOption } from '../../api/case-types';
import { call } from '../../api/client';
import type { ConferenceView } from '../../api/conference-types';
import { LIFE_AREA_DATA_CATEGORY, LIFE_AREAS, type InputOf, type ValidationIssue } from '../../api/core';
import { errorText } from '../../api/error-text';
import { useDraft } from '../../app/use-draft';
import { useLoad } from '../../app/use-load';
import { formatDate, formatTime } from '../../format/date';
import { formatIsoDay } from '../../format/partial-date';
import { MAIN_LANGUAGES, languageName, sortedByName } from '../../format/world';
import { DateField, isoFromGerman } from '../DateField';
import { StatusNotice } from '../FormAlert';
import { FormDialog } from '../FormDialog';
import { ConfirmSameDayDialog } from './ConfirmSameDayDialog';
import { conferenceDraftId, fromDraft, toDraft } from './conference-draft';
import { initialValues, rowKey } from './conference-form';
import type { ActionRow, ConferenceFormValues, ParticipantRow } from './conference-values';
import { PartnerPicker } from './PartnerPicker';
import { ContactSelect, StaffPicker } from './ParticipantPickers';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  group: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalL, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'minmax(160px, 1fr) minmax(160px, 1fr) minmax(160px, 1fr) auto', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

type Props = {
  kase: CaseDetail;
  managers: CaseManagerOption[];
  /** The conference to change; null records a new one. */
  conference: ConferenceView | null;
  onClose: () => void;
  onSaved: (c: ConferenceView) => void;
};

type SaveInput = InputOf<'conferences.save'>;

/** Records or changes a case conference: who took part, the situation per life area, results, agreed actions, next date. */
export function ConferenceDialog({ kase, managers, conference, onClose, onSaved }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const initial = useMemo(() => initialValues(conference), [conference]);
  const [v, setV] = useState<ConferenceFormValues>(initial);
  // Input survives an auto-lock: kept as a draft while it differs from what the dialog opened with.
  const draft = useDraft(conferenceDraftId(kase.id, conference?.id ?? null), {
    pending: () => (JSON.stringify(v) === JSON.stringify(initial) ? null : toDraft(v)),
    restore: (data) => {
      const values = fromDraft(data, initial);
      if (values) setV(values);
      return values ? true : null;
    },
  });
  const [alert, setAlert] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<SaveInput | null>(null);
  const client = useLoad(() => call('clients.get', { id: kase.clientId }), [kase.clientId]);
  const consents = (client.data?.consents ?? []).filter((c) => c.status !== 'revoked' || c.id === v.consentId);
  const categories = kase.access.categories;
  const areas = LIFE_AREAS.filter((a) => categories.includes(LIFE_AREA_DATA_CATEGORY[a]));
  const mayWriteResults = categories.includes('conversation-notes');
  const set = <K extends keyof ConferenceFormValues>(key: K, value: ConferenceFormValues[K]) => setV((x) => ({ ...x, [key]: value }));
  const partners = v.participants.filter((p) => p.kind === 'partner');

  const addParticipant = (p: Omit<ParticipantRow, 'key' | 'contactId' | 'role'>) => {
    if (v.participants.some((x) => x.kind === p.kind && x.refId === p.refId)) return;
    set('participants', [...v.participants, { ...p, key: rowKey(), contactId: '', role: '' }]);
  };
  const updateParticipant = (key: string, change: Partial<ParticipantRow>) => set('participants', v.participants.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const updateAction = (key: string, change: Partial<ActionRow>) => set('actions', v.actions.map((a) => (a.key === key ? { ...a, ...change } : a)));

  /** The input for core, or null with the fields' errors shown. */
  const build = (): SaveInput | null => {
    const found: Record<string, string> = {};
    const heldOn = isoFromGerman(v.heldOn);
    if (!heldOn) found.heldOn = t('dates.invalid');
    const nextOn = v.nextOn.trim() ? isoFromGerman(v.nextOn) : null;
    if (v.nextOn.trim() && !nextOn) found.nextOn = t('dates.invalid');
    if (v.heldAt && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.heldAt)) found.heldAt = t('conferences.form.timeInvalid');
    if (v.interpreter && !v.interpreterLanguage) found.interpreterLanguage = t('validation.required');
    const actions = v.actions.map((a) => {
      const due = isoFromGerman(a.due);
      if (!a.who) found[`action-${a.key}-who`] = t('validation.required');
      if (!a.what.trim()) found[`action-${a.key}-what`] = t('validation.required');
      if (!due) found[`action-${a.key}-due`] = a.due.trim() ? t('dates.invalid') : t('validation.required');
      const [kind, id] = a.who.split(':') as ['staff' | 'partner', string];
      return { who: kind === 'staff' ? { kind, accountId: id } : { kind, partnerId: id }, what: a.what.trim(), dueDate: due ?? '', goalId: a.goalId || null };
    });
    setErrors(found);
    if (Object.keys(found).length || !heldOn) return null;
    return {
      ...(conference ? { id: conference.id, version: conference.version } : {}),
      caseId: kase.id,
      heldOn,
      heldAt: v.heldAt || null,
      clientPresent: v.clientPresent,
      participants: v.participants.map((p) =>
        p.kind === 'partner' ? { kind: 'partner', partnerId: p.refId, contactId: p.contactId || null, role: p.role } : { kind: 'staff', accountId: p.refId, role: p.role },
      ),
      interpreter: v.interpreter ? { language: v.interpreterLanguage, name: v.interpreterName } : null,
      consentId: v.consentId || null,
      situations: areas.filter((a) => v.situations[a]?.trim()).map((a) => ({ area: a, text: v.situations[a]!.trim() })),
      results: mayWriteResults ? v.results : null,
      actions,
      nextOn,
      nextTitle: t('conferences.nextTitle'),
    };
  };

  const send = async (input: SaveInput) => {
    setBusy(true);
    setAlert(null);
    try {
      const saved = await call('conferences.save', input);
      await draft.discard().catch(() => undefined);
      onSaved(saved);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'conference.sameDay') setConfirming(input);
      else if (error.code === 'validation.invalid') {
        const issues = (error.params.issues as ValidationIssue[] | undefined) ?? [];
        setAlert([t('conferences.form.invalid'), ...issues.map((i) => t(`conferences.issues.${i.code}`, { defaultValue: t('conferences.issues.other') }))].join(' '));
      } else setAlert(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const input = build();
    if (input) await send(input);
  };

  const language = i18n.language;
  const fieldError = (key: string) => (errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {});
  const whoOptions = [
    ...managers.map((m) => ({ value: `staff:${m.id}`, label: t('conferences.form.whoStaff', { name: m.displayName }) })),
    ...partners.map((p) => ({ value: `partner:${p.refId}`, label: t('conferences.form.whoPartner', { name: p.name }) })),
  ];

  return (
    <>
      <FormDialog
        title={conference ? t('conferences.form.editTitle', { date: formatIsoDay(conference.heldOn) }) : t('conferences.form.newTitle')}
        intro={t('conferences.form.intro')}
        alert={alert}
        busy={busy}
        busyLabel={t('conferences.form.saving')}
        submitLabel={t('conferences.form.save')}
        onSubmit={submit}
        onCancel={() => {
          void draft.discard().catch(() => undefined);
          onClose();
        }}
        surfaceClassName={styles.surface}
      >
        {draft.restored ? (
          <StatusNotice
            intent="info"
            title={t('drafts.restored')}
            message={t('drafts.restoredAt', { date: formatDate(draft.restored.savedAt), time: formatTime(draft.restored.savedAt) })}
          />
        ) : null}
        <div className={styles.row}>
          <DateField label={t('conferences.form.heldOn')} required value={v.heldOn} error={errors.heldOn} onChange={(x) => set('heldOn', x)} />
          <Field label={t('conferences.form.heldAt')} hint={t('conferences.form.heldAtHint')} {...fieldError('heldAt')}>
            <Input value={v.heldAt} maxLength={5} placeholder="10:30" onChange={(_, d) => set('heldAt', d.value)} />
          </Field>
          <Checkbox checked={v.clientPresent} onChange={(_, d) => set('clientPresent', d.checked === true)} label={t('conferences.form.clientPresent')} />
        </div>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('conferences.form.participants')}</legend>
          <PartnerPicker onPick={(p) => addParticipant({ kind: 'partner', refId: p.id, name: p.name })} />
          <div className={styles.row}>
            <StaffPicker managers={managers} onPick={(m) => addParticipant({ kind: 'staff', refId: m.id, name: m.displayName })} />
          </div>
          {v.participants.length === 0 ? <p className={styles.hint}>{t('conferences.form.noParticipants')}</p> : null}
          <ul className={styles.list} aria-label={t('conferences.form.participantList')}>
            {v.participants.map((p) => (
              <li key={p.key} className={styles.item}>
                <span>
                  <strong>{p.name}</strong>
                  <span className={styles.hint}> · {t(p.kind === 'partner' ? 'conferences.kind.partner' : 'conferences.kind.staff')}</span>
                </span>
                {p.kind === 'partner' ? <ContactSelect partnerId={p.refId} partnerName={p.name} value={p.contactId} onChange={(contactId) => updateParticipant(p.key, { contactId })} /> : <span />}
                <Field label={t('conferences.form.role', { name: p.name })}>
                  <Input value={p.role} maxLength={160} onChange={(_, d) => updateParticipant(p.key, { role: d.value })} />
                </Field>
                <Button
                  onClick={() => set('participants', v.participants.filter((x) => x.key !== p.key))}
                  aria-label={t('conferences.form.removeParticipant', { name: p.name })}
                >
                  {t('conferences.form.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('conferences.form.interpreterAndConsent')}</legend>
          <div className={styles.row}>
            <Checkbox checked={v.interpreter} onChange={(_, d) => set('interpreter', d.checked === true)} label={t('conferences.form.interpreter')} />
            {v.interpreter ? (
              <>
                <Field label={t('conferences.form.interpreterLanguage')} required {...fieldError('interpreterLanguage')}>
                  <Select value={v.interpreterLanguage} onChange={(_, d) => set('interpreterLanguage', d.value)}>
                    <option value="">{t('conferences.form.choose')}</option>
                    {sortedByName(MAIN_LANGUAGES, (c) => languageName(c, language), language).map((c) => (
                      <option key={c} value={c}>
                        {languageName(c, language)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('conferences.form.interpreterName')}>
                  <Input value={v.interpreterName} maxLength={120} onChange={(_, d) => set('interpreterName', d.value)} />
                </Field>
              </>
            ) : null}
          </div>
          <Field label={t('conferences.form.consent')} hint={t('conferences.form.consentHint')}>
            <Select value={v.consentId} onChange={(_, d) => set('consentId', d.value)}>
              <option value="">{t('conferences.form.noConsent')}</option>
              {consents.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('conferences.form.consentOption', { purpose: c.purpose, from: formatIsoDay(c.validFrom), parties: [...c.parties.map((o) => t(`offices.${o}`)), ...c.agencies].join(', ') })}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('conferences.form.situations')}</legend>
          {areas.map((a) => (
            <Field key={a} label={t(`lifeAreas.${a}`)}>
              <Textarea rows={2} resize="vertical" maxLength={4000} value={v.situations[a] ?? ''} onChange={(_, d) => set('situations', { ...v.situations, [a]: d.value })} />
            </Field>
          ))}
          {mayWriteResults ? (
            <Field label={t('conferences.form.results')}>
              <Textarea rows={4} resize="vertical" maxLength={20000} value={v.results} onChange={(_, d) => set('results', d.value)} />
            </Field>
          ) : null}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('conferences.form.actions')}</legend>
          <p className={styles.hint}>{t('conferences.form.actionsHint')}</p>
          {conference?.actions?.length ? (
            <ul className={styles.list} aria-label={t('conferences.form.agreedBefore')}>
              {conference.actions.map((a) => (
                <li key={a.id} className={styles.hint}>
                  {t('conferences.actionLine', { who: a.whoName, what: a.what, date: formatIsoDay(a.dueDate) })}
                </li>
              ))}
            </ul>
          ) : null}
          {v.actions.map((a, i) => (
            <div key={a.key} className={styles.item} role="group" aria-label={t('conferences.form.actionN', { n: i + 1 })}>
              <Field label={t('conferences.form.who')} required {...fieldError(`action-${a.key}-who`)}>
                <Select value={a.who} onChange={(_, d) => updateAction(a.key, { who: d.value })}>
                  <option value="">{t('conferences.form.choose')}</option>
                  {whoOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('conferences.form.what')} required {...fieldError(`action-${a.key}-what`)}>
                <Input value={a.what} maxLength={300} onChange={(_, d) => updateAction(a.key, { what: d.value })} />
              </Field>
              <DateField label={t('conferences.form.byWhen')} required value={a.due} error={errors[`action-${a.key}-due`]} onChange={(x) => updateAction(a.key, { due: x })} />
              <Field label={t('conferences.form.goal')} hint={t('conferences.form.goalHint')}>
                <Select value={a.goalId} onChange={(_, d) => updateAction(a.key, { goalId: d.value })}>
                  <option value="">{t('conferences.form.noGoal')}</option>
                  {kase.goals.map((g) => (
                    <option key={g.id} value={g.id}>
                      {t(`lifeAreas.${g.area}`)}: {g.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => set('actions', v.actions.filter((x) => x.key !== a.key))} aria-label={t('conferences.form.removeAction', { n: i + 1 })}>
                {t('conferences.form.remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button onClick={() => set('actions', [...v.actions, { key: rowKey(), who: '', what: '', due: '', goalId: '' }])}>{t('conferences.form.addAction')}</Button>
          </div>
        </fieldset>

        <DateField label={t('conferences.form.nextOn')} value={v.nextOn} error={errors.nextOn} onChange={(x) => set('nextOn', x)} />
      </FormDialog>
      {confirming ? (
        <ConfirmSameDayDialog
          date={formatIsoDay(confirming.heldOn)}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const input = { ...confirming, confirmSameDay: true };
            setConfirming(null);
            void send(input);
          }}
        />
      ) : null}
    </>
  );
}
