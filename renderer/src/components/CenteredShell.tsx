import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import { SkipLink } from './SkipLink';

const useStyles = makeStyles({
  page: { minHeight: '100%', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
  },
  aside: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  main: {
    flexGrow: 1,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    ':focus': { outline: 'none' },
  },
  panel: {
    width: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    boxSizing: 'border-box',
  },
});

export const MAIN_ID = 'main-content';

/** Layout of the screens before the app (setup, lock): brand header, one centred panel as the main landmark. */
export function CenteredShell({ children, width = 480, aside }: { children: ReactNode; width?: number; aside?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <SkipLink targetId={MAIN_ID} />
      <header className={`${styles.header} kim-no-print`}>
        <BrandMark />
        {aside ? <div className={styles.aside}>{aside}</div> : null}
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        <div className={styles.panel} style={{ maxWidth: width }}>
          {children}
        </div>
      </main>
    </div>
  );
}
