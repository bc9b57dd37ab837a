import { Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** A titled section of the dashboard; the title is an h2 below the page's h1, and names the region. */
export function DashboardCard({ id, title, description, children, className }: { id: string; title: string; description?: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <Card className={`${styles.card} ${className ?? ''}`} role="region" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.heading}>
        {title}
      </h2>
      {description ? <p className={styles.description}>{description}</p> : null}
      {children}
    </Card>
  );
}
