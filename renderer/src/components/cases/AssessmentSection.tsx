import { Button, Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/case-types';
import { call } from '../../api/client';
import { LIFE_AREAS, NEED_LEVELS, type LifeArea, type NeedLevel } from '../../api/core';
import { errorText } from '../../api/error-text';
import { FormAlert } from '../FormAlert';
import { useSectionStyles } from '../section-styles';
import { useTableStyles } from '../table-styles';

/** Assessment per life area: need (none / some / urgent) and a note. */
export function AssessmentSection({ kase, readOnly, onChanged }: { kase: CaseDetail; readOnly: boolean; onChanged: (c: CaseDetail) => void }) {
  const s = useSectionStyles();
  const table = useTableStyles();
  const { t } = useTranslation();
  const [area, setArea] = useState<LifeArea>('language');
  const [need, setNeed] = useState<NeedLevel>('some');
  const [note, setNote] = useState('');
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onChanged(await call('assessment.set', { caseId: kase.id, area, need, note: note.trim() || undefined }));
      setNote('');
      setAlert(null);
    } catch (e) {
      setAlert(errorText(t, e));
    }
  };

  return (
    <section className={s.section} aria-labelledby="assessment-title">
      <h2 id="assessment-title" className={s.h2}>
        {t('assessment.title')}
      </h2>
      <table className={table.table}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('assessment.area')}</th>
            <th scope="col" className={table.th}>{t('assessment.need')}</th>
            <th scope="col" className={table.th}>{t('assessment.note')}</th>
          </tr>
        </thead>
        <tbody>
          {LIFE_AREAS.map((a) => {
            const entry = kase.assessment.find((x) => x.area === a);
            return (
              <tr key={a}>
                <th scope="row" className={table.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                  {t(`lifeAreas.${a}`)}
                </th>
                <td className={table.td}>{entry ? t(`needLevels.${entry.need}`) : <span className={s.muted}>{t('assessment.notYet')}</span>}</td>
                <td className={table.td}>{entry?.note ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {readOnly ? null : (
        <form className={s.addForm} onSubmit={submit} noValidate aria-labelledby="assessment-add-title">
          <h3 id="assessment-add-title" className={`${s.h3} ${s.wide}`}>
            {t('assessment.add')}
          </h3>
          <FormAlert message={alert} />
          <Field label={t('assessment.area')}>
            <Select value={area} onChange={(_, d) => setArea(d.value as LifeArea)}>
              {LIFE_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`lifeAreas.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('assessment.need')}>
            <RadioGroup value={need} onChange={(_, d) => setNeed(d.value as NeedLevel)} layout="horizontal">
              {NEED_LEVELS.map((n) => (
                <Radio key={n} value={n} label={t(`needLevels.${n}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('assessment.note')} className={s.wide}>
            <Textarea value={note} maxLength={2000} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <div className={s.formActions}>
            <Button type="submit" appearance="primary">
              {t('assessment.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
