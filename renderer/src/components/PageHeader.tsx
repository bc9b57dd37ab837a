import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  text: { flexGrow: 1, minWidth: '240px' },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  lead: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * The page's h1, focused when the screen opens: after a hash navigation a screen reader otherwise stays on the
 * link that was activated and never hears that the screen changed (WCAG 2.4.3).
 */
export function PageHeader({ title, lead, actions, children }: { title: string; lead?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only when nothing else inside the main area has focus (e.g. a search box keeps it).
    const active = document.activeElement;
    if (!active || active === document.body || active.tagName === 'A' || active.id === 'main') ref.current?.focus();
  }, [title]);
  return (
    <div className={styles.header}>
      <div className={styles.text}>
        <h1 className={styles.h1} tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {lead ? <p className={styles.lead}>{lead}</p> : null}
        {children}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
