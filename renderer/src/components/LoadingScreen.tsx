import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CenteredShell } from './CenteredShell';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <CenteredShell>
      <h1 style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('app.name')}</h1>
      <Spinner label={t('app.loading')} />
    </CenteredShell>
  );
}
