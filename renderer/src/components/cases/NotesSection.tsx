import { Badge, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { NOTE_KINDS, type NoteKind } from '../../api/core';
import { errorText } from '../../api/error-text';
import { flatDraft, useDraft } from '../../app/use-draft';
import { formatIsoDay, todayIso } from '../../format/partial-date';
import { DateField, germanFromIso, isoFromGerman } from '../DateField';
import { AddForm, ListSection } from '../ListSection';
import { useSectionStyles } from '../section-styles';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  note: { padding: tokens.spacingHorizontalL, borderLeft: `4px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2 },
  internal: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  head: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  text: { margin: `${tokens.spacingVerticalS} 0 0`, whiteSpace: 'pre-wrap' },
});

/** Case notes, newest first; the form keeps its text as a draft across an auto-lock. */
export function NotesSection({ kase, readOnly, onChanged }: { kase: CaseDetail; readOnly: boolean; onChanged: (c: CaseDetail) => void }) {
  const styles = useStyles();
  const s = useSectionStyles();
  const { t } = useTranslation();
  const empty = { occurredOn: germanFromIso(todayIso()), kind: 'in-person' as string, participants: '', text: '', internal: false };
  const [values, setValues] = useState(empty);
  const draft = useDraft(
    `cases.note:${kase.id}`,
    flatDraft({ participants: values.participants, text: values.text }, (d) => setValues((v) => ({ ...v, ...d }))),
  );
  const [textError, setTextError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const on = isoFromGerman(values.occurredOn);
    setDateError(on ? null : t('dates.invalid'));
    if (!values.text.trim()) setTextError(t('validation.required'));
    if (!on || !values.text.trim()) return;
    try {
      onChanged(
        await call('notes.add', {
          caseId: kase.id,
          occurredOn: on,
          kind: values.kind as NoteKind,
          participants: values.participants.trim() || undefined,
          text: values.text.trim(),
          internal: values.internal,
        }),
      );
      setValues(empty);
      setAlert(null);
      await draft.discard().catch(() => undefined);
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  const notes = [...(kase.notes ?? [])].sort((a, b) => (b.occurredOn + b.createdAt).localeCompare(a.occurredOn + a.createdAt));
  return (
    <ListSection
      id="notes"
      title={t('notes.title')}
      items={notes}
      itemKey={(n) => n.id}
      emptyText={t('notes.empty')}
      formFirst
      addForm={
        readOnly ? null : (
          <AddForm titleId="note-add-title" title={t('notes.add')} submitLabel={t('notes.save')} onSubmit={(e) => void submit(e)} alert={alert}>
            <DateField label={t('notes.date')} required value={values.occurredOn} error={dateError} onChange={(text) => setValues((v) => ({ ...v, occurredOn: text }))} />
            <Field label={t('notes.kind')}>
              <Select value={values.kind} onChange={(_, d) => setValues((v) => ({ ...v, kind: d.value }))}>
                {NOTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`noteKinds.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('notes.participants')} hint={t('notes.participantsHint')}>
              <Input value={values.participants} maxLength={300} onChange={(_, d) => setValues((v) => ({ ...v, participants: d.value }))} />
            </Field>
            <Field label={t('notes.text')} required className={s.wide} validationState={textError ? 'error' : 'none'} validationMessage={textError ?? undefined}>
              <Textarea rows={4} resize="vertical" value={values.text} onChange={(_, d) => (setValues((v) => ({ ...v, text: d.value })), setTextError(null))} />
            </Field>
            <Checkbox className={s.wide} checked={values.internal} onChange={(_, d) => setValues((v) => ({ ...v, internal: d.checked === true }))} label={t('notes.internal')} />
          </AddForm>
        )
      }
      renderList={(list) => (
        <ul className={styles.list} aria-label={t('notes.listLabel')}>
          {list.map((n) => (
            <li key={n.id} className={`${styles.note} ${n.internal ? styles.internal : ''}`}>
              <div className={styles.head}>
                <strong>{formatIsoDay(n.occurredOn)}</strong>
                <span>{t(`noteKinds.${n.kind}`)}</span>
                {n.participants ? <span>{t('notes.with', { participants: n.participants })}</span> : null}
                <span>{t('notes.by', { name: n.authorName })}</span>
                {n.internal ? <Badge appearance="tint" color="warning">{t('notes.internalBadge')}</Badge> : null}
              </div>
              <p className={styles.text}>{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    />
  );
}
