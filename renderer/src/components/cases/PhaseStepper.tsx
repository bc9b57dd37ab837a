import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/case-types';
import { CASE_PHASES } from '../../api/core';
import { formatIsoDay } from '../../format/partial-date';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: `repeat(${CASE_PHASES.length}, minmax(0, 1fr))`, gap: tokens.spacingHorizontalXS },
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `4px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
  },
  done: { borderTopColor: tokens.colorPaletteGreenBorderActive, color: tokens.colorNeutralForeground1 },
  current: { borderTopColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightSemibold },
  number: { fontSize: tokens.fontSizeBase200 },
  name: { fontSize: tokens.fontSizeBase300 },
  date: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});

/** The DGCC phases in order; the state of each is said in words too (screen readers, and no colour-only cues). */
export function PhaseStepper({ kase }: { kase: CaseDetail }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const currentIndex = CASE_PHASES.indexOf(kase.phase);
  const closed = kase.closedOn !== null;
  return (
    <ol className={styles.list} aria-label={t('caseFile.phasesLabel')}>
      {CASE_PHASES.map((p, i) => {
        // Outside the keeping office the history is absent: the steps show their state without dates.
        const reached = kase.phaseHistory?.filter((e) => e.phase === p).at(-1);
        const state = closed || i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'upcoming';
        return (
          <li
            key={p}
            className={mergeClasses(styles.step, state === 'done' && styles.done, state === 'current' && styles.current)}
            aria-current={state === 'current' ? 'step' : undefined}
            data-testid={`phase-${p}`}
          >
            <span className={styles.number}>
              {t('caseFile.step', { n: i + 1 })} · {t(`caseFile.stepState.${state}`)}
            </span>
            <span className={styles.name}>{t(`phases.${p}`)}</span>
            <span className={styles.date}>{reached ? t('caseFile.since', { date: formatIsoDay(reached.on) }) : ' '}</span>
          </li>
        );
      })}
    </ol>
  );
}
