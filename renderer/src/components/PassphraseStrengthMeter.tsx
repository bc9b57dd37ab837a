import { Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PassphraseAssessment } from './passphrase-assessment';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  rules: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  rule: { display: 'flex', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  missing: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  hints: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/**
 * Live strength feedback. The summary line is a polite live region (announced after typing pauses); the rules
 * say "erfüllt / nicht erfüllt" in words, not only by colour or symbol.
 */
export function PassphraseStrengthMeter({ assessment, id }: { assessment: PassphraseAssessment; id: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const level = t(`strength.levels.${assessment.score}`);
  const empty = assessment.length === 0;
  return (
    <div className={styles.root} id={id}>
      <Field label={t('strength.label')} size="small" validationState="none">
        <ProgressBar value={empty ? 0 : (assessment.score + 1) / 5} thickness="large" color={COLORS[assessment.score]} />
      </Field>
      <div aria-live="polite" aria-atomic="true" style={{ fontSize: tokens.fontSizeBase200 }}>
        {empty ? t('strength.empty') : t('strength.summary', { level, score: assessment.score })}
      </div>
      <ul className={styles.rules}>
        <Rule met={assessment.longEnough} text={t('strength.ruleLength', { minimum: assessment.minLength, count: assessment.length })} />
        <Rule met={assessment.score >= assessment.minScore} text={t('strength.ruleScore')} />
      </ul>
      {!empty && (assessment.warning || assessment.suggestions.length > 0) ? (
        <ul className={styles.hints}>
          {assessment.warning ? <li className={styles.warning}>{t(`strength.warnings.${assessment.warning}`, { defaultValue: '' })}</li> : null}
          {assessment.suggestions.map((s) => (
            <li key={s}>{t(`strength.suggestions.${s}`, { defaultValue: '' })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );

}

function Rule({ met, text }: { met: boolean; text: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.rule}>
      <span className={met ? styles.ok : styles.missing} aria-hidden="true">
        {met ? '✓' : '○'}
      </span>
      <span>
        {text} – {met ? t('strength.met') : t('strength.notMet')}
      </span>
    </li>
  );
}
