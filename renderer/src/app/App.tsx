import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { call, setSessionLostHandler } from '../api/client';
import { OFFICES, policyValue, type Office, type SessionUser, type VaultStatus } from '../api/core';
import { StartupError } from '../components/StartupError';
import { LoadingScreen } from '../components/LoadingScreen';
import { LockPage } from '../pages/LockPage';
import { SetupPage } from '../pages/SetupPage';
import { FirstPassphrasePage } from '../pages/FirstPassphrasePage';
import { takeLastLockReason } from './lock-coordinator';
import { useLockTriggers } from './use-lock-triggers';

// The app behind the lock is its own chunk: the lock screen (and setup) load first.
const AppFrame = lazy(() => import('../components/AppFrame').then((m) => ({ default: m.AppFrame })));

/**
 * The top-level state machine: the core's vault state decides the screen. `uninitialised` → setup wizard,
 * `locked` → lock screen, `unlocked` → the app. Locking always reloads the page, so "unlocked → locked" never
 * happens in memory.
 */
export type AppState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'setup'; status: VaultStatus; vaultCreated: boolean }
  | { kind: 'locked'; status: VaultStatus }
  | { kind: 'unlocked'; status: VaultStatus; user: SessionUser };

async function loadState(): Promise<AppState> {
  const status = await call('vault.status', {});
  if (status.state === 'uninitialised') return { kind: 'setup', status, vaultCreated: false };
  if (status.state === 'locked') return { kind: 'locked', status };
  const user = await call('session.current', {});
  return user ? { kind: 'unlocked', status, user } : { kind: 'locked', status: { ...status, state: 'locked' } };
}

/** The office the machine policy sets for this workstation, offered alone in the set-up wizard. */
function policyOfficeOf(status: VaultStatus): Office | null {
  const office = policyValue(status.policy, 'office');
  return typeof office === 'string' && (OFFICES as readonly string[]).includes(office) ? (office as Office) : null;
}

export function App() {
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  const [lockReason] = useState(takeLastLockReason);

  const refresh = useCallback(() => {
    setState({ kind: 'loading' });
    loadState().then(setState, (error: unknown) => setState({ kind: 'failed', error }));
  }, []);

  useEffect(() => {
    // The initial state is already 'loading'; only the retry path needs to reset it.
    loadState().then(setState, (error: unknown) => setState({ kind: 'failed', error }));
    setSessionLostHandler(() => window.location.reload());
    return () => setSessionLostHandler(null);
  }, []);

  // Once the vault exists the session is unlocked (also during the recovery-key steps of setup), so it must lock too.
  const unlocked = state.kind === 'unlocked' || (state.kind === 'setup' && state.vaultCreated);
  const idleMinutes = state.kind === 'loading' || state.kind === 'failed' ? 0 : state.status.idleLockMinutes;
  useLockTriggers(unlocked, idleMinutes);

  switch (state.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'failed':
      return <StartupError error={state.error} onRetry={refresh} />;
    case 'setup':
      return (
        <SetupPage
          policyOffice={policyOfficeOf(state.status)}
          onVaultCreated={() => setState((s) => (s.kind === 'setup' ? { ...s, vaultCreated: true } : s))}
          onFinished={refresh}
        />
      );
    case 'locked':
      return <LockPage office={state.status.office} appVersion={state.status.appVersion} lockReason={lockReason} onUnlocked={refresh} />;
    case 'unlocked':
      // A passphrase IT set is one-time: the core serves nothing but the change, so the app is not even loaded.
      if (state.user.passphraseChange) return <FirstPassphrasePage user={{ ...state.user, passphraseChange: state.user.passphraseChange }} onChanged={refresh} />;
      return (
        <Suspense fallback={<LoadingScreen />}>
          <AppFrame
          user={state.user}
          status={state.status}
          onIdleLockMinutesChanged={(minutes) =>
            setState((s) => (s.kind === 'unlocked' ? { ...s, status: { ...s.status, idleLockMinutes: minutes } } : s))
          }
          />
        </Suspense>
      );
  }
}
