import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/error-text';
import { DashboardCard } from '../DashboardCard';
import { FormAlert, StatusNotice } from '../FormAlert';
import type { AuditVerification } from './audit-labels';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  full: { alignSelf: 'stretch' },
});

/** The chain check (audit.verify) at a glance: intact with the number of entries, or where it breaks. */
export function AuditIntegrity() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let active = true;
    call('audit.verify', {}).then(
      (r) => {
        if (!active) return;
        setResult(r);
        setError(null);
        setChecking(false);
      },
      (e: unknown) => {
        if (!active) return;
        setError(e);
        setChecking(false);
      },
    );
    return () => {
      active = false;
    };
  }, [tick]);

  const recheck = useCallback(() => {
    setChecking(true);
    setTick((n) => n + 1);
  }, []);

  const broken = !checking && result && !result.ok;
  const brokenText = broken
    ? t('auditView.integrity.broken', {
        id: result.firstBreak?.id ?? '?',
        reason: t(`auditView.integrity.reasons.${result.firstBreak?.reason ?? 'changed'}`),
      })
    : null;
  return (
    <DashboardCard id="audit-integrity" title={t('auditView.integrity.title')}>
      <div className={styles.row} aria-busy={checking}>
        <div className={styles.full}>
          <StatusNotice message={!checking && result?.ok ? t('auditView.integrity.ok', { count: result.entries }) : null} />
          <FormAlert
            title={broken ? t('auditView.integrity.brokenTitle') : undefined}
            message={!checking && error ? errorText(t, error) : brokenText}
          />
        </div>
        {checking ? <Spinner size="tiny" label={t('auditView.integrity.checking')} /> : null}
        <Button onClick={recheck} disabledFocusable={checking}>
          {t('auditView.integrity.recheck')}
        </Button>
      </div>
    </DashboardCard>
  );
}
