import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown on a client file and its cases while processing is restricted (Art. 18): why nothing can be changed. */
export function RestrictedBanner({ restricted }: { restricted: boolean }) {
  const { t } = useTranslation();
  if (!restricted) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="restricted-banner">
      <MessageBarBody>
        <MessageBarTitle>{t('retention.banner.title')}</MessageBarTitle>
        {t('retention.banner.body')}
      </MessageBarBody>
    </MessageBar>
  );
}
