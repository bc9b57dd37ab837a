import { Badge, Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseManagerOption } from '../../api/case-types';
import { call } from '../../api/client';
import type { ConferenceActionView, ConferenceView } from '../../api/conference-types';
import { errorText } from '../../api/error-text';
import { useLoad } from '../../app/use-load';
import { formatIsoDay } from '../../format/partial-date';
import { languageName } from '../../format/world';
import { FormAlert, StatusNotice } from '../FormAlert';
import { ConferenceDialog } from './ConferenceDialog';
import { conferenceDraftId } from './conference-draft';
import { PrintMinutesDialog } from './PrintMinutesDialog';
import { PolicyExportButton } from '../PolicyExportButton';

const useStyles = makeStyles({
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: `${tokens.spacingVerticalM} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { padding: tokens.spacingHorizontalL, borderLeft: `4px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground2, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cardHead: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
  plain: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  empty: { margin: `${tokens.spacingVerticalM} 0 0`, color: tokens.colorNeutralForeground2 },
});

type Props = { kase: CaseDetail; managers: CaseManagerOption[]; readOnly: boolean; onCaseChanged: () => void };

/** The case's conferences (Fallkonferenzen), newest first, with their agreed actions tracked to done. */
export function ConferencesSection({ kase, managers, readOnly, onCaseChanged }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const list = useLoad(() => call('conferences.list', { caseId: kase.id }), [kase.id]);
  const [editing, setEditing] = useState<ConferenceView | 'new' | null>(null);
  const [printing, setPrinting] = useState<ConferenceView | null>(null);
  // A new conference's input kept at a lock: the button says the dialog continues it.
  const newDraft = useLoad(() => (readOnly ? Promise.resolve(null) : call('drafts.get', { formId: conferenceDraftId(kase.id, null) })), [kase.id, readOnly]);
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const toggle = async (a: ConferenceActionView, done: boolean) => {
    setAlert(null);
    try {
      const updated = await call('conferenceActions.setDone', { id: a.id, done });
      list.set((list.data ?? []).map((c) => (c.id === updated.id ? updated : c)));
      setNotice(t(done ? 'conferences.actionDone' : 'conferences.actionOpen', { what: a.what }));
      onCaseChanged();
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  const conferences = list.data ?? [];
  return (
    <section aria-labelledby="conferences-title">
      <div className={styles.head}>
        <h2 id="conferences-title" className={styles.h2}>
          {t('conferences.title')}
        </h2>
        {readOnly ? null : (
          <Button appearance="primary" onClick={() => setEditing('new')}>
            {newDraft.data ? t('conferences.continueDraft') : t('conferences.new')}
          </Button>
        )}
      </div>
      <FormAlert message={alert ?? (list.error ? errorText(t, list.error) : null)} />
      <StatusNotice message={notice} />
      {list.data && conferences.length === 0 ? <p className={styles.empty}>{t('conferences.empty')}</p> : null}
      <ul className={styles.list} aria-label={t('conferences.listLabel')}>
        {conferences.map((c) => (
          <li key={c.id} className={styles.card}>
            <div className={styles.cardHead}>
              <h3 className={styles.h3}>{c.heldAt ? t('conferences.heldOnAt', { date: formatIsoDay(c.heldOn), time: c.heldAt }) : t('conferences.heldOn', { date: formatIsoDay(c.heldOn) })}</h3>
              <Badge appearance="outline">{t(c.clientPresent ? 'conferences.clientPresent' : 'conferences.clientAbsent')}</Badge>
              {c.interpreter ? <Badge appearance="tint">{t('conferences.interpreterBadge', { language: languageName(c.interpreter.language, i18n.language) })}</Badge> : null}
              {readOnly || !c.participants ? null : (
                <Button size="small" onClick={() => setEditing(c)} aria-label={t('conferences.editLabel', { date: formatIsoDay(c.heldOn) })}>
                  {t('conferences.edit')}
                </Button>
              )}
              {readOnly || !c.participants ? null : (
                <PolicyExportButton method="conferences.printMinutes" size="small" onClick={() => setPrinting(c)} aria-label={t('conferences.print.openLabel', { date: formatIsoDay(c.heldOn) })}>
                  {t('conferences.print.open')}
                </PolicyExportButton>
              )}
            </div>
            {c.participants ? (
              <p className={styles.text}>
                <span className={styles.sub}>{t('conferences.participants')}: </span>
                {c.participants.length
                  ? c.participants.map((p) => [p.name, p.contactName, p.role].filter(Boolean).join(' – ')).join('; ')
                  : t('conferences.noParticipants')}
              </p>
            ) : null}
            {c.situations.length ? (
              <>
                <h4 className={styles.h4}>{t('conferences.situations')}</h4>
                <dl className={styles.dl}>
                  {c.situations.map((s) => (
                    <div key={s.area} style={{ display: 'contents' }}>
                      <dt>{t(`lifeAreas.${s.area}`)}</dt>
                      <dd className={styles.dd}>{s.text}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
            {c.results ? (
              <>
                <h4 className={styles.h4}>{t('conferences.results')}</h4>
                <p className={styles.text}>{c.results}</p>
              </>
            ) : null}
            {c.actions ? (
              <>
                <h4 className={styles.h4}>{t('conferences.actions')}</h4>
                {c.actions.length === 0 ? <p className={styles.sub}>{t('conferences.noActions')}</p> : null}
                <ul className={styles.plain}>
                  {c.actions.map((a) => (
                    <li key={a.id}>
                      <Checkbox
                        checked={a.done}
                        disabled={readOnly}
                        onChange={(_, d) => void toggle(a, d.checked === true)}
                        label={`${t('conferences.actionLine', { who: a.whoName, what: a.what, date: formatIsoDay(a.dueDate) })} · ${t(a.measureId ? 'conferences.asMeasure' : 'conferences.asFollowUp')}`}
                      />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {c.nextOn ? <p className={styles.text}>{t('conferences.nextOn', { date: formatIsoDay(c.nextOn) })}</p> : null}
          </li>
        ))}
      </ul>
      {editing ? (
        <ConferenceDialog
          kase={kase}
          managers={managers}
          conference={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            newDraft.reload();
          }}
          onSaved={(saved) => {
            setEditing(null);
            newDraft.reload();
            setNotice(t('conferences.saved', { date: formatIsoDay(saved.heldOn) }));
            list.reload();
            onCaseChanged();
          }}
        />
      ) : null}
      {printing ? (
        <PrintMinutesDialog
          conference={printing}
          onCancel={() => setPrinting(null)}
          onDone={(fileName) => {
            setPrinting(null);
            setNotice(t('conferences.print.done', { fileName }));
          }}
        />
      ) : null}
    </section>
  );
}
