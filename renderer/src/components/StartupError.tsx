import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { CenteredShell } from './CenteredShell';
import { FormAlert } from './FormAlert';

const useStyles = makeStyles({
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, marginTop: 0 },
  actions: { marginTop: tokens.spacingVerticalL },
});

/** Shown when even `vault.status` fails (data folder gone, core not answering). */
export function StartupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <CenteredShell>
      <h1 className={styles.h1}>{t('app.startFailed')}</h1>
      <FormAlert message={errorText(t, error)} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </div>
    </CenteredShell>
  );
}
