import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser, VaultStatus } from '../api/core';
import { AccountsPage, ApprovalsPage, AuditPage, CaseFilePage, ClientFilePage, ClientListPage, HomePage, NetworkPage, NewClientPage, PartnersPage, FindingsPage, StatisticsPage, SyncConflictsPage, DataSubjectPage, RetentionPage, SystemHealthPage } from '../app/lazy-pages';
import { AREAS, canUse, useRoute, type Route } from '../app/routes';
import { AwaitingKeysNotice } from './AwaitingKeysNotice';
import { BrandMark } from './BrandMark';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { MAIN_ID } from './CenteredShell';
import { StatusNotice } from './FormAlert';
import { SyncStateIndicator } from './network/SyncStateIndicator';
import { MachinePolicyProvider } from '../app/machine-policy';
import { SkipLink } from './SkipLink';
import { useOpenConflictCount } from './sync-conflicts/conflict-events';
import { UserMenu } from './UserMenu';

const useStyles = makeStyles({
  page: {
    height: '100%',
    display: 'grid',
    gridTemplateColumns: '232px minmax(0, 1fr)',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    gridTemplateAreas: '"header header" "nav main"',
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `3px solid ${tokens.colorBrandBackground}`,
  },
  office: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  spacer: { flexGrow: 1 },
  nav: {
    gridArea: 'nav',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`,
  },
  navList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  navLink: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  navCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  main: {
    gridArea: 'main',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    ':focus': { outline: 'none' },
  },
  notice: { marginBottom: tokens.spacingVerticalL, maxWidth: '1200px' },
  navCount: {
    marginLeft: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Props {
  user: SessionUser;
  status: VaultStatus;
  onIdleLockMinutesChanged: (minutes: number) => void;
}

/** The unlocked app: header (app, office, user menu), navigation, and the current area in the main landmark. */
export function AppFrame({ user, status, onIdleLockMinutesChanged }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const route = useRoute();
  const area = canUse(user.role, route.area) ? route.area : 'home';
  const [dialogOpen, setDialogOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const openConflicts = useOpenConflictCount(canUse(user.role, 'conflicts'));

  return (
    <MachinePolicyProvider policy={status.policy}>
    <div className={styles.page}>
      <SkipLink targetId={MAIN_ID} />
      <header className={styles.header}>
        <BrandMark />
        <span className={styles.office}>{t('frame.officeBadge', { office: t(`offices.${user.office}`) })}</span>
        <span className={styles.spacer} />
        <SyncStateIndicator isIt={user.role === 'it-admin'} />
        <UserMenu user={user} buttonRef={menuButtonRef} onChangePassphrase={() => setDialogOpen(true)} />
      </header>
      <nav className={styles.nav} aria-label={t('frame.navLabel')}>
        <ul className={styles.navList}>
          {AREAS.filter((a) => canUse(user.role, a.id)).map((a) => (
            <li key={a.id}>
              <a
                href={a.hash}
                className={`${styles.navLink} ${a.id === area ? styles.navCurrent : ''}`}
                aria-current={a.id === area ? 'page' : undefined}
              >
                {t(a.labelKey)}
                {a.id === 'conflicts' && openConflicts ? (
                  <>
                    <span className={styles.navCount} aria-hidden="true" data-testid="open-conflict-count">
                      {openConflicts}
                    </span>
                    <span className={styles.srOnly}>{` (${t('syncConflicts.navCount', { count: openConflicts })})`}</span>
                  </>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
        {/* Stays for the whole session: the keys arrive only with a later unlock (see SessionUser). */}
        {user.awaitingCategoryKeys?.length ? (
          <div className={styles.notice}>
            <AwaitingKeysNotice categories={user.awaitingCategoryKeys} />
          </div>
        ) : null}
        {notice ? (
          <div className={styles.notice}>
            <StatusNotice message={notice} />
          </div>
        ) : null}
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          {area === 'home' ? (
            <HomePage user={user} status={status} onIdleLockMinutesChanged={onIdleLockMinutesChanged} />
          ) : (
            <AreaPage route={route} user={user} />
          )}
        </Suspense>
      </main>
      {dialogOpen ? (
        // Mounted only while open: its strength meter loads the passphrase policy (zxcvbn) on first use.
        <Suspense fallback={null}>
          <ChangePassphraseDialog
            open
            user={user}
            onClose={(changed) => {
              setDialogOpen(false);
              if (changed) setNotice(t('frame.passphraseChanged'));
              // The menu item that opened the dialog is gone; give focus back to the menu button.
              window.setTimeout(() => menuButtonRef.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
    </div>
    </MachinePolicyProvider>
  );
}

/** The screen of a route outside "Übersicht"; keyed by record id so a new record starts with fresh state. */
function AreaPage({ route, user }: { route: Route; user: SessionUser }) {
  if (route.area === 'accounts') return <AccountsPage user={user} />;
  if (route.area === 'network') return <NetworkPage user={user} />;
  if (route.area === 'systemHealth') return <SystemHealthPage />;
  if (route.area === 'audit') return <AuditPage user={user} />;
  if (route.area === 'approvals') return <ApprovalsPage user={user} />;
  if (route.area === 'conflicts') return <SyncConflictsPage />;
  if (route.area === 'partners') return <PartnersPage user={user} />;
  if (route.area === 'findings') return <FindingsPage user={user} />;
  if (route.area === 'dataSubject') return <DataSubjectPage />;
  if (route.area === 'statistics') return <StatisticsPage user={user} />;
  if (route.area === 'retention') return <RetentionPage user={user} />;
  if (route.area !== 'clients') return null;
  switch (route.view) {
    case 'list':
      return <ClientListPage user={user} />;
    case 'new':
      return <NewClientPage user={user} />;
    case 'client':
      return <ClientFilePage key={route.id} id={route.id} user={user} />;
    case 'case':
      return <CaseFilePage key={route.id} id={route.id} user={user} />;
  }
}
